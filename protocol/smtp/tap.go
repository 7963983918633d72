package smtp

import "github.com/tern-telnet/tern/protocol/internal/fanout"

// Tap turns a session's data into replies for any number of listeners
// (the assistant's reply view and a running test). Feed it from the
// session's OnData hook; it never blocks.
type Tap struct {
	rr  ReplyReader
	out fanout.Fanout[Reply]
}

// Feed takes server data.
func (t *Tap) Feed(p []byte) {
	t.out.Lock(func(listening bool, send func(Reply)) {
		if !listening {
			t.rr = ReplyReader{} // nobody listens: no work, no memory
			return
		}
		for _, r := range t.rr.Feed(p) {
			send(r)
		}
	})
}

// Subscribe returns a channel of replies and a function to stop.
func (t *Tap) Subscribe() (<-chan Reply, func()) { return t.out.Subscribe() }

// Close ends every subscription (the connection is gone).
func (t *Tap) Close() { t.out.Close(nil) }
