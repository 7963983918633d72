//go:build linux && !wayland && cgo

package fasttick

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
static int tern_display_fd(void *d) { return ConnectionNumber((Display *)d); }
*/
import "C"

import (
	"log"
	"reflect"
	"sync/atomic"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	_ "fyne.io/fyne/v2/app" // links the desktop driver drawSingleFrame lives in
	"github.com/go-gl/glfw/v3.3/glfw"
	"golang.org/x/sys/unix"
)

// drawSingleFrame is the driver's own per-tick draw: every visible window
// whose canvas is dirty is painted and swapped, and its dirty mark
// cleared, so the following tick does not draw it again. It must run on
// the UI goroutine (the main OS thread), as the tick does, and never
// inside a GLFW callback: only drawFrame calls it, and only from a UI
// call of fasttick's own, after the events it read were handled.
//
//go:linkname drawSingleFrame fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).drawSingleFrame
func drawSingleFrame(d unsafe.Pointer)

// minGap spaces wake-ups, so that a stream of pointer motion costs the
// UI goroutine at most one early read every 2 ms.
const minGap = 2 * time.Millisecond

// Owned by the UI goroutine.
var (
	driver     unsafe.Pointer // the running *gLDriver, once reach has checked it
	inOwnRead  bool           // pollEvents was called from readInput
	drawNow    bool           // Shown during that read
	drawQueued bool           // drawAnswer is in the driver's queue
)

// The driver's calls, variables so that tests can stand in for them.
var (
	pollEvents = glfw.PollEvents
	drawFrame  = func() { drawSingleFrame(driver) }
)

var (
	started atomic.Bool
	// early reads; echoes drawn right after one; answers drawn on arrival
	reads, draws, answers atomic.Uint64
)

// Counts reports how many times input was read early, how many keys'
// echoes were drawn right after such a read, and how many later answers
// were drawn as they came (TERN_STATS prints them).
func Counts() (earlyReads, echoesDrawn, answersDrawn uint64) {
	return reads.Load(), draws.Load(), answers.Load()
}

// Start begins watching the window system's connection. Call it on the
// UI goroutine once a window is shown; it reports whether early reads
// are possible here (X11 with the very Fyne desktop driver fasttick was
// written for; see reach.go). When the driver is Fyne's but not as
// fasttick knows it, Start says why on the log and declines.
func Start() bool {
	if !started.CompareAndSwap(false, true) {
		return driver != nil
	}
	drv := fyne.CurrentApp().Driver()
	if err := checkDriverType(drv); err != nil {
		return false // the test driver, or a mobile one
	}
	if err := reach(drv); err != nil {
		log.Printf("keys wait for Fyne's tick: %v", err)
		return false
	}
	display := unsafe.Pointer(glfw.GetX11Display())
	if display == nil {
		return false
	}
	driver = reflect.ValueOf(drv).UnsafePointer()
	go watch(int32(C.tern_display_fd(display)))
	go restWhileIdle()
	return true
}

// Shown is called on the UI goroutine when a terminal has presented a
// frame that answers a key. It never draws: it may be running inside a
// GLFW callback (a key Fyne's own tick read), where drawing is not
// allowed. While fasttick's own read is being handled (the key's echo),
// the window is drawn as soon as that read returns; otherwise (an answer
// that arrived later, or a key Fyne's tick read) a draw is put in the
// driver's queue, to run once the current UI call or tick is over.
func Shown() {
	switch {
	case driver == nil || !onMainThread() || quitting():
		// Fyne is shutting down (it runs UI calls in place then), and its
		// queue may already be closed: the window needs no more draws.
	case inOwnRead:
		drawNow = true
	case !drawQueued:
		select {
		case funcQueue.in <- funcData{f: drawAnswer}:
			drawQueued = true
		default: // the queue is full: Fyne's next tick draws it
		}
	}
}

// quitting reports whether the driver has been asked to quit.
func quitting() bool {
	select {
	case <-driverDone:
		return true
	default:
		return false
	}
}

// drawAnswer runs from the driver's queue, outside any callback.
func drawAnswer() {
	if !onMainThread() {
		return // Fyne is shutting down and runs queued work in place
	}
	drawQueued = false
	drawFrame()
	answers.Add(1)
}

// readInput runs on the UI goroutine, outside any callback: it has the
// driver handle the events waiting on the connection (its callbacks run
// inside pollEvents), then draws if a key's echo was presented.
func readInput() {
	inOwnRead = true
	pollEvents()
	inOwnRead = false
	if drawNow {
		drawNow = false
		drawFrame()
		draws.Add(1)
	}
}

// onMainThread reports whether the caller runs on the process's main OS
// thread, Fyne's UI goroutine; queued UI calls run elsewhere only while
// Fyne shuts down, in place on the goroutine that queued them. (A
// variable: tests run on other threads.)
var onMainThread = func() bool { return unix.Gettid() == unix.Getpid() }

// watch owns the poll of fd; it runs until the connection closes.
func watch(fd int32) {
	fds := []unix.PollFd{{Fd: fd, Events: unix.POLLIN}}
	stop := false
	readNow := func() {
		if !onMainThread() {
			stop = true // Fyne is shutting down and runs queued work in place
			return
		}
		readInput()
		reads.Add(1)
		lastBusy.Store(time.Now().UnixNano())
	}
	for !stop {
		fds[0].Revents = 0
		if _, err := unix.Poll(fds, -1); err != nil {
			if err == unix.EINTR {
				continue
			}
			return
		}
		if fds[0].Revents&(unix.POLLHUP|unix.POLLERR|unix.POLLNVAL) != 0 {
			return
		}
		fyne.DoAndWait(readNow)
		time.Sleep(minGap)
	}
}
