package web

import "github.com/tern-telnet/tern/protocol/fanout"

// Tap turns a session's data into responses for any number of listeners
// (the assistant's response view and a running test). Feed it from the
// session's OnData hook and Close it when the connection ends (a body
// delimited by the close ends then); it never blocks.
type Tap struct {
	rr  ResponseReader
	out fanout.Fanout[Response]
}

// Expect sets the method of the request about to be sent: the answer to
// HEAD has no body.
func (t *Tap) Expect(method string) {
	t.out.Lock(func(bool, func(Response)) { t.rr.Method = method })
}

// Feed takes server data. Responses are read whether or not anyone
// listens, so that one subscribed later sees the next whole response.
func (t *Tap) Feed(p []byte) {
	t.out.Lock(func(_ bool, send func(Response)) {
		for _, r := range t.rr.Feed(p) {
			send(r)
		}
	})
}

// Subscribe returns a channel of responses and a function to stop.
func (t *Tap) Subscribe() (<-chan Response, func()) { return t.out.Subscribe() }

// Close hands on the response the close ended, then ends every
// subscription.
func (t *Tap) Close() { t.out.Close(t.rr.End) }
