//go:build linux && !wayland && cgo

package fasttick

import (
	"reflect"
	"sync/atomic"
	"time"

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

// rests counts the times the UI goroutine rested (TERN_STATS).
var rests atomic.Uint64

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
	readInput()
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
