package smtp

import (
	"errors"
	"fmt"
)

// ReplyError is a reply whose code was not the one a verb wanted: the
// server refused the command. Callers branch on it with errors.As and
// read the code in Reply.Code (4xx: try later; 5xx: permanent).
type ReplyError struct {
	Command string // the step that was refused, e.g. "RCPT TO" or "AUTH pass"
	Reply   Reply
}

// Error says which command was refused and the server's reply, nothing
// more: what the reply means, in plain words, is Explain(e.Reply).
func (e *ReplyError) Error() string {
	return fmt.Sprintf("smtp: %s was refused: %s", e.Command, e.Reply.String())
}

// Temporary reports a 4xx reply: the same command may work later.
func (e *ReplyError) Temporary() bool { return e.Reply.Code >= 400 && e.Reply.Code < 500 }

// ErrClosed means the server closed the connection while a verb waited
// for its reply (the reply channel was closed).
var ErrClosed = errors.New("smtp: the server closed the connection")

// ErrTimeout means no reply came within the client's timeout; the error
// a verb returns wraps it and says how long it waited.
var ErrTimeout = errors.New("smtp: no reply in time")

// ErrUnsupportedAuth means Auth was asked for a mechanism other than
// PLAIN and LOGIN; nothing was sent.
var ErrUnsupportedAuth = errors.New("smtp: unsupported AUTH mechanism (PLAIN or LOGIN)")

// ErrNoAuthOffered means the server's EHLO offered no AUTH (an MX that
// takes mail for its domains, or a server that offers it only after
// STARTTLS): the credentials were not sent.
var ErrNoAuthOffered = errors.New("smtp: the server did not offer AUTH, so the user name and password were not sent")

// ErrPlaintextAuth means the connection was not encrypted and no one
// agreed to send the credentials in clear: they were not sent.
var ErrPlaintextAuth = errors.New("smtp: the connection is not encrypted, so the user name and password were not sent")
