// Package assist is what the mail assistants (protocol/smtp, pop3, imap)
// share: a Tap that fans a session's server data out, as parsed replies, to
// any number of listeners (the reply view and a running verb), a line
// splitter bounded against hostile servers, the Conn a live session gives
// them, and the step lines of a test's summary.
package assist

import "sync"

// Reader turns a byte stream cut anywhere into replies.
type Reader[R any] interface {
	Feed(p []byte) []R
	Reset()
}

// Tap turns a session's data into replies (R) with a reader (a T, used
// through its pointer PT) and hands each reply to every subscriber (the
// assistant's reply view and a running verb or test). Feed it from the
// session's OnData hook; it never blocks. The zero value is ready to use.
type Tap[R, T any, PT interface {
	*T
	Reader[R]
}] struct {
	mu     sync.Mutex
	rd     T
	subs   map[chan R]bool
	closed bool
}

// Locked runs f with the reader while no data is fed, for a verb that must
// tell the reader what it expects before sending its command.
func (t *Tap[R, T, PT]) Locked(f func(rd PT)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f(&t.rd)
}

// Feed takes server data.
func (t *Tap[R, T, PT]) Feed(p []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.subs) == 0 {
		PT(&t.rd).Reset() // nobody listens: no work, no memory
		return
	}
	for _, r := range PT(&t.rd).Feed(p) {
		for ch := range t.subs {
			select {
			case ch <- r:
			default: // a listener that does not keep up loses replies, not the session
			}
		}
	}
}

// Subscribe returns a channel of replies and a function to stop. The
// channel is closed by stop or by Close.
func (t *Tap[R, T, PT]) Subscribe() (<-chan R, func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ch := make(chan R, 256)
	if t.closed {
		close(ch)
		return ch, func() {}
	}
	if t.subs == nil {
		t.subs = map[chan R]bool{}
	}
	t.subs[ch] = true
	return ch, func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		if t.subs[ch] {
			delete(t.subs, ch)
			close(ch)
		}
	}
}

// Close ends every subscription (the connection is gone).
func (t *Tap[R, T, PT]) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	for ch := range t.subs {
		close(ch)
	}
	t.subs = nil
}
