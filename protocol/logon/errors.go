package logon

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kind says how a logon stopped.
type Kind int

// The ways a logon stops early.
const (
	TimedOut    Kind = iota // the step's text did not appear in time
	Refused                 // the server's reply matched a failure pattern
	Interrupted             // the person typed
	Ended                   // the context ended (the session closed)
	Invalid                 // a step is not valid (see Validate)
)

// Error is why a logon stopped, and at which step.
type Error struct {
	Kind     Kind
	Step, Of int    // the step, counting from 1, and how many there are
	Expect   string // the step's text
	Regexp   bool   // Expect is a regular expression (see Describe)
	Timeout  time.Duration
	Reply    string // Refused: the server's line that matched
	Err      error  // Ended, Invalid: the cause
}

func (e *Error) Error() string {
	return fmt.Sprintf("logon: step %d of %d: %s", e.Step, e.Of, e.reason())
}

func (e *Error) reason() string {
	switch e.Kind {
	case TimedOut:
		return fmt.Sprintf("%q did not appear within %s", e.Expect, seconds(e.Timeout))
	case Refused:
		return fmt.Sprintf("the server refused the login: %q", e.Reply)
	case Interrupted:
		return "interrupted by the person typing"
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Explain says in plain words what stopped the logon, for the terminal:
// "Logon stopped at step 2 of 4: “Password:” did not appear within 10 s."
func Explain(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return "Logon stopped: " + err.Error() + "."
	}
	if e.Kind == Interrupted {
		return "Logon stopped: you typed, so the session is yours."
	}
	words := map[Kind]string{
		TimedOut: fmt.Sprintf("%s did not appear within %s. The session is yours.", Describe(e.Expect, e.Regexp), seconds(e.Timeout)),
		Refused:  fmt.Sprintf("the server refused the login (“%s”). Check the user name and password in the profile.", e.Reply),
		Ended:    "the connection closed.",
	}[e.Kind]
	if words == "" {
		words = e.Err.Error() + "."
	}
	return fmt.Sprintf("Logon stopped at step %d of %d: %s", e.Step, e.Of, words)
}

func seconds(d time.Duration) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", d.Seconds()), ".0") + " s"
}

// errNotYet: the step's text has not appeared yet; errLineOpen: a failure
// pattern has, but not the end of its line.
var (
	errNotYet   = errors.New("not yet")
	errLineOpen = errors.New("failure line not ended")
)
