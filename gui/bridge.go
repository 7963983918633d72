package gui

import (
	"fyne.io/fyne/v2"
)

// The session bridge: every change a goroutine makes to widgets goes
// through one of these, each a single fyne.Do.

// onUI runs f on the UI goroutine.
func onUI(f func()) {
	if q := testUIQueue; q != nil {
		q <- f
		return
	}
	fyne.Do(f)
}

// testUIQueue, set only by tests, collects UI work for the test goroutine
// to run: Fyne's test driver would run it in place, on whichever goroutine
// asked, racing with the test's own widget calls.
var testUIQueue chan func()

// onUIAsync queues f for the UI goroutine without waiting for it, even
// where the test driver would run fyne.Do in place.
func onUIAsync(f func()) { go fyne.Do(f) }
