package logon

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Sender is the live session as the logon sees it; *protocol.Session
// satisfies it.
type Sender interface {
	// SendSecretLine sends text and Enter; local echo shows shown
	// instead, and the raw log masks what differs.
	SendSecretLine(text, shown string)
	// SendData sends keys as they are, with no Enter and no echo.
	SendData(p []byte)
	// SendSecretData is SendData for keys the raw log must mask.
	SendSecretData(p []byte)
}

// lineWait is how long a failure reply may take to finish its line.
const lineWait = 300 * time.Millisecond

// Window is how much recent output the Runner keeps to match against: a
// server that never prints the expected text cannot make it grow.
const Window = 8 << 10

// Phase is where a step is.
type Phase int

// The phases a step goes through, and Done after the last.
const (
	Waiting Phase = iota // waiting for the step's text
	Sending              // the text appeared; sending
	Skipped              // the text did not appear and the step says go on
	Done                 // every step ran
)

// Progress is what the status bar shows while the logon runs.
type Progress struct {
	Step, Of int // Step counts from 1
	Expect   string
	Regexp   bool // Expect is a regular expression (see Describe)
	Phase    Phase
}

// String is the status bar's text: "Logon: step 2 of 4, waiting for
// “Password:”".
func (p Progress) String() string {
	switch {
	case p.Phase == Done:
		return "Logon: done"
	case p.Phase == Skipped:
		return fmt.Sprintf("Logon: step %d of %d skipped (%s did not appear)", p.Step, p.Of, Describe(p.Expect, p.Regexp))
	case p.Phase == Sending || p.Expect == "":
		return fmt.Sprintf("Logon: step %d of %d, sending", p.Step, p.Of)
	}
	return fmt.Sprintf("Logon: step %d of %d, waiting for %s", p.Step, p.Of, Describe(p.Expect, p.Regexp))
}

// Runner runs logon steps against one connection. Create it with New (a
// new one for each reconnect), hand every piece of server data to Feed
// from the start, call Run once the session is connected (the first
// step's timeout starts then), and call Interrupt from the key path
// before a key the person typed goes out. A failure reply (see
// FailurePatterns) counts only once a step has sent something, so a
// banner that warns "access denied to unauthorised users" stops nothing.
type Runner struct {
	out      Sender
	steps    []Step
	vars     Vars
	failures []string

	mu          sync.Mutex
	window      []byte // output since the last match, at most Window bytes
	sent        bool   // a step has sent something: failure replies count
	wake        chan struct{}
	interrupted chan struct{}
	stopOnce    sync.Once
}

// New prepares a runner; failures are the failure patterns (nil means
// FailurePatterns).
func New(out Sender, steps []Step, vars Vars, failures []string) *Runner {
	if failures == nil {
		failures = FailurePatterns
	}
	return &Runner{
		out: out, steps: steps, vars: vars, failures: failures,
		wake: make(chan struct{}, 1), interrupted: make(chan struct{}),
	}
}

// Feed takes the server's data (Session.OnData); it never blocks, and
// keeps only the last Window bytes.
func (r *Runner) Feed(p []byte) {
	r.mu.Lock()
	r.window = append(r.window, p...)
	if over := len(r.window) - Window; over > 0 {
		r.window = append(r.window[:0], r.window[over:]...)
	}
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Interrupt stops the logon at once, before anything more is sent: the
// person has typed and the session is theirs. It may be called any
// number of times, from any goroutine.
func (r *Runner) Interrupt() { r.stopOnce.Do(func() { close(r.interrupted) }) }

// Run runs the steps in order, reporting each to progress (which may be
// nil; it is called on Run's goroutine), and returns nil once the last step has sent its text, or an
// *Error saying which step stopped it and why.
func (r *Runner) Run(ctx context.Context, progress func(Progress)) error {
	if progress == nil {
		progress = func(Progress) {}
	}
	if err := Validate(r.steps); err != nil {
		return err
	}
	for i, st := range r.steps {
		p := Progress{Step: i + 1, Of: len(r.steps), Expect: st.Expect, Regexp: st.Regexp}
		progress(p)
		err := r.await(ctx, st)
		var e *Error
		if errors.As(err, &e) && e.Kind == TimedOut && st.OnTimeout == Continue {
			p.Phase = Skipped
			progress(p)
			continue
		}
		if err != nil {
			return r.stepError(i, st, err)
		}
		p.Phase = Sending
		progress(p)
		if err := r.send(st); err != nil {
			return r.stepError(i, st, err)
		}
	}
	progress(Progress{Step: len(r.steps), Of: len(r.steps), Phase: Done})
	return nil
}

// await waits until st's text is in the window (and drops what came up to
// its end), a failure pattern appears, the time runs out or the person
// types.
func (r *Runner) await(ctx context.Context, st Step) error {
	match, err := st.matcher()
	if err != nil {
		return err
	}
	timer := time.NewTimer(st.timeout())
	defer timer.Stop()
	var lineEnd <-chan time.Time // set while a failure line is incomplete
	for {
		err := r.check(st, match, nil)
		switch {
		case err == errLineOpen && lineEnd == nil:
			lineEnd = time.After(lineWait)
		case err != errNotYet && err != errLineOpen:
			return err
		}
		select {
		case <-r.wake:
		case <-lineEnd:
			if err := r.check(st, match, lineEnd); err != errNotYet {
				return err
			}
			lineEnd = nil
		case <-timer.C:
			if err := r.check(st, match, timer.C); err != errNotYet && err != errLineOpen {
				return err
			}
			return &Error{Kind: TimedOut, Timeout: st.timeout()}
		case <-r.interrupted:
			return &Error{Kind: Interrupted}
		case <-ctx.Done():
			return &Error{Kind: Ended, Err: ctx.Err()}
		}
	}
}

// check looks at the window once; final (non-nil once the wait for the
// rest of a failure line is over) takes the line as it is.
func (r *Runner) check(st Step, match matcher, final <-chan time.Time) error {
	select {
	case <-r.interrupted:
		return &Error{Kind: Interrupted}
	default:
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if line, ended, ok := findFailure(r.window, r.failures); ok && r.sent {
		if !ended && final == nil {
			return errLineOpen // wait a moment for the rest of the line
		}
		r.window = r.window[:0]
		return &Error{Kind: Refused, Reply: line}
	}
	if st.Expect == "" {
		return nil
	}
	if _, end := match(r.window); end >= 0 {
		r.window = append(r.window[:0], r.window[end:]...)
		return nil
	}
	return errNotYet
}

// send sends st's text, unless the person has typed meanwhile.
func (r *Runner) send(st Step) error {
	if st.Send == "" {
		return nil
	}
	lines, err := Expand(st.Send, r.vars, !st.NoEnter)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.sent = true
	r.mu.Unlock()
	for _, l := range lines {
		select {
		case <-r.interrupted:
			return &Error{Kind: Interrupted}
		default:
		}
		l.SendTo(r.out)
	}
	return nil
}

func (r *Runner) stepError(i int, st Step, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Kind: Invalid, Err: err}
	}
	e.Step, e.Of, e.Expect, e.Regexp = i+1, len(r.steps), st.Expect, st.Regexp
	return e
}
