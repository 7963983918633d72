//go:build e2e

package e2e

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/testwait"
)

// TestRunTestAgainstPostfix: a saved SMTP profile opens with the assistant
// filled in; Ctrl+Shift+Enter runs the whole test against the real
// Postfix peer and the message arrives in the mailbox.
func TestRunTestAgainstPostfix(t *testing.T) {
	addr := peer(t, "TERN_PEER_POSTFIX")
	host, port, _ := net.SplitHostPort(addr)
	marker := "e2e-" + time.Now().Format("150405.000")
	profiles := filepath.Join(t.TempDir(), "profiles.json")
	file := map[string]any{"version": 1, "profiles": []any{map[string]any{
		"name": "Postfix test", "host": host, "port": port, "negotiation": "passive", "tls": "starttls",
		"localEcho": "on", "localEdit": "on", "closeOnExit": "never",
		"smtp": map[string]any{"ehlo": "e2e.example.org", "from": "helpdesk@example.org", "to": []string{"testuser@example.test"},
			"authUser": "testuser@example.test", "openOnConnect": true},
	}}}
	data, _ := json.Marshal(file)
	os.WriteFile(profiles, data, 0o600)
	// The peer's self-signed certificate is the only trusted root, so
	// STARTTLS verifies as it would against a real mail server.
	a := LaunchWith(t, []string{"TERN_PROFILES=" + profiles, "SSL_CERT_FILE=/etc/postfix/peer-tls/cert.pem"}, "-load", "Postfix test")
	time.Sleep(time.Second)
	// The password is never in the profile: type it into the assistant's
	// Password field, two Tabs from EHLO name, which sits in the 1100x680
	// window below the buttons and the assistant's two-line message.
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "09-smtp-before-password.png"))
	a.Click(900, 350)
	a.Key("Tab", "Tab")
	a.Type("testpass")
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "09-smtp-password-typed.png"))
	a.Key("ctrl+shift+Return")
	found := testwait.HoldsEvery(20*time.Second, 200*time.Millisecond, func() bool {
		found := false
		files, _ := filepath.Glob(filepath.Join(os.Getenv("TERN_PEER_MAILDIR"), "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), "Received: from e2e.example.org") && strings.Contains(string(b), "helpdesk@example.org") &&
				strings.Contains(string(b), "(using TLS") && strings.Contains(string(b), "(Authenticated sender: testuser@example.test)") {
				if info, _ := os.Stat(f); info != nil && time.Since(info.ModTime()) < time.Minute {
					found = true
				}
			}
		}
		return found
	})
	// The -race binary needs a few seconds to draw the whole conversation
	// and the summary (the plain binary is done within one).
	time.Sleep(4 * time.Second)
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "09-smtp-run-test-postfix.png"))
	if !found {
		t.Fatalf("no message from the Run test in the Maildir (%s)", marker)
	}
}
