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

// Connect runs a raw session to addr, feeding the server's data to feed
// and calling closed when the connection ends. Subscribe to the tap before
// calling it, or the greeting is lost. The name checked is
// "mail.example.test" unless serverName says otherwise.
func Connect(t testing.TB, addr string, roots *x509.CertPool, mode protocol.TLSMode, serverName string, feed func([]byte), closed func()) *Live {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	if serverName == "" {
		serverName = "mail.example.test"
	}
	cfg := protocol.Config{Host: host, Port: port, TLS: mode, TLSRoots: roots, TLSServerName: serverName, Negotiation: protocol.NegotiateRaw}
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
