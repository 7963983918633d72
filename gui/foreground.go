package gui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// Whether Tern's window has the keyboard (the desktop's focus). A window
// in the background draws output less often, and its terminals show a
// hollow cursor, as PuTTY's do.

// foreground follows the app's foreground changes; the window counts as
// in front until told otherwise.
type foreground struct{ back atomic.Bool }

// follow listens to lc; changed runs (on the UI goroutine) when the
// window goes to the background or comes back.
func (f *foreground) follow(lc fyne.Lifecycle, changed func()) {
	f.back.Store(false)
	set := func(back bool) {
		if f.back.Swap(back) != back {
			changed()
		}
	}
	lc.SetOnEnteredForeground(func() { set(false) })
	lc.SetOnExitedForeground(func() { set(true) })
}

// inBackground reports whether another window has the keyboard. Any
// goroutine may ask.
func (f *foreground) inBackground() bool { return f.back.Load() }
