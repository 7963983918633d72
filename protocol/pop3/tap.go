package pop3

import "github.com/tern-telnet/tern/protocol/exchange"

// Tap turns a session's data into responses for any number of listeners
// (the assistant's reply view and a Client): Feed it from the session's
// OnData hook (it never blocks), Subscribe for a channel of responses,
// Close when the connection is gone. A Client tells it, before each
// command, whether the response is multi-line. The zero value is ready.
type Tap struct {
	exchange.Tap[Reply, ReplyReader, *ReplyReader]
}

// Expect says whether the response to the command about to be sent is
// multi-line (see ReplyReader.Expect). Verbs call it; a person typing a
// multi-line command by hand sees its body as lines that are not responses.
// A multi-line response still open (the server never sent its ".") ends
// here, handed on marked Unterminated: the new command's reply is read as
// one.
func (t *Tap) Expect(multi bool) {
	t.LockedSend(func(rr *ReplyReader, send func(Reply)) {
		if r, ok := rr.EndBody(); ok {
			send(r)
		}
		rr.Expect(multi)
	})
}

// EndBody ends a multi-line response still open and hands it on, marked
// Unterminated, to every listener; ok is false when none was open.
func (t *Tap) EndBody() (r Reply, ok bool) {
	t.LockedSend(func(rr *ReplyReader, send func(Reply)) {
		if r, ok = rr.EndBody(); ok {
			send(r)
		}
	})
	return r, ok
}
