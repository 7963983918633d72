// Package scriptpeer is a scripted line-protocol server for the mail
// assistants' transcript tests (POP3, IMAP): it greets, then for each line
// it receives checks the script's next exchange and writes its answer,
// optionally switching to TLS after it. It records the exact bytes the
// client wrote, across the switch. Built on loopserver.StartScripted.
package scriptpeer

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/smtppeer"
)

// Exchange is one step of the script: the server waits for a line, then
// writes Reply. With StartTLS it then does the TLS handshake as server.
// With Close it hangs up after Reply.
type Exchange struct {
	Reply    string
	StartTLS bool
	Close    bool
}

// Peer is a running scripted server.
type Peer struct {
	Addr  string
	Roots *x509.CertPool // trusts the peer's certificate (name "mail.example.test")

	mu   sync.Mutex
	got  strings.Builder
	done chan struct{}
}

// Start serves one connection on 127.0.0.1: greeting, then script. With
// implicit, TLS starts before the greeting.
func Start(t testing.TB, greeting string, script []Exchange, implicit bool) *Peer {
	t.Helper()
	cert, roots := smtppeer.Certificate(t)
	p := &Peer{Roots: roots, done: make(chan struct{})}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	srv := loopserver.StartScripted(t, func(c net.Conn) {
		defer close(p.done)
		c.SetDeadline(time.Now().Add(20 * time.Second))
		if implicit {
			c = tls.Server(c, cfg)
		}
		p.play(c, cfg, greeting, script)
	})
	p.Addr = "127.0.0.1:" + srv.Port()
	return p
}

func (p *Peer) play(c net.Conn, cfg *tls.Config, greeting string, script []Exchange) {
	c.Write([]byte(greeting))
	rd := bufio.NewReader(c)
	for _, ex := range script {
		line, err := rd.ReadString('\n')
		p.mu.Lock()
		p.got.WriteString(line)
		p.mu.Unlock()
		if err != nil {
			return
		}
		c.Write([]byte(ex.Reply))
		if ex.Close {
			c.Close()
			return
		}
		if ex.StartTLS {
			tc := tls.Server(c, cfg)
			if tc.Handshake() != nil {
				return
			}
			c, rd = tc, bufio.NewReader(tc)
		}
	}
}

// Received waits (up to 10 s) for the script to end and returns exactly
// what the client wrote.
func (p *Peer) Received(t testing.TB) string {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		t.Error("the script did not end")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.got.String()
}
