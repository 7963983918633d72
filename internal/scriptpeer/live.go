package scriptpeer

import (
	"context"
	"crypto/x509"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol"
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
	return protocol.Config{Host: host, Port: port, TLS: mode, TLSRoots: roots, TLSServerName: "mail.example.test", Negotiation: protocol.NegotiateRaw}
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
