// Package fakeconn is a session for the mail clients' tests that
// records what a client sends and answers nothing: a test asserts what
// was (or was not) sent.
package fakeconn

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Conn records every line sent into it. It satisfies exchange.Conn; the
// zero value is ready.
type Conn struct {
	mu   sync.Mutex
	sent []string
}

// SendLine records line.
func (c *Conn) SendLine(line string) { c.SendSecretLine(line, line) }

// SendSecretLine records line (what the server would get).
func (c *Conn) SendSecretLine(line, _ string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent = append(c.sent, line)
}

// ArmStartTLS does nothing: the fake never switches to TLS.
func (c *Conn) ArmStartTLS(func([]byte) bool) {}

// WaitTLS fails: there is no handshake.
func (c *Conn) WaitTLS(context.Context) error { return errors.New("fakeconn: no TLS") }

// Sent is every line sent so far, each ended with CR LF, as on the wire.
func (c *Conn) Sent() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.sent) == 0 {
		return ""
	}
	return strings.Join(c.sent, "\r\n") + "\r\n"
}

// WantLineBreak fails t unless err is an *exchange.LineBreakError naming
// proto's command and its argument arg, and nothing was sent.
func (c *Conn) WantLineBreak(t testing.TB, err error, proto, command, arg string) {
	t.Helper()
	var lb *exchange.LineBreakError
	if !errors.As(err, &lb) || !errors.Is(err, exchange.ErrLineBreak) || lb.Proto != proto || lb.Command != command || lb.Arg != arg {
		t.Fatalf("got %v, want a *exchange.LineBreakError for %s's %s", err, command, arg)
	}
	if sent := c.Sent(); sent != "" {
		t.Fatalf("sent %q", sent)
	}
}
