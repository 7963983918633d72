package smtp_test

import (
	"context"
	"encoding/base64"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/logcheck"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// TestAuthNeverReachesALog runs AUTH PLAIN and AUTH LOGIN (after
// STARTTLS, whose plain text the raw log records) with both logs on, then
// looks for the password and its base64 forms in every file written.
func TestAuthNeverReachesALog(t *testing.T) {
	const user, pass = "testuser@example.test", "testpass"
	_, loginPass := smtp.LoginSteps(user, pass)
	secrets := []string{pass, smtp.PlainResponse(user, pass), loginPass,
		base64.StdEncoding.EncodeToString([]byte(pass))}
	for _, mech := range []string{"PLAIN", "LOGIN"} {
		for _, logSecrets := range []bool{false, true} {
			dir := t.TempDir()
			p := smtppeer.Start(t, nil)
			l := connect(t, p, protocol.TLSNone, true, func(c *protocol.Config) {
				c.SessionLog = protocol.Log{Path: filepath.Join(dir, "session.log"), Timestamp: "&T "}
				c.RawLog = protocol.Log{Path: filepath.Join(dir, "raw.log")}
				c.LogSecrets = logSecrets
			})
			pl := plan(nil)
			pl.StartTLS = true
			pl.Auth = &smtp.Auth{Mechanism: mech, User: user, Password: pass}
			res := smtp.Run(context.Background(), l, l.tap, pl, nil)
			if res.Err != nil || !res.AuthOK {
				t.Fatalf("%s: %v\n%s", mech, res.Err, res.Summary())
			}
			shown := l.transcript()
			<-l.s.Done()
			found := logcheck.Found(t, dir, secrets...)
			switch {
			case !logSecrets && len(found) > 0:
				t.Errorf("%s: a secret is in a log: %q", mech, found)
			case logSecrets && len(found) == 0:
				t.Errorf("%s with LogSecrets: the raw log should hold the credentials", mech)
			}
			for _, sec := range secrets {
				if strings.Contains(shown+res.Summary(), sec) {
					t.Errorf("%s: %q is in the transcript", mech, sec)
				}
			}
		}
	}
}
