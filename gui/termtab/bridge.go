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
// has closed). Never call it on the UI goroutine.
func (b uiBridge) wait(f func()) {
	done := make(chan struct{})
	b.run(func() { f(); close(done) })
	select {
	case <-done:
	case <-b.stop:
	}
}

func defaultUI(f func()) { fyne.Do(f) }
