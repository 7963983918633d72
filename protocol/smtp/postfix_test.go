package smtp_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// postfixPeer is the real Postfix started by testdata/peers/start-all.sh.
func postfixPeer(t *testing.T) *smtppeer.Peer { return smtppeer.Postfix(t) }

// TestPostfixDeliversByteExact: STARTTLS, AUTH PLAIN, a message with a
// line starting with ".", delivered to the Maildir unchanged.
func TestPostfixDeliversByteExact(t *testing.T) {
	p := postfixPeer(t)
	l := connect(t, p, protocol.TLSNone, true)
	marker := "tern-" + time.Now().Format("150405.000000")
	pl := plan(&smtp.Message{From: "sender@example.org", To: []string{"testuser@example.test"}, Subject: marker, Body: body})
	pl.StartTLS = true
	pl.Auth = &smtp.Auth{User: "testuser@example.test", Password: "testpass"}
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	if res.QueueID == "" || !l.s.TLS().Verified {
		t.Fatalf("queue id %q, TLS %+v", res.QueueID, l.s.TLS())
	}
	dir := os.Getenv("TERN_PEER_MAILDIR")
	var found string
	testwait.Within(t, 15*time.Second, "message "+marker+" delivered to "+dir, func() bool {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), "Subject: "+marker) {
				found = string(b)
			}
		}
		return found != ""
	})
	// Maildir stores LF line ends; the body must be exactly ours.
	want := "\n\nHello.\n.A line that starts with a dot\n..and one with two\nlast line\n"
	if !strings.HasSuffix(found, want) {
		t.Fatalf("delivered body differs:\n%q", found[max(0, len(found)-200):])
	}
}

func TestPostfixRelayDenied(t *testing.T) {
	p := postfixPeer(t)
	l := connect(t, p, protocol.TLSNone, true)
	pl := plan(nil)
	pl.To = []string{"victim@elsewhere.example"}
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "554") || !strings.Contains(res.Summary(), "unless you authenticate") {
		t.Fatalf("%v", res.Err)
	}
}

// TestPostfixSubmissionNeedsTLS: port 2587 wants STARTTLS before MAIL.
func TestPostfixSubmissionNeedsTLS(t *testing.T) {
	p := postfixPeer(t)
	host, _, _ := net.SplitHostPort(p.Addr)
	p.Addr = net.JoinHostPort(host, "2587")
	l := connect(t, p, protocol.TLSNone, true)
	res := smtp.Run(context.Background(), l, l.tap, plan(nil), nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "530") {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
}

// TestPostfixOptionalTLSBeforeAuth: the assistant's Run test with a
// password and no STARTTLS asked for (issue 26 major 4) switches to TLS
// by itself, verified, before AUTH goes out.
func TestPostfixOptionalTLSBeforeAuth(t *testing.T) {
	p := postfixPeer(t)
	l := connect(t, p, protocol.TLSNone, true)
	pl := plan(nil)
	pl.TLSOptional = true
	pl.Auth = &smtp.Auth{User: "testuser@example.test", Password: "testpass"}
	var order []string
	res := smtp.Run(context.Background(), l, l.tap, pl, func(s smtp.Step) { order = append(order, s.Name) })
	if res.Err != nil || !res.StartedTLS || !res.AuthOK || !l.s.TLS().Verified {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	if strings.Join(order[:4], " ") != "EHLO STARTTLS EHLO AUTH" {
		t.Fatalf("steps %v", order)
	}
}
