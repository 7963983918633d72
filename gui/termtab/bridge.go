package termtab

import "fyne.io/fyne/v2"

// The tab's bridge: every change its goroutines make to widgets goes
// through onUI, each a single call on the UI goroutine (fyne.Do, or the
// queue a test gave in Options.UI).

// onUI runs f on the UI goroutine.
func (t *Tab) onUI(f func()) { t.ui(f) }

// onUIWait runs f on the UI goroutine and waits until it has run (or the
// tab has closed). Never call it on the UI goroutine.
func (t *Tab) onUIWait(f func()) {
	done := make(chan struct{})
	t.ui(func() { f(); close(done) })
	select {
	case <-done:
	case <-t.stop:
	}
}

func defaultUI(f func()) { fyne.Do(f) }
