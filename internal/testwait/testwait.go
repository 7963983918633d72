// Package testwait is how Tern's tests wait: Until polls a condition up
// to a deadline and fails with what it waited for and how long; Queue
// stands in for Fyne's UI goroutine (what the code hands to fyne.Do, a
// test runs on its own goroutine while it waits).
//
// A test that must show something did NOT happen does not wait a while
// and look: it sends a marker that must arrive after the thing it
// watches for, waits for the marker (Until), then asserts the thing is
// absent.
package testwait

import (
	"testing"
	"time"
)

// Timeout is how long Until waits. Slow machines (the race detector,
// Wine) need more than a person would: a passing test never waits it out.
const Timeout = 15 * time.Second

// poll is how often a condition is checked.
const poll = 5 * time.Millisecond

// Until checks cond until it holds, or fails t after Timeout saying what
// it waited for.
func Until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	Within(t, Timeout, what, cond)
}

// Within is Until with a deadline of d.
func Within(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	if !poll1(d, nil, cond) {
		t.Fatalf("timed out after %s waiting for %s", d, what)
	}
}

// Every is Within for a costly cond (a screenshot, a process, a folder
// of files), checked once per every instead of every few milliseconds.
func Every(t testing.TB, d, every time.Duration, what string, cond func() bool) {
	t.Helper()
	if !HoldsEvery(d, every, cond) {
		t.Fatalf("timed out after %s waiting for %s", d, what)
	}
}

// HoldsEvery is Holds for a costly cond, checked once per every.
func HoldsEvery(d, every time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(every)
	}
	return true
}

// Holds reports whether cond comes to hold within d (it does not fail
// the test: for waits whose outcome the test branches on).
func Holds(d time.Duration, cond func() bool) bool { return poll1(d, nil, cond) }

// poll1 runs step (if not nil) and checks cond until it holds or d passed.
func poll1(d time.Duration, step func(), cond func() bool) bool {
	deadline := time.Now().Add(d)
	for {
		if step != nil {
			step()
		}
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(poll)
	}
}

// Queue is a fake UI goroutine: the code under test hands it work (Do,
// in place of fyne.Do), and the test runs that work on its own goroutine
// while it waits (Until, For, Run), as Fyne's loop would.
type Queue chan func()

// NewQueue makes a queue with room for far more work than a test makes.
func NewQueue() Queue { return make(Queue, 1<<16) }

// Do queues f, to run on the test goroutine.
func (q Queue) Do(f func()) { q <- f }

// Run runs the work queued so far (and what it queues meanwhile), and
// returns how much it ran.
func (q Queue) Run() (n int) {
	for {
		select {
		case f := <-q:
			f()
			n++
		default:
			return n
		}
	}
}

// Until runs queued work until cond holds, or fails t after Timeout.
func (q Queue) Until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	q.Within(t, Timeout, what, cond)
}

// Within is Until with a deadline of d.
func (q Queue) Within(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	if !poll1(d, func() { q.Run() }, cond) {
		t.Fatalf("timed out after %s waiting for %s", d, what)
	}
}

// For runs queued work for d, for a test that watches something happen
// over time (a blink, a timer); it asserts nothing.
func (q Queue) For(d time.Duration) {
	poll1(d, func() { q.Run() }, func() bool { return false })
}
