package termtab

import (
	"sync/atomic"
	"time"

	"github.com/tern-telnet/tern/gui/termview"
)

// The echo fast path. Fyne handles input and draws frames in the same
// 60 Hz tick: a frame that reaches the view after the key handler has
// returned waits for the next tick. So, after a key is sent, the UI
// goroutine (still inside the key handler) waits up to echoWait for the
// render loop to hand it the frame that shows the answer (local echo, or
// a nearby server's), and presents it itself: this tick's repaint draws
// it. A key with no quick answer costs the UI that wait, no more.
const echoWait = 10 * time.Millisecond

// echoPath is where a key handler and the render loop meet.
type echoPath struct {
	waiting atomic.Bool
	typed   chan struct{}  // wakes a render loop that is spacing frames
	frames  chan echoFrame // the render loop's frame for the waiting handler
	done    chan struct{}  // the handler has presented it
	shown   func()         // Options.EchoShown, or nil
}

// drawNow tells the window, on the UI goroutine, that a key's answer was
// just presented and may be drawn before the toolkit's next tick.
func (e *echoPath) drawNow() {
	if e.shown != nil {
		e.shown()
	}
}

func newEchoPath(shown func()) echoPath {
	return echoPath{typed: make(chan struct{}, 1), frames: make(chan echoFrame), done: make(chan struct{}), shown: shown}
}

// echoFrame is a frame and what goes with it (frameReport's update, or nil).
type echoFrame struct {
	frame  termview.Frame
	report func()
}

// await runs on the UI goroutine right after a key was sent; show
// presents the frame it is handed.
func (e *echoPath) await(show func(termview.Frame, func())) {
	e.waiting.Store(true)
	defer e.waiting.Store(false)
	select {
	case e.typed <- struct{}{}:
	default:
	}
	timer := time.NewTimer(echoWait)
	defer timer.Stop()
	select {
	case f := <-e.frames:
		show(f.frame, f.report)
		e.done <- struct{}{}
		e.drawNow()
	case <-timer.C:
	}
}

// hand is the render loop's side: it gives a frame with something new
// in it, and its report, to a waiting key handler, and reports whether it
// did (then the frame is already presented).
func (e *echoPath) hand(f termview.Frame, report func()) bool {
	if !e.waiting.Load() || !f.Damage.Any() {
		return false
	}
	select {
	case e.frames <- echoFrame{f, report}:
		<-e.done
		return true
	default:
		return false
	}
}
