package gui

// Whether Tern's window has the keyboard (the desktop's focus). A window
// in the background draws output less often, and its terminals show a
// hollow cursor, as PuTTY's do.

// followForeground listens to the app's foreground changes; the window
// counts as in front until told otherwise.
func (w *mainWindow) followForeground() {
	w.background.Store(false)
	lc := w.app.Lifecycle()
	lc.SetOnEnteredForeground(func() { w.setBackground(false) })
	lc.SetOnExitedForeground(func() { w.setBackground(true) })
}

func (w *mainWindow) setBackground(back bool) {
	if w.background.Swap(back) == back {
		return
	}
	for _, t := range w.byItem {
		t.Redraw(false)
	}
}

// inBackground reports whether another window has the keyboard. Any
// goroutine may ask.
func (w *mainWindow) inBackground() bool { return w.background.Load() }
