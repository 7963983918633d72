//go:build linux && !wayland && cgo

package fasttick

import (
	"reflect"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Resting. Fyne's loop wakes 60 times a second whether anything happened
// or not (its event tick): that is all an idle Fyne window costs (1.5–1.9 %
// of a core under Xvfb; the same window with its loop held costs 0.0 %),
// and PuTTY costs nothing. So once the UI goroutine has had nothing to do
// for settle, it rests inside a UI call of ours until something would give
// the tick work:
//   - input on the window system's connection (watch sees it and queues
//     readNow, which ends the rest),
//   - a UI call from any goroutine (fyne.Do): taken from the driver's own
//     queue and run exactly as its loop runs it, then the rest ends,
//   - the driver quitting, or restLimit (so Fyne's caches are walked).
//
// Back in Fyne's loop, its next tick draws whatever changed, as it always
// did. A rest is declined while anything is left for a tick: a window to
// draw, resize or close, or an animation running.
const (
	settle    = 50 * time.Millisecond // quiet this long (three ticks) before resting
	restLimit = 10 * time.Second
)

// funcData and unboundedChan mirror the driver's queue of UI calls
// (internal/driver/glfw/loop.go and internal/async/chan.go in v2.7.2);
// checkQueue verifies what it can of the mirror before it is used.
type funcData struct {
	f    func()
	done chan struct{}
}

type unboundedChan struct {
	in, out chan funcData
	_       chan struct{} // close
	_       []funcData    // q
}

//go:linkname funcQueue fyne.io/fyne/v2/internal/driver/glfw.funcQueue
var funcQueue *unboundedChan

// The driver's parts a rest looks at, found by name when resting starts.
var (
	driverDone <-chan struct{}
	animMu     *sync.RWMutex // guards animOn
	animOn     *bool         // the driver's animation runner is ticking
	rests      atomic.Uint64
)

// checkQueue reports whether funcQueue looks like the driver's queue.
func checkQueue() bool {
	q := funcQueue
	return q != nil && q.in != nil && q.out != nil && cap(q.in) == 16 && cap(q.out) == 16
}

// findDriverParts locates the driver's quit channel and animation state;
// it reports false if the driver is not laid out as v2.7.2's is.
func findDriverParts(drv fyne.Driver) bool {
	d := reflect.ValueOf(drv).Elem()
	done := d.FieldByName("done")
	anim := d.FieldByName("animation")
	if done.Kind() != reflect.Chan || anim.Kind() != reflect.Struct {
		return false
	}
	mu, on := anim.FieldByName("animationMutex"), anim.FieldByName("runnerStarted")
	if mu.Type() != reflect.TypeFor[sync.RWMutex]() || on.Kind() != reflect.Bool {
		return false
	}
	driverDone = *(*chan struct{})(unsafe.Pointer(done.UnsafeAddr()))
	animMu = (*sync.RWMutex)(unsafe.Pointer(mu.UnsafeAddr()))
	animOn = (*bool)(unsafe.Pointer(on.UnsafeAddr()))
	return true
}

// windowParts is what a tick looks at in one window.
type windowParts struct {
	viewport                              *glfw.Window
	closing, visible, dirty, shouldExpand bool
}

// readWindow reads w's state; ok is false if w is not the driver's window.
func readWindow(w fyne.Window) (p windowParts, ok bool) {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return p, false
	}
	s := v.Elem()
	vp, closing, visible, expand := s.FieldByName("viewport"), s.FieldByName("closing"), s.FieldByName("visible"), s.FieldByName("shouldExpand")
	c := s.FieldByName("canvas")
	if vp.Kind() != reflect.Pointer || vp.Type().Elem() != reflect.TypeFor[glfw.Window]() ||
		closing.Kind() != reflect.Bool || visible.Kind() != reflect.Bool || expand.Kind() != reflect.Bool ||
		c.Kind() != reflect.Pointer || c.IsNil() {
		return p, false
	}
	dirty := c.Elem().FieldByName("dirty")
	if dirty.Kind() != reflect.Bool {
		return p, false
	}
	p.viewport = (*glfw.Window)(vp.UnsafePointer())
	p.closing, p.visible, p.dirty, p.shouldExpand = closing.Bool(), visible.Bool(), dirty.Bool(), expand.Bool()
	return p, true
}

// tickPending reports whether Fyne's next tick has work: events already
// read from the connection are handled first (Xlib reads them off the
// socket while it waits for replies, so poll would not see them).
func tickPending() bool {
	glfw.PollEvents()
	animMu.RLock()
	animating := *animOn
	animMu.RUnlock()
	if animating {
		return true
	}
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		p, ok := readWindow(w)
		if !ok {
			return true // not a window we understand: leave it to the tick
		}
		if p.closing {
			continue
		}
		if p.shouldExpand || p.visible && p.dirty || p.viewport != nil && p.viewport.ShouldClose() {
			return true
		}
	}
	return false
}

// lastBusy is when the UI goroutine last had work that came through
// fasttick (a rest ended, input was read early).
var lastBusy atomic.Int64

// Rests reports how many times the UI goroutine has rested (TERN_STATS).
func Rests() uint64 { return rests.Load() }

// restWhileIdle owns the rest cycle; it runs until the driver quits.
func restWhileIdle() {
	for {
		select {
		case <-driverDone:
			return
		case <-time.After(settle):
		}
		if time.Since(time.Unix(0, lastBusy.Load())) < settle {
			continue
		}
		fyne.DoAndWait(rest)
	}
}

// rest runs on the UI goroutine inside Fyne's loop and returns when the
// loop has something to do.
func rest() {
	defer lastBusy.Store(time.Now().UnixNano())
	if !onMainThread() || tickPending() {
		return
	}
	rests.Add(1)
	limit := time.NewTimer(restLimit)
	defer limit.Stop()
	select {
	case f, ok := <-funcQueue.out:
		if ok && f.f != nil {
			f.f()
		}
		if f.done != nil {
			f.done <- struct{}{}
		}
	case <-driverDone:
	case <-limit.C:
	}
}
