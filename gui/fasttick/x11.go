//go:build linux && !wayland && cgo

package fasttick

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
static int tern_display_fd(void *d) { return ConnectionNumber((Display *)d); }
*/
import "C"

import (
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
// the UI goroutine (the main OS thread), as the tick does.
//
//go:linkname drawSingleFrame fyne.io/fyne/v2/internal/driver/glfw.(*gLDriver).drawSingleFrame
func drawSingleFrame(d unsafe.Pointer)

const driverType = "fyne.io/fyne/v2/internal/driver/glfw.gLDriver"

// minGap spaces wake-ups, so that a stream of pointer motion costs the
// UI goroutine at most one early read every 2 ms.
const minGap = 2 * time.Millisecond

// Owned by the UI goroutine.
var (
	driver    unsafe.Pointer // the running *gLDriver
	inOwnRead bool           // glfw.PollEvents was called from here
	drawNow   bool           // Shown during that read
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
// are possible here (X11 with Fyne's desktop driver).
func Start() bool {
	drv := fyne.CurrentApp().Driver()
	t := reflect.TypeOf(drv)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().PkgPath()+"."+t.Elem().Name() != driverType {
		return false // the test driver, or a mobile one
	}
	if !started.CompareAndSwap(false, true) {
		return true
	}
	display := unsafe.Pointer(glfw.GetX11Display())
	if display == nil {
		return false
	}
	driver = (*[2]unsafe.Pointer)(unsafe.Pointer(&drv))[1]
	fd := int32(C.tern_display_fd(display))
	go watch(fd)
	if checkQueue() && findDriverParts(drv) {
		go restWhileIdle()
	}
	return true
}

// Shown is called on the UI goroutine when a terminal has presented a
// frame that answers a key. While input read early is being handled (the
// key's own echo), the window is drawn as soon as that read returns;
// otherwise (an answer that arrived later) it is drawn now, and the next
// tick finds nothing left to draw.
func Shown() {
	switch {
	case inOwnRead:
		drawNow = true
	case driver != nil:
		drawSingleFrame(driver)
		answers.Add(1)
	}
}

// onMainThread reports whether the caller runs on the process's main OS
// thread, Fyne's UI goroutine; queued UI calls run elsewhere only while
// Fyne shuts down, in place on the goroutine that queued them.
func onMainThread() bool { return unix.Gettid() == unix.Getpid() }

// watch owns the poll of fd; it runs until the connection closes.
func watch(fd int32) {
	fds := []unix.PollFd{{Fd: fd, Events: unix.POLLIN}}
	stop := false
	readNow := func() {
		if !onMainThread() {
			stop = true // Fyne is shutting down and runs queued work in place
			return
		}
		inOwnRead = true
		glfw.PollEvents()
		inOwnRead = false
		reads.Add(1)
		lastBusy.Store(time.Now().UnixNano())
		if drawNow {
			drawNow = false
			drawSingleFrame(driver)
			draws.Add(1)
		}
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
