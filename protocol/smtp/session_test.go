package smtp_test

import (
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// live is a real Tern session to the peer, as the assistant uses it.
type live struct {
	s       *protocol.Session
	tap     *smtp.Tap
	out     *strings.Builder
	done    chan error
	outDone chan struct{} // out holds everything the session showed
}

// transcript ends the session and returns what it showed the person.
func (l *live) transcript() string {
	l.s.Close()
	<-l.outDone
	return l.out.String()
}

func (l *live) SendLine(line string)                { l.s.SendLine(line) }
func (l *live) SendSecretLine(line, shown string)   { l.s.SendSecretLine(line, shown) }
func (l *live) ArmStartTLS(ready func([]byte) bool) { l.s.ArmStartTLS(ready) }
func (l *live) WaitTLS(ctx context.Context) error   { return l.s.WaitTLS(ctx) }

func connect(t *testing.T, p *smtppeer.Peer, tlsMode protocol.TLSMode, trust bool, configure ...func(*protocol.Config)) *live {
	t.Helper()
	host, port, _ := net.SplitHostPort(p.Addr)
	cfg := protocol.Config{Host: host, Port: port, TLS: tlsMode, TLSServerName: "mail.example.test", VerifyCertificate: tlscheck.RejectUnverified}
	if trust {
		cfg.TLSRoots = p.Roots
	}
	for _, c := range configure {
		c(&cfg)
	}
	l := &live{s: protocol.NewSession(cfg), tap: &smtp.Tap{}, out: &strings.Builder{}, done: make(chan error, 1), outDone: make(chan struct{})}
	l.s.OnData = l.tap.Feed
	banner, stop := l.tap.Subscribe()
	go func() { b, _ := io.ReadAll(l.s.Output()); l.out.Write(b); close(l.outDone) }()
	go func() { err := l.s.Run(context.Background()); l.tap.Close(); l.done <- err }()
	select {
	case r := <-banner:
		if r.Code != 220 {
			t.Fatalf("banner %v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no banner")
	}
	stop()
	t.Cleanup(func() { l.s.Close(); <-l.s.Done(); l.s.Detach() })
	return l
}

func plan(msg *smtp.Message) smtp.Plan {
	return smtp.Plan{EHLO: "tester.example.org", From: "sender@example.org", To: []string{"testuser@example.test"}, Message: msg, Timeout: 5 * time.Second}
}

const body = "Hello.\n.A line that starts with a dot\r\n..and one with two\nlast line"

func TestFullConversationWithSTARTTLSAndPlain(t *testing.T) {
	p := smtppeer.Start(t, nil)
	l := connect(t, p, protocol.TLSNone, true)
	pl := plan(&smtp.Message{From: "sender@example.org", To: []string{"testuser@example.test"}, Subject: "test", Body: body})
	pl.StartTLS = true
	pl.Auth = &smtp.Auth{User: "testuser@example.test", Password: "testpass"}
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	info := l.s.TLS()
	if info == nil || !info.Verified || info.Fingerprint() == "" ||
		!strings.Contains(info.Summary(), "certificate for mail.example.test verified, valid until") {
		t.Fatalf("TLS %+v", info)
	}
	msgs := p.Messages()
	if len(msgs) != 1 || !msgs[0].TLS || msgs[0].User != "testuser@example.test" {
		t.Fatalf("messages %+v", msgs)
	}
	got := string(msgs[0].Data)
	wantBody := "\r\n\r\nHello.\r\n.A line that starts with a dot\r\n..and one with two\r\nlast line\r\n"
	if !strings.HasSuffix(got, wantBody) || !strings.Contains(got, "Subject: test\r\n") {
		t.Fatalf("delivered %q", got)
	}
	if !strings.Contains(res.Summary(), "QUIT       passed") {
		t.Fatalf("summary:\n%s", res.Summary())
	}
	assertCredentialsHidden(t, l.transcript(), smtp.HiddenPlain, smtp.PlainResponse("testuser@example.test", "testpass"))
}

// assertCredentialsHidden: the server accepted the real credentials, but
// what the person saw (the terminal, so its transcript) holds only shown.
func assertCredentialsHidden(t *testing.T, seen, shown, secret string) {
	t.Helper()
	if strings.Contains(seen, secret) || !strings.Contains(seen, shown+"\r\n") {
		t.Fatalf("the session showed the credentials, or not %q:\n%s", shown, seen)
	}
}

func TestAuthLogin(t *testing.T) {
	p := smtppeer.Start(t, nil)
	l := connect(t, p, protocol.TLSNone, true)
	pl := plan(nil)
	pl.Auth = &smtp.Auth{Mechanism: "LOGIN", User: "testuser@example.test", Password: "testpass"}
	pl.ConfirmPlaintext = sendInClear
	pl.To = []string{"someone@elsewhere.example"} // relaying is allowed once authenticated
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	_, pass := smtp.LoginSteps("testuser@example.test", "testpass")
	assertCredentialsHidden(t, l.transcript(), smtp.HiddenPassword, pass)
}

func TestWrongPasswordIsExplained(t *testing.T) {
	p := smtppeer.Start(t, nil)
	l := connect(t, p, protocol.TLSNone, true)
	pl := plan(nil)
	pl.Auth = &smtp.Auth{User: "testuser@example.test", Password: "wrong"}
	pl.ConfirmPlaintext = sendInClear
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "535") {
		t.Fatalf("%v", res.Err)
	}
}

func TestHELOWhenEHLORefused(t *testing.T) {
	p := smtppeer.Start(t, func(p *smtppeer.Peer) { p.RefuseEHLO = true })
	l := connect(t, p, protocol.TLSNone, true)
	res := smtp.Run(context.Background(), l, l.tap, plan(nil), nil)
	if res.Err != nil || res.Steps[1].Name != "HELO" {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
}

func TestRelayDeniedIsExplained(t *testing.T) {
	p := smtppeer.Start(t, nil)
	l := connect(t, p, protocol.TLSNone, true)
	pl := plan(nil)
	pl.To = []string{"victim@elsewhere.example"}
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err == nil || !strings.Contains(res.Summary(), "unless you authenticate") {
		t.Fatalf("%v", res.Err)
	}
}

func TestTemporaryFailure(t *testing.T) {
	p := smtppeer.Start(t, func(p *smtppeer.Peer) { p.TempFail = true })
	l := connect(t, p, protocol.TLSNone, true)
	res := smtp.Run(context.Background(), l, l.tap, plan(nil), nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "451") || !strings.Contains(res.Summary(), "greylisted") {
		t.Fatalf("%v", res.Err)
	}
}

func TestServerDropsDuringData(t *testing.T) {
	p := smtppeer.Start(t, func(p *smtppeer.Peer) { p.DropInData = true })
	l := connect(t, p, protocol.TLSNone, true)
	res := smtp.Run(context.Background(), l, l.tap, plan(&smtp.Message{From: "a@b.test", To: []string{"testuser@example.test"}, Body: "x"}), nil)
	if res.Err == nil || !strings.Contains(res.Err.Error(), "closed the connection") {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
}

// sendInClear is the person's yes to sending a password unencrypted.
func sendInClear(context.Context) bool { return true }

func TestUntrustedCertificateIsDescribed(t *testing.T) {
	p := smtppeer.Start(t, nil)
	l := connect(t, p, protocol.TLSNone, false, func(c *protocol.Config) { c.VerifyCertificate = tlscheck.InsecureAcceptAnyCertificate() })
	pl := plan(nil)
	pl.StartTLS = true
	res := smtp.Run(context.Background(), l, l.tap, pl, nil)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	info := l.s.TLS()
	if info == nil || info.Verified || !strings.Contains(info.Problem, "self-signed") ||
		!strings.Contains(info.Summary(), "NOT verified: ") {
		t.Fatalf("%+v", info)
	}
}

func TestImplicitTLS(t *testing.T) {
	p := smtppeer.Start(t, nil)
	l := connect(t, &smtppeer.Peer{Addr: p.ServeImplicitTLS(t), Roots: p.Roots}, protocol.TLSImplicit, true)
	res := smtp.Run(context.Background(), l, l.tap, plan(nil), nil)
	if res.Err != nil || l.s.TLS() == nil || !l.s.TLS().Verified {
		t.Fatalf("%v %+v", res.Err, l.s.TLS())
	}
}

// TestFindingsSayWhatTheServerDoes runs real conversations with the
// go-smtp peer and checks the plain-words answers under the steps.
func TestFindingsSayWhatTheServerDoes(t *testing.T) {
	tests := []struct {
		name      string
		configure func(*smtppeer.Peer)
		implicit  bool
		tweak     func(*smtp.Plan)
		want      []string
	}{
		{name: "STARTTLS and AUTH PLAIN",
			tweak: func(p *smtp.Plan) {
				p.StartTLS = true
				p.Auth = &smtp.Auth{User: "testuser@example.test", Password: "testpass"}
			},
			want: []string{"TLS: STARTTLS worked; everything after it was encrypted.\n     TLS 1.3, ", "certificate for mail.example.test verified", "AUTH: the server accepted the user name and password (AUTH PLAIN).", "Recipients: accepted testuser@example.test."}},
		{name: "nothing asked for",
			want: []string{"TLS: the server offers STARTTLS (not used", "AUTH: the server offers PLAIN, LOGIN (not tested"}},
		{name: "wrong password",
			tweak: func(p *smtp.Plan) {
				p.Auth = &smtp.Auth{Mechanism: "LOGIN", User: "testuser@example.test", Password: "nope"}
				p.ConfirmPlaintext = sendInClear
			},
			want: []string{"AUTH: the server did not accept the login (AUTH LOGIN)."}},
		{name: "one recipient relayed, one refused",
			tweak: func(p *smtp.Plan) { p.To = []string{"testuser@example.test", "victim@elsewhere.example"} },
			want:  []string{"Recipients: accepted testuser@example.test; refused victim@elsewhere.example."}},
		{name: "implicit TLS", implicit: true,
			want: []string{"TLS: the connection was already encrypted (implicit TLS, or an earlier STARTTLS)."}},
		{name: "HELO only", configure: func(p *smtppeer.Peer) { p.RefuseEHLO = true },
			want: []string{"TLS: the server does not offer STARTTLS; mail to it travels unencrypted.", "AUTH: the server offers no authentication."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := smtppeer.Start(t, tt.configure)
			mode := protocol.TLSNone
			if tt.implicit {
				p, mode = &smtppeer.Peer{Addr: p.ServeImplicitTLS(t), Roots: p.Roots}, protocol.TLSImplicit
			}
			l := connect(t, p, mode, true)
			pl := plan(nil)
			pl.Encrypted = tt.implicit
			if tt.tweak != nil {
				tt.tweak(&pl)
			}
			res := smtp.Run(context.Background(), l, l.tap, pl, nil)
			if info := l.s.TLS(); info != nil {
				res.TLSDetail = info.Summary()
			}
			summary := res.Summary()
			for _, w := range tt.want {
				if !strings.Contains(summary, w) {
					t.Errorf("summary lacks %q:\n%s", w, summary)
				}
			}
		})
	}
}

func TestNoFindingsWithoutAGreeting(t *testing.T) {
	if f := (smtp.Result{}).Findings(); f != nil {
		t.Fatalf("%q", f)
	}
}
