package pop3

import "github.com/tern-telnet/tern/internal/assist"

// Tap turns a session's data into responses for any number of listeners
// (the assistant's reply view and a Client): Feed it from the session's
// OnData hook (it never blocks), Subscribe for a channel of responses,
// Close when the connection is gone. A Client tells it, before each
// command, whether the response is multi-line. The zero value is ready.
type Tap struct {
	assist.Tap[Reply, ReplyReader, *ReplyReader]
}

// Expect says whether the response to the command about to be sent is
// multi-line (see ReplyReader.Expect). Verbs call it; a person typing a
// multi-line command by hand sees its body as lines that are not responses.
func (t *Tap) Expect(multi bool) {
	t.Locked(func(rr *ReplyReader) { rr.Expect(multi) })
}
