package scriptpeer

import (
	"context"
	"crypto/x509"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Live is a real Tern session in raw mode, as the mail assistants use it.
// It embeds the session, so it satisfies their Conn interfaces.
type Live struct {
	*protocol.Session
	out     strings.Builder
	outDone chan struct{} // out holds everything the session showed
}

// Config is a raw session's configuration for addr, trusting roots and
// checking the name "mail.example.test" (the scripted peer's).
func Config(addr string, roots *x509.CertPool, mode protocol.TLSMode) protocol.Config {
	host, port, _ := net.SplitHostPort(addr)
	return protocol.Config{Host: host, Port: port, TLS: mode, TLSRoots: roots, TLSServerName: "mail.example.test", Negotiation: protocol.NegotiateRaw,
		VerifyCertificate: tlscheck.RejectUnverified}
}

// Connect runs a session with cfg, feeding the server's data to feed and
// calling closed when the connection ends. Subscribe to the tap before
// calling it, or the greeting is lost.
func Connect(t testing.TB, cfg protocol.Config, feed func([]byte), closed func()) *Live {
	t.Helper()
	l := &Live{Session: protocol.NewSession(cfg), outDone: make(chan struct{})}
	l.OnData = feed
	go func() { b, _ := io.ReadAll(l.Output()); l.out.Write(b); close(l.outDone) }()
	go func() { _ = l.Run(context.Background()); closed() }()
	t.Cleanup(func() { l.Close(); <-l.Done(); l.Detach() })
	return l
}

// Transcript ends the session and returns what it showed the person.
func (l *Live) Transcript() string {
	l.Close()
	<-l.outDone
	return l.out.String()
}

// Tap is what the mail packages' taps offer (R is their response type).
type Tap[R any] interface {
	Feed(p []byte)
	Subscribe() (<-chan R, func())
	Close()
}

// Dial runs a session with cfg feeding tap, and waits up to 5 s for the
// server's greeting, which must satisfy ok. On a failed test it logs what
// the session showed and its events.
func Dial[R any](t *testing.T, cfg protocol.Config, tap Tap[R], ok func(R) bool) *Live {
	t.Helper()
	greet, stop := tap.Subscribe()
	defer stop()
	l := Connect(t, cfg, tap.Feed, tap.Close)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the session showed:\n%s\nevents:\n%s", l.Transcript(), l.Events())
		}
	})
	select {
	case r := <-greet:
		if !ok(r) {
			t.Fatalf("greeting %v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no greeting")
	}
	return l
}

// Contains fails the test for each of want that got lacks.
func Contains(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
}
