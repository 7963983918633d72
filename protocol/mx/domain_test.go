package mx_test

import (
	"context"
	"crypto/x509"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/dnspeer"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/mx"
	"github.com/tern-telnet/tern/protocol/smtp"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// session is a real Tern session on the connection Pick made.
type session struct {
	s      *protocol.Session
	tap    *smtp.Tap
	banner string
}

func (l *session) SendLine(line string)                { l.s.SendLine(line) }
func (l *session) SendSecretLine(line, shown string)   { l.s.SendSecretLine(line, shown) }
func (l *session) ArmStartTLS(ready func([]byte) bool) { l.s.ArmStartTLS(ready) }
func (l *session) WaitTLS(ctx context.Context) error   { return l.s.WaitTLS(ctx) }

// open hands c's connection to a protocol.Session, as the GUI does, and
// waits for the 220 banner.
func open(t *testing.T, c mx.Choice, roots *x509.CertPool) *session {
	t.Helper()
	cfg := protocol.Config{Host: c.Host.Name, Port: strconv.Itoa(c.Port), Conn: c.TCPConn(), TLSRoots: roots, VerifyCertificate: tlscheck.RejectUnverified}
	tap := &smtp.Tap{}
	l := &session{s: protocol.NewSession(cfg), tap: tap}
	l.s.OnData = tap.Feed
	first, stop := tap.Subscribe()
	go func() { _, _ = io.Copy(io.Discard, l.s.Output()) }()
	go func() { _ = l.s.Run(context.Background()); tap.Close() }()
	t.Cleanup(func() { l.s.Close(); <-l.s.Done(); l.s.Detach() })
	select {
	case r := <-first:
		if r.Code != 220 {
			t.Fatalf("banner %v", r)
		}
		l.banner = r.Text()
	case <-time.After(5 * time.Second):
		t.Fatal("no banner")
	}
	stop()
	return l
}

// testDomain is the whole domain question against the server on addr:
// example.test's first MX (mx1, 127.0.0.2) refuses, the second
// (mail.example.test, 127.0.0.1) is the server.
func testDomain(t *testing.T, addr string, roots *x509.CertPool) []string {
	t.Helper()
	_, portText, _ := net.SplitHostPort(addr)
	port, _ := strconv.Atoi(portText)
	r := dnspeer.Start(t, dnspeer.Zone{
		MX:   map[string][]dnspeer.MX{"example.test": {{Pref: 10, Host: "mx1.example.test"}, {Pref: 20, Host: "mail.example.test"}}},
		Addr: map[string][]string{"mx1.example.test": {"127.0.0.2"}, "mail.example.test": {"127.0.0.1"}},
	}).Resolver()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := mx.Lookup(ctx, r, "example.test")
	if err != nil {
		t.Fatal(err)
	}
	c, err := mx.Pick(ctx, res, port, 5*time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := open(t, c, roots)
	plan := smtp.Plan{EHLO: "tester.example.org", StartTLS: true, From: "sender@example.org", To: []string{"testuser@example.test"}, Timeout: 5 * time.Second}
	run := smtp.Run(ctx, l, l.tap, plan, nil)
	if run.Err != nil {
		t.Fatalf("%v\n%s", run.Err, run.Summary())
	}
	rep := mx.Report{Lookup: res, Choice: c, Banner: l.banner, Run: run, TLS: l.s.TLS()}
	return rep.Findings(ctx, r)
}

// assertFindings checks the findings' beginnings, and that the last
// compares 127.0.0.1's reverse DNS (from the hosts file, or none) with the
// banner's mail.example.test.
func assertFindings(t *testing.T, got []string, want ...string) {
	t.Helper()
	if n := len(got); n > 0 && !strings.Contains(got[n-1], "the 220 banner says mail.example.test") {
		t.Errorf("banner host not compared: %q", got[n-1])
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\ngot  %q\nwant %q...", i, got[i], want[i])
		}
	}
}

func TestDomainFindingsWithGoSMTP(t *testing.T) {
	p := smtppeer.Start(t, nil)
	_, port, _ := net.SplitHostPort(p.Addr)
	assertFindings(t, testDomain(t, p.Addr, p.Roots),
		"Exchanger: mail.example.test (preference 20) at 127.0.0.1 answered on port "+port+"; mx1.example.test (preference 10) at 127.0.0.2: refused the connection (nothing listens on port "+port+").",
		"Recipient: mail.example.test accepted testuser@example.test.",
		"STARTTLS: mail.example.test offers it, so senders can encrypt mail to example.test.",
		"Certificate: valid for the MX name mail.example.test, trusted, until ",
		"Reverse DNS: 127.0.0.1 ")
}

// TestDomainFindingsWithPostfix is the same question against real
// Postfix (testdata/peers/start-all.sh), whose banner names
// mail.example.test.
func TestDomainFindingsWithPostfix(t *testing.T) {
	p := smtppeer.Postfix(t)
	_, port, _ := net.SplitHostPort(p.Addr)
	got := testDomain(t, p.Addr, p.Roots)
	assertFindings(t, got,
		"Exchanger: mail.example.test (preference 20) at 127.0.0.1 answered on port "+port+"; mx1.example.test (preference 10) at 127.0.0.2: refused the connection (nothing listens on port "+port+").",
		"Recipient: mail.example.test accepted testuser@example.test.",
		"STARTTLS: mail.example.test offers it, so senders can encrypt mail to example.test.",
		"Certificate: valid for the MX name mail.example.test, trusted, until ",
		"Reverse DNS: 127.0.0.1 ")
	t.Log(strings.Join(got, "\n"))
}
