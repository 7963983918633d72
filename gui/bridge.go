package gui

import "fyne.io/fyne/v2"

// The window's bridge: every change a goroutine makes to the window's
// widgets goes through onUI, one call on the UI goroutine (fyne.Do, or
// the queue a test gave newMainWindow). Tabs have their own, given the
// same function (termtab.Options.UI).

// onUI runs f on the UI goroutine.
func (w *mainWindow) onUI(f func()) { w.ui(f) }

func fyneDo(f func()) { fyne.Do(f) }
