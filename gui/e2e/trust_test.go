//go:build e2e

package e2e

import (
	"crypto/tls"
	"net"
	"sync"
	"testing"

	"github.com/tern-telnet/tern/internal/smtppeer"
)

// manInTheMiddle is a telnets server whose certificate is self-signed
// and for another name (mail.example.test): it does the TLS handshake and
// records every byte it receives until the connection ends.
type manInTheMiddle struct {
	addr  string
	mu    sync.Mutex
	got   []byte
	ended chan struct{} // closed when the first connection ends
}

func startManInTheMiddle(t *testing.T) *manInTheMiddle {
	t.Helper()
	cert, _ := smtppeer.Certificate(t)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	m := &manInTheMiddle{addr: ln.Addr().String(), ended: make(chan struct{})}
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer close(m.ended)
		defer c.Close()
		buf := make([]byte, 4096)
		for {
			n, err := c.Read(buf)
			m.mu.Lock()
			m.got = append(m.got, buf[:n]...)
			m.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return m
}

func (m *manInTheMiddle) received() []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]byte(nil), m.got...)
}

// TestImplicitTLSCertificateQuestion: a saved telnets session (active
// negotiation, which sends Telnet options the moment it connects) to a
// server with a self-signed, wrong-name certificate shows the
// certificate question before anything is sent; Enter is Disconnect:
// the connection ends and the server received nothing at all.
func TestImplicitTLSCertificateQuestion(t *testing.T) {
	m := startManInTheMiddle(t)
	host, port, _ := net.SplitHostPort(m.addr)
	env, _ := writeProfiles(t, map[string]any{"name": "telnets router", "host": host, "port": port,
		"tls": "implicit", "negotiation": "active", "closeOnExit": "never"})
	a := LaunchWith(t, env, "-load", "telnets router")
	a.resize("1100", "680")
	waitForDialog(t, a)
	a.ScreenshotWindow(shotPath(t, "60-implicit-tls-certificate-question", "certificate-question"))
	if got := m.received(); len(got) != 0 {
		t.Fatalf("the server received %q while the question was up", got)
	}
	a.Key("Return") // Disconnect, the default
	Eventually(t, "the connection to end", func() bool {
		select {
		case <-m.ended:
			return true
		default:
			return false
		}
	})
	if got := m.received(); len(got) != 0 {
		t.Fatalf("the server received %q", got)
	}
	a.AssertAlive()
	a.Screenshot("61-after-disconnect")
}
