// Package fanout hands values to any number of subscribers without ever
// blocking the sender: the assistants' taps (assist.Tap, which smtp, pop3 and
// imap use, and web.Tap) share one session's replies between a view and a
// running test through it.
package fanout

import "sync"

// Fanout is a set of subscriptions. The zero value has none and is open.
type Fanout[T any] struct {
	mu     sync.Mutex
	subs   map[chan T]bool
	closed bool
	// Buffer is each subscription's channel capacity; 0 means 256.
	Buffer int
}

// Lock runs fn with the subscriptions locked, so that the work that
// produces values (a parser's state) is serialised with Subscribe and
// Close. fn learns whether anyone listens, and sends with send, which is
// valid only inside fn.
func (f *Fanout[T]) Lock(fn func(listening bool, send func(T))) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(len(f.subs) > 0, f.send)
}

func (f *Fanout[T]) send(v T) {
	for ch := range f.subs {
		select {
		case ch <- v:
		default: // a listener that does not keep up loses values, not the session
		}
	}
}

// Subscribe returns a channel of values and a function to stop. After
// Close it returns a closed channel.
func (f *Fanout[T]) Subscribe() (<-chan T, func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := f.Buffer
	if n <= 0 {
		n = 256
	}
	ch := make(chan T, n)
	if f.closed {
		close(ch)
		return ch, func() {}
	}
	if f.subs == nil {
		f.subs = map[chan T]bool{}
	}
	f.subs[ch] = true
	return ch, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.subs[ch] {
			delete(f.subs, ch)
			close(ch)
		}
	}
}

// Close sends last (values the end completes), then ends every
// subscription; later calls do nothing.
func (f *Fanout[T]) Close(last func() []T) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	if last != nil {
		for _, v := range last() {
			f.send(v)
		}
	}
	f.closed = true
	for ch := range f.subs {
		close(ch)
	}
	f.subs = nil
}
