package imap

import "github.com/tern-telnet/tern/protocol/exchange"

// Tap turns a session's data into responses for any number of listeners
// (the assistant's reply view and a Client): Feed it from the session's
// OnData hook (it never blocks), Subscribe for a channel of responses,
// Close when the connection is gone. The zero value is ready.
type Tap struct {
	exchange.Tap[Response, ResponseReader, *ResponseReader]
}
