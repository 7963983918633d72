package smtp

import "sync"

// Tap turns a session's data into replies for any number of listeners
// (the assistant's reply view and a running test). Feed it from the
// session's OnData hook; it never blocks.
type Tap struct {
	mu     sync.Mutex
	rr     ReplyReader
	subs   map[chan Reply]bool
	closed bool
}

// Feed takes server data.
func (t *Tap) Feed(p []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.subs) == 0 {
		t.rr = ReplyReader{} // nobody listens: no work, no memory
		return
	}
	for _, r := range t.rr.Feed(p) {
		for ch := range t.subs {
			select {
			case ch <- r:
			default: // a listener that does not keep up loses replies, not the session
			}
		}
	}
}

// Subscribe returns a channel of replies and a function to stop.
func (t *Tap) Subscribe() (<-chan Reply, func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ch := make(chan Reply, 256)
	if t.closed {
		close(ch)
		return ch, func() {}
	}
	if t.subs == nil {
		t.subs = map[chan Reply]bool{}
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
func (t *Tap) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	for ch := range t.subs {
		close(ch)
	}
	t.subs = nil
}
