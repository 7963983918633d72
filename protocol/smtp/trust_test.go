package smtp_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// Hostile SMTP servers (issue 24 items 6 and 7): each test's barrier is
// the end of the connection, after which the peer has all it will get.

// scripted runs a live session to a scripted SMTP peer and returns its
// reply tap once the greeting came.
func scripted(t *testing.T, script []scriptpeer.Exchange) (*scriptpeer.Peer, *scriptpeer.Live, *smtp.Tap) {
	t.Helper()
	p := scriptpeer.Start(t, "220 mail.example.test ESMTP\r\n", script, false)
	tap := &smtp.Tap{}
	l := scriptpeer.Dial(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone), tap, func(r smtp.Reply) bool { return r.Code == 220 })
	return p, l, tap
}

func trustPlan() smtp.Plan {
	return smtp.Plan{EHLO: "tester.example.org", Timeout: 5 * time.Second,
		Auth: &smtp.Auth{User: "alice", Password: "s3cret-pass"}, ConfirmPlaintext: sendInClear}
}

// TestSTARTTLSResponseInjectionIsDropped: a forged EHLO answer offering
// AUTH, sent in clear right behind "220 go ahead" (CVE-2021-29969's
// class), is not taken as the answer over TLS: the real one offers no
// AUTH, so no credentials go out.
func TestSTARTTLSResponseInjectionIsDropped(t *testing.T) {
	p, l, tap := scripted(t, []scriptpeer.Exchange{
		{Reply: "250-mail.example.test\r\n250 STARTTLS\r\n"},
		{Reply: "220 go ahead\r\n250-evil.example\r\n250 AUTH PLAIN LOGIN\r\n", StartTLS: true},
		{Reply: "250-mail.example.test\r\n250 8BITMIME\r\n"},
		{Reply: "221 bye\r\n"},
	})
	pl := trustPlan()
	pl.StartTLS = true
	res := smtp.Run(context.Background(), l, tap, pl, nil)
	if !errors.Is(res.Err, smtp.ErrNoAuthOffered) || !res.StartedTLS || len(res.Caps.Auth) != 0 || !res.Caps.EightBitMIME {
		t.Fatalf("err %v, caps %+v:\n%s", res.Err, res.Caps, res.Summary())
	}
	l.Transcript()
	if got := p.Received(t); strings.Contains(got, "AUTH") {
		t.Fatalf("credentials went out after an injected EHLO answer:\n%s", got)
	}
}

// TestAuthOnlyWhenOffered: a server whose EHLO offers no AUTH (an MX)
// gets no credentials, even when sending in clear was agreed; the test
// says why.
func TestAuthOnlyWhenOffered(t *testing.T) {
	p, l, tap := scripted(t, []scriptpeer.Exchange{
		{Reply: "250-mx.example.test\r\n250 8BITMIME\r\n"},
		{Reply: "235 whatever\r\n"},
	})
	res := smtp.Run(context.Background(), l, tap, trustPlan(), nil)
	if !errors.Is(res.Err, smtp.ErrNoAuthOffered) || !strings.Contains(res.Summary(), "did not offer AUTH") {
		t.Fatalf("err %v:\n%s", res.Err, res.Summary())
	}
	l.Transcript()
	if got := p.Received(t); got != "EHLO tester.example.org\r\n" {
		t.Fatalf("the server received %q", got)
	}
}

// TestTLSOptionalUpgradesBeforeAuth: without StartTLS asked for, a
// server that offers STARTTLS is switched to TLS before the password;
// one that does not, and no one agreed to send it in clear, gets none.
func TestTLSOptionalUpgradesBeforeAuth(t *testing.T) {
	p, l, tap := scripted(t, []scriptpeer.Exchange{
		{Reply: "250-mail.example.test\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n"},
		{Reply: "220 go ahead\r\n", StartTLS: true},
		{Reply: "250-mail.example.test\r\n250 AUTH PLAIN\r\n"},
		{Reply: "235 ok\r\n"},
	})
	pl := trustPlan()
	pl.TLSOptional, pl.ConfirmPlaintext = true, nil
	res := smtp.Run(context.Background(), l, tap, pl, nil)
	if res.Err != nil || !res.StartedTLS || !res.AuthOK {
		t.Fatalf("err %v:\n%s", res.Err, res.Summary())
	}
	got := strings.Split(p.Received(t), "\r\n")
	if len(got) < 4 || got[1] != "STARTTLS" || !strings.HasPrefix(got[3], "AUTH PLAIN ") {
		t.Fatalf("the server received %q", got)
	}

	p, l, tap = scripted(t, []scriptpeer.Exchange{{Reply: "250-mail.example.test\r\n250 AUTH PLAIN\r\n"}, {Reply: "235 ok\r\n"}})
	res = smtp.Run(context.Background(), l, tap, pl, nil)
	if !errors.Is(res.Err, smtp.ErrPlaintextAuth) {
		t.Fatalf("err %v:\n%s", res.Err, res.Summary())
	}
	l.Transcript()
	if got := p.Received(t); strings.Contains(got, "AUTH") {
		t.Fatalf("the password went out in clear: %q", got)
	}
}

// TestRefusedSTARTTLSDisarms: after a 454 to STARTTLS, a later 220 does
// not start a handshake; the conversation goes on in clear.
func TestRefusedSTARTTLSDisarms(t *testing.T) {
	_, l, tap := scripted(t, []scriptpeer.Exchange{
		{Reply: "454 4.7.0 TLS not available\r\n"},
		{Reply: "220 not a go-ahead\r\n"},
		{Reply: "250 ok\r\n"},
	})
	c := smtp.NewClient(l, tap) // Dial waited for the greeting
	defer c.Close()
	c.Timeout = 5 * time.Second
	ctx := context.Background()
	if err := c.StartTLS(ctx); err == nil {
		t.Fatal("a refused STARTTLS succeeded")
	}
	_ = c.Noop(ctx) // answered 220, which must not start a handshake
	if err := c.Noop(ctx); err != nil || l.TLS() != nil {
		t.Fatalf("after a refused STARTTLS: %v, TLS %+v", err, l.TLS())
	}
}

// TestRefusedOptionalSTARTTLSGoesOnInClear: a server that offers
// STARTTLS and then refuses it (454) leaves a plain, usable connection:
// an optional upgrade goes on in clear with the envelope, as swaks
// --tls-optional does, and still sends no password without asking.
func TestRefusedOptionalSTARTTLSGoesOnInClear(t *testing.T) {
	p, l, tap := scripted(t, []scriptpeer.Exchange{
		{Reply: "250-mail.example.test\r\n250 STARTTLS\r\n"},
		{Reply: "454 4.7.0 TLS not available\r\n"},
		{Reply: "250 2.1.0 Ok\r\n"},
		{Reply: "250 2.1.5 Ok\r\n"},
		{Reply: "221 2.0.0 Bye\r\n"},
	})
	pl := trustPlan()
	pl.TLSOptional, pl.Auth = true, nil
	pl.From, pl.To = "helpdesk@example.org", []string{"alice@example.test"}
	res := smtp.Run(context.Background(), l, tap, pl, nil)
	if res.Err != nil || res.StartedTLS || !res.TriedStartTLS {
		t.Fatalf("err %v:\n%s", res.Err, res.Summary())
	}
	got := strings.Split(p.Received(t), "\r\n")
	if len(got) < 5 || got[1] != "STARTTLS" || !strings.HasPrefix(got[2], "MAIL FROM:") || got[4] != "QUIT" {
		t.Fatalf("the server received %q", got)
	}

	p, l, tap = scripted(t, []scriptpeer.Exchange{
		{Reply: "250-mail.example.test\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n"},
		{Reply: "454 4.7.0 TLS not available\r\n"},
	})
	pl = trustPlan()
	pl.TLSOptional, pl.ConfirmPlaintext = true, nil
	res = smtp.Run(context.Background(), l, tap, pl, nil)
	if !errors.Is(res.Err, smtp.ErrPlaintextAuth) {
		t.Fatalf("err %v:\n%s", res.Err, res.Summary())
	}
	l.Transcript()
	if got := p.Received(t); strings.Contains(got, "AUTH") {
		t.Fatalf("the password went out in clear: %q", got)
	}
}
