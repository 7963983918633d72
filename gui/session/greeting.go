package session

import (
	"bytes"
	"sync"
)

// greetingMax bounds what a session's first line may hold before it is
// taken as it is.
const greetingMax = 512

// greeting keeps a session's first line from the server (its greeting,
// or the answer to the first request), so that the window can pick the
// assistant by what the server speaks when the port does not say.
type greeting struct {
	mu   sync.Mutex
	buf  []byte
	done bool
}

// feed takes output; it reports true once, when the first line is whole.
func (g *greeting) feed(p []byte) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return false
	}
	if i := bytes.IndexByte(p, '\n'); i >= 0 {
		p = p[:i]
		g.done = true
	}
	g.buf = append(g.buf, p[:min(len(p), greetingMax-len(g.buf))]...)
	if len(g.buf) >= greetingMax {
		g.done = true
	}
	return g.done
}

func (g *greeting) line() string {
	if g == nil {
		return ""
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.done {
		return ""
	}
	return string(bytes.TrimSpace(g.buf))
}

// Greeting is the current session's first line from the server, once
// whole ("" before).
func (c *Controller) Greeting() string {
	c.mu.Lock()
	g := c.greet
	c.mu.Unlock()
	return g.line()
}
