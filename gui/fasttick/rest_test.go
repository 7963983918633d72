//go:build linux && !wayland && cgo

package fasttick

import (
	"testing"
	"time"
	"unsafe"

	"fyne.io/fyne/v2/app"
)

// TestQueueTypesMatchTheCopies: this binary's driver queue types are laid
// out as fasttick's copies of them, and the queue is made as expected.
func TestQueueTypesMatchTheCopies(t *testing.T) {
	if err := checkQueueTypes(); err != nil {
		t.Fatal(err)
	}
	if err := checkQueue(); err != nil {
		t.Fatal(err)
	}
}

// TestQueueMirrorMatchesTheDriver: a UI call put into the driver's queue
// through the copy comes out of it whole (nothing else reads the queue
// here: the desktop driver's loop is not running).
func TestQueueMirrorMatchesTheDriver(t *testing.T) {
	if err := checkQueueTypes(); err != nil {
		t.Fatal(err)
	}
	ran := false
	done := make(chan struct{}, 1)
	funcQueue.in <- funcData{f: func() { ran = true }, done: done}
	f := nextQueued(t)
	f.f()
	if f.done != done {
		t.Fatal("the call's done channel did not come through")
	}
	if !ran {
		t.Fatal("the call that came out was not the one put in")
	}
}

// TestDriverPartsAreFound: the desktop driver has the quit channel and
// animation state a rest looks at, where and as reach.go expects them.
func TestDriverPartsAreFound(t *testing.T) {
	a := app.NewWithID("io.github.tern-telnet.fasttick-test")
	if err := checkDriverType(a.Driver()); err != nil {
		t.Fatal(err)
	}
	if err := findDriverParts(a.Driver()); err != nil {
		t.Fatalf("%T is not laid out as Fyne %s's driver: %v", a.Driver(), WrittenFor, err)
	}
	select {
	case <-driverDone:
		t.Fatal("the driver's quit channel is closed before it ran")
	default:
	}
	animMu.RLock()
	on := *animOn
	animMu.RUnlock()
	if on {
		t.Fatal("animations are running in a driver that never started")
	}
}

// TestReachDeclinesInATestBinary: a test binary lists no modules, so
// nothing can vouch for the Fyne it was built with: reach declines and
// says so, although every type matches.
func TestReachDeclinesInATestBinary(t *testing.T) {
	a := app.NewWithID("io.github.tern-telnet.fasttick-test")
	if err := reach(a.Driver()); err == nil {
		t.Fatal("reach accepted a binary without module information")
	}
}

// drawStub stands in for the driver while a test runs: draws are
// counted, the driver's poll runs duringPoll (as its callbacks would),
// and the caller counts as the UI goroutine.
func drawStub(t *testing.T, duringPoll func()) (drawn *int) {
	if err := checkQueueTypes(); err != nil {
		t.Fatal(err)
	}
	n := 0
	var anything byte
	oldDriver, oldPoll, oldDraw, oldMain, oldDone := driver, pollEvents, drawFrame, onMainThread, driverDone
	driver, pollEvents, drawFrame = unsafe.Pointer(&anything), duringPoll, func() { n++ }
	onMainThread = func() bool { return true }
	driverDone = make(chan struct{})
	t.Cleanup(func() {
		driver, pollEvents, drawFrame, onMainThread, driverDone = oldDriver, oldPoll, oldDraw, oldMain, oldDone
		drawNow, drawQueued = false, false
	})
	return &n
}

// nextQueued takes the next call from the driver's queue.
func nextQueued(t *testing.T) funcData {
	t.Helper()
	select {
	case f := <-funcQueue.out:
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("nothing came out of the driver's queue")
		return funcData{}
	}
}

// queueHoldsNothing sends a marker through the driver's queue: the next
// call out of it must be that marker, not what (the queued) was.
func queueHoldsNothing(t *testing.T, what string) {
	t.Helper()
	marker := make(chan struct{}, 1)
	funcQueue.in <- funcData{f: func() {}, done: marker}
	if f := nextQueued(t); f.done != marker {
		t.Fatalf("%s was queued", what)
	}
}

// TestShownNeverDrawsInPlace: a key's answer presented outside
// fasttick's own read (inside a GLFW key callback of Fyne's own tick, or
// in a UI call) is not drawn there: the draw is queued, runs once, and
// one queued draw serves answers shown before it runs.
func TestShownNeverDrawsInPlace(t *testing.T) {
	drawn := drawStub(t, func() {})
	before := answers.Load()
	Shown()
	Shown()
	if *drawn != 0 {
		t.Fatalf("Shown drew %d times in place", *drawn)
	}
	f := nextQueued(t)
	f.f()
	if *drawn != 1 || answers.Load() != before+1 {
		t.Fatalf("the queued draw drew %d times (answers %d → %d), want once", *drawn, before, answers.Load())
	}
	queueHoldsNothing(t, "a second draw")
}

// TestEchoIsDrawnAfterTheRead: an echo presented while fasttick's own
// read is being handled (inside the driver's poll, as a key callback)
// is drawn once that poll has returned, not during it.
func TestEchoIsDrawnAfterTheRead(t *testing.T) {
	var drawn *int
	drawnInPoll := -1
	drawn = drawStub(t, func() {
		Shown() // the key's echo, from inside the callback
		drawnInPoll = *drawn
	})
	before := draws.Load()
	readInput()
	if drawnInPoll != 0 {
		t.Fatalf("drawn %d times inside the poll", drawnInPoll)
	}
	if *drawn != 1 || draws.Load() != before+1 {
		t.Fatalf("drawn %d times after the poll, want once", *drawn)
	}
	queueHoldsNothing(t, "the echo's draw")
}

// TestShownQueuesNothingOnceQuitting: once the driver is quitting (its
// queue is drained and closed right after), or off the UI goroutine
// (Fyne runs calls in place while it shuts down), Shown leaves the queue
// alone.
func TestShownQueuesNothingOnceQuitting(t *testing.T) {
	drawStub(t, func() {})
	onMainThread = func() bool { return false }
	Shown()
	onMainThread = func() bool { return true }
	quit := make(chan struct{})
	close(quit)
	driverDone = quit
	Shown()
	queueHoldsNothing(t, "a draw")
	if drawQueued {
		t.Fatal("a draw is marked as queued")
	}
}
