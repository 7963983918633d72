//go:build linux && !wayland && cgo

package fasttick

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/app"
)

// TestQueueMirrorMatchesTheDriver: a UI call put into the driver's queue
// through the mirror comes out of it whole (nothing else reads the queue
// here: the desktop driver's loop is not running).
func TestQueueMirrorMatchesTheDriver(t *testing.T) {
	if !checkQueue() {
		t.Fatal("funcQueue does not look like the driver's queue of UI calls")
	}
	ran := false
	done := make(chan struct{}, 1)
	funcQueue.in <- funcData{f: func() { ran = true }, done: done}
	select {
	case f := <-funcQueue.out:
		f.f()
		if f.done != done {
			t.Fatal("the call's done channel did not come through")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("nothing came out of the driver's queue")
	}
	if !ran {
		t.Fatal("the call that came out was not the one put in")
	}
}

// TestDriverPartsAreFound: the desktop driver has the quit channel and
// animation state a rest looks at, where and as rest.go expects them.
func TestDriverPartsAreFound(t *testing.T) {
	a := app.NewWithID("io.github.tern-telnet.fasttick-test")
	if !findDriverParts(a.Driver()) {
		t.Fatalf("%T is not laid out as Fyne %s's driver", a.Driver(), WrittenFor)
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
