package termtab

import "fyne.io/fyne/v2"

// The tab's bridge: every change its goroutines make to widgets goes
// through it, each a single call on the UI goroutine (fyne.Do, or the
// queue a test gave in Options.UI).
type uiBridge struct {
	run  func(func())
	stop <-chan struct{} // the tab has closed
}

// do runs f on the UI goroutine.
func (b uiBridge) do(f func()) { b.run(f) }

// wait runs f on the UI goroutine and waits until it has run (or the tab
// has closed). It reports whether f ran: only then may the caller read
// what f wrote, since after a close f may still run later. Never call it
// on the UI goroutine.
func (b uiBridge) wait(f func()) (ran bool) {
	done := make(chan struct{})
	b.run(func() { f(); close(done) })
	select {
	case <-done:
		return true
	case <-b.stop:
		return false
	}
}

func defaultUI(f func()) { fyne.Do(f) }
