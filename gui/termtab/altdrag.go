package termtab

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Fyne opens the window's menu, and gives it the keyboard, when Alt is
// pressed and let go with no other key between; a mouse drag is no key,
// so an Alt-drag (a rectangular selection) would end with the menu open,
// taking the next keys. After an Alt-drag the tab waits for Alt to be let
// go (Fyne opens the menu while handling that release) and closes the
// menu, giving the terminal its keyboard back. The menu opened by Alt
// alone is left alone.
const (
	altPoll    = 30 * time.Millisecond
	altPollFor = 10 * time.Second // Alt held longer: the menu is not ours to close
)

// altDrag waits, after an Alt-drag, to give the keyboard back to keys.
type altDrag struct {
	ui   uiBridge
	host Host
	keys fyne.Focusable
}

// ended starts the wait. UI goroutine.
func (a altDrag) ended() { a.awaitUp(time.Now().Add(altPollFor)) }

func (a altDrag) awaitUp(until time.Time) {
	time.AfterFunc(altPoll, func() {
		a.ui.do(func() {
			switch {
			case altHeld() && time.Now().Before(until):
				a.awaitUp(until)
			case !altHeld():
				if w := a.host.Window(); dismissMenu(w) {
					w.Canvas().Focus(a.keys)
				}
			}
		})
	})
}

// altHeld reports whether Alt is down, as Fyne's desktop driver last saw
// it. Tests replace it.
var altHeld = func() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierAlt != 0
}

// dismissMenu closes the window's menu if it is open and reports whether
// it was: Fyne v2.7.2's GLFW canvas has DismissMenu, the test driver's
// has not. Tests replace it.
var dismissMenu = func(w fyne.Window) bool {
	c, ok := w.Canvas().(interface{ DismissMenu() bool })
	return ok && c.DismissMenu()
}
