package smtp

import "github.com/tern-telnet/tern/protocol/exchange"

// Tap turns a session's data into replies for any number of listeners
// (the assistant's reply view and a running test): Feed it from the
// session's OnData hook (it never blocks), Subscribe for a channel of
// replies, Close when the connection is gone. The zero value is ready.
type Tap struct {
	exchange.Tap[Reply, ReplyReader, *ReplyReader]
}
