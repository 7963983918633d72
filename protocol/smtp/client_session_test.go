package smtp_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// TestClientOverRealSession drives the verbs through a real
// protocol.Session against a scripted loopback server and compares the
// exact bytes that crossed the wire, then what the person saw.
func TestClientOverRealSession(t *testing.T) {
	user, pass := smtp.LoginSteps("u@example.test", "secret")
	answers := map[string]string{
		"EHLO me.example.org":           "250-mail.example.test\r\n250-AUTH LOGIN\r\n250 8BITMIME\r\n",
		"AUTH LOGIN":                    "334 VXNlcm5hbWU6\r\n",
		user:                            "334 UGFzc3dvcmQ6\r\n",
		pass:                            "235 2.7.0 Authentication successful\r\n",
		"VRFY postmaster":               "252 2.0.0 Cannot VRFY user, but will accept message\r\n",
		"MAIL FROM:<a@example.test>":    "250 2.1.0 Ok\r\n",
		"RCPT TO:<x@elsewhere.example>": "554 5.7.1 <x@elsewhere.example>: Relay access denied\r\n",
		"RSET":                          "250 2.0.0 Ok\r\n",
		"QUIT":                          "221 2.0.0 Bye\r\n",
	}
	srv := loopserver.Start(t, []byte("220 mail.example.test ESMTP\r\n"), false)
	srv.Reply = func(line string) string {
		if a, ok := answers[line]; ok {
			return a
		}
		return "500 5.5.2 Error: command not recognized\r\n"
	}
	l := connect(t, &smtppeer.Peer{Addr: "127.0.0.1:" + srv.Port()}, protocol.TLSNone, false)
	ctx := context.Background()
	c := smtp.NewClient(l, l.tap) // connect saw the banner
	defer c.Close()
	c.Timeout = 5 * time.Second
	caps, err := c.Hello(ctx, "me.example.org")
	if err != nil || !caps.HasAuth("LOGIN") || !caps.EightBitMIME {
		t.Fatalf("%v %+v", err, caps)
	}
	if err := c.Auth(ctx, "LOGIN", "u@example.test", "secret"); err != nil {
		t.Fatal(err)
	}
	if r, err := c.Verify(ctx, "postmaster"); err != nil || r.Code != 252 {
		t.Fatalf("%v %v", r, err)
	}
	if err := c.Mail(ctx, "a@example.test"); err != nil {
		t.Fatal(err)
	}
	var refused *smtp.ReplyError
	if err := c.Rcpt(ctx, "x@elsewhere.example"); !errors.As(err, &refused) || refused.Reply.Code != 554 || refused.Temporary() {
		t.Fatalf("relay: %v", err)
	}
	if err := c.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Quit(ctx); err != nil {
		t.Fatal(err)
	}
	want := "EHLO me.example.org\r\nAUTH LOGIN\r\n" + user + "\r\n" + pass + "\r\nVRFY postmaster\r\n" +
		"MAIL FROM:<a@example.test>\r\nRCPT TO:<x@elsewhere.example>\r\nRSET\r\nQUIT\r\n"
	if got := srv.Received(); got != want {
		t.Fatalf("wire: got %q, want %q", got, want)
	}
	seen := l.transcript()
	if strings.Contains(seen, pass) || !strings.Contains(seen, "\r\n"+smtp.HiddenPassword+"\r\n") {
		t.Fatalf("the person saw:\n%s", seen)
	}
}
