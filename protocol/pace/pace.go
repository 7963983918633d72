// Package pace sends a paste or a file to a device at the device's pace,
// as Tera Term's and SecureCRT's paced pastes do: a delay after each line
// and between characters, and "wait for the device": the next line goes
// only once the previous one came back (its echo and a line break) or
// the prompt did. A Pacer runs on its own goroutine; it can be paused,
// resumed and cancelled from any goroutine, and reports its progress.
package pace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"
)

// DefaultPrompt matches an IOS-like prompt at the end of the output:
// "Router>", "Router#", "Router(config-if)# ".
const DefaultPrompt = `[>#]\s*$`

// DefaultTimeout is how long a line's echo or prompt is waited for.
const DefaultTimeout = 10 * time.Second

// maxSeen caps the output kept while waiting for a line to come back.
const maxSeen = 16 << 10

// Options say how to pace. The zero value sends line by line with no
// delay and no waiting.
type Options struct {
	LineDelay time.Duration // after each line; 0 none
	CharDelay time.Duration // between the characters of a line; 0 sends a line in one write
	// WaitEcho sends the next line only once the device echoed the last
	// one (its text then a line break) or showed its prompt.
	WaitEcho bool
	// Prompt is the prompt's regular expression, matched against the end
	// of what came back after the line was sent; nil is DefaultPrompt.
	Prompt *regexp.Regexp
	// Timeout bounds each wait; 0 is DefaultTimeout. When it runs out the
	// pacer pauses and says why; Resume goes on with the next line.
	Timeout time.Duration
}

// Progress is where a pacer is.
type Progress struct {
	Line, Lines int    // lines sent, of all
	Paused      bool   // by Pause, or after a timeout
	Reason      string // why it paused by itself; "" otherwise
	Done        bool   // all sent, cancelled or failed
}

// ErrCanceled is Run's error after Cancel.
var ErrCanceled = errors.New("pace: cancelled")

// maxLines bounds the lines a pacer holds, its appended ones included
// (Send file's 4 MiB of short lines fit).
const maxLines = 1 << 20

// ErrFinished and ErrTooLong are Append's errors: Run is done (or
// stopping), or the lines would be too many.
var (
	ErrFinished = errors.New("pace: finished")
	ErrTooLong  = errors.New("pace: too many lines")
)

// ErrEnded is Run's error when the session ended first (Close).
var ErrEnded = errors.New("pace: the session ended")

// Pacer sends lines with Options' pacing.
type Pacer struct {
	lines    [][]byte // each with its line break, when it has one
	opt      Options
	send     func([]byte) error
	progress func(Progress)

	mu      sync.Mutex
	wake    chan struct{} // signalled on Feed, Resume, Cancel, Close
	seen    []byte        // output since the last line was sent
	paused  bool
	reason  string
	done    bool
	stopErr error
	sent    int
}

// New makes a pacer for text (line breaks as CR, as linedisc.CleanPaste
// gives them). send writes one piece to the session; progress, if not
// nil, is called on Run's goroutine after each change.
func New(text []byte, opt Options, send func([]byte) error, progress func(Progress)) *Pacer {
	if opt.Prompt == nil {
		opt.Prompt = regexp.MustCompile(DefaultPrompt)
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	return &Pacer{lines: SplitLines(text), opt: opt, send: send, progress: progress, wake: make(chan struct{}, 1)}
}

// SplitLines cuts text after each CR; a last line without one is kept.
func SplitLines(text []byte) [][]byte {
	var out [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\r')
		if i < 0 {
			return append(out, text)
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}

// Lines is how many lines the pacer sends.
func (p *Pacer) Lines() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.lines)
}

// Append adds text's lines after the others, paced the same way (the
// first waits for the device as the next line of the same text would).
// It fails with ErrFinished once Run is done or stopping, and with
// ErrTooLong when the pacer would hold more than maxLines lines.
func (p *Pacer) Append(text []byte) error {
	lines := SplitLines(text)
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.done || p.stopErr != nil:
		return ErrFinished
	case len(p.lines)+len(lines) > maxLines:
		return ErrTooLong
	}
	p.lines = append(p.lines, lines...)
	return nil
}

// Ended reports whether Run is done: the pacer needs no more of the
// server's data, and a session's taps may let it go.
func (p *Pacer) Ended() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done
}

// Feed takes the server's data (after Telnet processing); it never blocks.
// Once Run is done it keeps nothing.
func (p *Pacer) Feed(b []byte) {
	p.mu.Lock()
	if p.done {
		p.mu.Unlock()
		return
	}
	p.seen = append(p.seen, b...)
	if over := len(p.seen) - maxSeen; over > 0 {
		p.seen = append(p.seen[:0], p.seen[over:]...)
	}
	p.mu.Unlock()
	p.signal()
}

// Close says the session ended: Run stops with ErrEnded.
func (p *Pacer) Close() { p.stop(ErrEnded) }

// Cancel stops Run with ErrCanceled.
func (p *Pacer) Cancel() { p.stop(ErrCanceled) }

// Pause holds the next line until Resume; the progress says so at once
// (on the caller's goroutine), even while Run waits out a delay.
func (p *Pacer) Pause() {
	p.mu.Lock()
	p.paused = true
	p.mu.Unlock()
	p.signal()
	p.report()
}

// Resume goes on after Pause or a timeout; the progress says so at once.
func (p *Pacer) Resume() {
	p.mu.Lock()
	p.paused, p.reason = false, ""
	p.mu.Unlock()
	p.signal()
	p.report()
}

// Progress is where the pacer is now.
func (p *Pacer) Progress() Progress {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Progress{Line: p.sent, Lines: len(p.lines), Paused: p.paused, Reason: p.reason, Done: p.done}
}

func (p *Pacer) stop(err error) {
	p.mu.Lock()
	if p.stopErr == nil {
		p.stopErr = err
	}
	p.mu.Unlock()
	p.signal()
}

func (p *Pacer) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *Pacer) report() {
	if p.progress != nil {
		p.progress(p.Progress())
	}
}

// Run sends every line and returns nil, or stops early with ErrCanceled,
// ErrEnded, the context's error or send's error.
func (p *Pacer) Run(ctx context.Context) error {
	err := p.run(ctx)
	p.mu.Lock()
	p.done = true
	p.mu.Unlock()
	p.report()
	return err
}

func (p *Pacer) run(ctx context.Context) error {
	p.report()
	for i := 0; ; i++ {
		line, ok := p.line(i)
		if !ok {
			return nil
		}
		if i > 0 {
			if err := p.afterLine(ctx, i); err != nil {
				return err
			}
		}
		if err := p.waitWhilePaused(ctx); err != nil {
			return err
		}
		p.mu.Lock()
		p.seen = p.seen[:0]
		p.mu.Unlock()
		if err := p.sendLine(ctx, line); err != nil {
			return err
		}
		p.mu.Lock()
		p.sent = i + 1
		p.mu.Unlock()
		p.report()
	}
}

// line is line i, ok false when there is none: then Run is done (under
// the same lock, so that Append can no longer add one).
func (p *Pacer) line(i int) (line []byte, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if i >= len(p.lines) {
		p.done = true
		return nil, false
	}
	return p.lines[i], true
}

// afterLine waits between line n (1-based, sent) and the next: for the
// device, then LineDelay.
func (p *Pacer) afterLine(ctx context.Context, n int) error {
	p.mu.Lock()
	sent := p.lines[n-1]
	p.mu.Unlock()
	if p.opt.WaitEcho {
		if err := p.waitForDevice(ctx, sent, n); err != nil {
			return err
		}
	}
	return p.sleep(ctx, p.opt.LineDelay)
}

// sendLine writes a line in one piece, or character by character with
// CharDelay between them.
func (p *Pacer) sendLine(ctx context.Context, line []byte) error {
	if p.opt.CharDelay <= 0 {
		return p.send(line)
	}
	for i, r := range string(line) {
		if i > 0 {
			if err := p.sleep(ctx, p.opt.CharDelay); err != nil {
				return err
			}
		}
		if err := p.send([]byte(string(r))); err != nil {
			return err
		}
	}
	return nil
}

// waitForDevice waits until line came back or the prompt did; on timeout
// it pauses and waits for Resume.
func (p *Pacer) waitForDevice(ctx context.Context, line []byte, n int) error {
	text := bytes.TrimRight(line, "\r")
	timer := time.NewTimer(p.opt.Timeout)
	defer timer.Stop()
	for {
		if err := p.stopped(ctx); err != nil {
			return err
		}
		p.mu.Lock()
		back := cameBack(p.seen, text, p.opt.Prompt)
		p.mu.Unlock()
		if back {
			return nil
		}
		select {
		case <-p.wake:
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
			p.mu.Lock()
			p.paused = true
			p.reason = fmt.Sprintf("the device did not echo line %d or show its prompt within %s", n, p.opt.Timeout)
			p.mu.Unlock()
			p.report()
			return p.waitWhilePaused(ctx)
		}
	}
}

// cameBack reports whether seen holds text's echo followed by a line
// break, or ends with the prompt.
func cameBack(seen, text []byte, prompt *regexp.Regexp) bool {
	if i := bytes.Index(seen, text); i >= 0 {
		if bytes.ContainsAny(seen[i+len(text):], "\r\n") {
			return true
		}
	}
	last := seen
	if i := bytes.LastIndexAny(seen, "\r\n"); i >= 0 {
		last = seen[i+1:]
	}
	return len(seen) > 0 && prompt.Match(last)
}

func (p *Pacer) waitWhilePaused(ctx context.Context) error {
	for {
		if err := p.stopped(ctx); err != nil {
			return err
		}
		p.mu.Lock()
		paused := p.paused
		p.mu.Unlock()
		if !paused {
			return nil
		}
		p.report()
		select {
		case <-p.wake:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (p *Pacer) stopped(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopErr != nil {
		return p.stopErr
	}
	return ctx.Err()
}

// sleep waits d, or less if stopped.
func (p *Pacer) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return p.stopped(ctx)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			return p.stopped(ctx)
		case <-p.wake:
			if err := p.stopped(ctx); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
