package exchange

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultTimeout is how long a verb waits for its reply when a client's
// Timeout is 0.
const DefaultTimeout = 30 * time.Second

// Hooks are what a caller sets on every mail client (smtp, pop3, imap
// each embed them in their Client): how long a verb waits for its reply
// and who sees each step. The zero value waits DefaultTimeout and tells
// no one.
type Hooks[R any] struct {
	// Timeout bounds the wait for each reply; 0 means DefaultTimeout.
	Timeout time.Duration
	// OnStep, if not nil, sees each step (the command, its reply and what
	// the reply means) as it completes, on the goroutine that called the
	// verb.
	OnStep func(Step[R])
}

// StepHooks is the hooks themselves, for code that holds any of the
// clients through an interface.
func (h *Hooks[R]) StepHooks() *Hooks[R] { return h }

// Wait is how long a verb waits for its reply.
func (h *Hooks[R]) Wait() time.Duration { return cmp.Or(h.Timeout, DefaultTimeout) }

// Report hands s to OnStep, if set.
func (h *Hooks[R]) Report(s Step[R]) {
	if h.OnStep != nil {
		h.OnStep(s)
	}
}

// Use sets the hooks for a test: timeout (0 keeps the one set) and
// onStep. The function it returns puts the earlier ones back.
func (h *Hooks[R]) Use(timeout time.Duration, onStep func(Step[R])) (restore func()) {
	old := *h
	h.Timeout, h.OnStep = cmp.Or(timeout, old.Timeout), onStep
	return func() { *h = old }
}

// Send sends line into conn, masked as shown when shown is not "" and
// differs; it returns what the person sees.
func Send(conn Conn, line, shown string) string {
	if shown == "" || shown == line {
		conn.SendLine(line)
		return line
	}
	conn.SendSecretLine(line, shown)
	return shown
}

// ErrLineBreak is what every *LineBreakError is (errors.Is): a verb was
// given an argument holding CR, LF or NUL and sent nothing.
var ErrLineBreak = errors.New("argument holds CR, LF or NUL")

// LineBreakError is a verb's refusal of an argument that holds CR, LF or
// NUL: sent, it would end the command early and the rest would reach the
// server as a command of its own (smuggled past the person, who sees one
// line). Nothing was sent.
type LineBreakError struct {
	Proto   string // "smtp", "pop3" or "imap"
	Command string // the verb, e.g. "RCPT TO"
	Arg     string // which argument, e.g. "recipient"
}

func (e *LineBreakError) Error() string {
	return fmt.Sprintf("%s: %s: the %s holds a line break or NUL; nothing was sent", e.Proto, e.Command, e.Arg)
}

// Is makes errors.Is(err, ErrLineBreak) true.
func (e *LineBreakError) Is(target error) bool { return target == ErrLineBreak }

// CheckArgs returns a *LineBreakError for the first of args (pairs of the
// argument's name and its value) that holds CR, LF or NUL, nil when none
// does. Verbs call it before they send anything, as go-smtp's validateLine.
func CheckArgs(proto, command string, args ...string) error {
	for i := 0; i+1 < len(args); i += 2 {
		if strings.ContainsAny(args[i+1], "\r\n\x00") {
			return &LineBreakError{Proto: proto, Command: command, Arg: args[i]}
		}
	}
	return nil
}

// Verb is a command line's first word in upper case (what a step and an
// error name the command by), ended by a space or a line break.
func Verb(line string) string {
	if i := strings.IndexAny(line, " \r\n\x00"); i >= 0 {
		line = line[:i]
	}
	return strings.ToUpper(line)
}

// Subscription is a client's hold on a Tap: the replies it reads and how
// to let go.
type Subscription[R any] struct {
	Replies <-chan R
	stop    func()
}

// Subscribe holds on to src's replies from now on.
func Subscribe[R any](src interface{ Subscribe() (<-chan R, func()) }) Subscription[R] {
	ch, stop := src.Subscribe()
	return Subscription[R]{Replies: ch, stop: stop}
}

// Close stops listening; it sends nothing.
func (s Subscription[R]) Close() { s.stop() }

// Drain drops the replies waiting unread, handing each to seen (if not nil).
func (s Subscription[R]) Drain(seen func(R)) {
	for {
		select {
		case r := <-s.Replies:
			if seen != nil {
				seen(r)
			}
		default:
			return
		}
	}
}

// Next waits up to d for the next reply that want accepts (want nil
// accepts any). It returns closed when the subscription ends first, a
// timeout saying how long it waited, or ctx's error.
func (s Subscription[R]) Next(ctx context.Context, d time.Duration, want func(R) bool, closed, timeout error) (R, error) {
	var zero R
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case r, ok := <-s.Replies:
			if !ok {
				return zero, closed
			}
			if want == nil || want(r) {
				return r, nil
			}
		case <-timer.C:
			return zero, fmt.Errorf("%w (waited %s)", timeout, d)
		case <-ctx.Done():
			return zero, ctx.Err()
		}
	}
}
