// Package exchange is the command-and-reply exchange the mail clients
// (protocol/smtp, pop3, imap) share: a Tap that fans a session's server data out, as parsed replies, to
// any number of listeners (the reply view and a running verb), a line
// splitter bounded against hostile servers, the Conn a live session gives
// them and the way a command is sent into it, and the steps of a login
// test and its summary.
package exchange

import "github.com/tern-telnet/tern/protocol/fanout"

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
	rd  T
	out fanout.Fanout[R]
}

// Locked runs f with the reader while no data is fed, for a verb that must
// tell the reader what it expects before sending its command.
func (t *Tap[R, T, PT]) Locked(f func(rd PT)) {
	t.out.Lock(func(bool, func(R)) { f(&t.rd) })
}

// LockedSend is Locked for a verb whose word to the reader ends a reply
// (say, one the server never finished): f hands it to every subscriber
// with send.
func (t *Tap[R, T, PT]) LockedSend(f func(rd PT, send func(R))) {
	t.out.Lock(func(_ bool, send func(R)) { f(&t.rd, send) })
}

// Feed takes server data.
func (t *Tap[R, T, PT]) Feed(p []byte) {
	t.out.Lock(func(listening bool, send func(R)) {
		if !listening {
			PT(&t.rd).Reset() // nobody listens: no work, no memory
			return
		}
		for _, r := range PT(&t.rd).Feed(p) {
			send(r)
		}
	})
}

// Subscribe returns a channel of replies and a function to stop. The
// channel is closed by stop or by Close.
func (t *Tap[R, T, PT]) Subscribe() (<-chan R, func()) { return t.out.Subscribe() }

// Close ends every subscription (the connection is gone).
func (t *Tap[R, T, PT]) Close() { t.out.Close(nil) }
