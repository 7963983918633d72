package termtab

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/termview"
)

// newView makes the tab's view of its screen model and connects its
// hooks, which the view calls on the UI goroutine.
func (t *Tab) newView() *termview.View {
	v := termview.New(t.scr)
	v.OnResize = t.resized
	v.OnFocus = func() {
		if c := fyne.CurrentApp().Driver().CanvasForObject(t.term); c != nil {
			c.Focus(t.term)
		}
	}
	v.OnScroll = t.scrollBy
	v.OnPaste = func(bool) { t.Paste([]byte(fyne.CurrentApp().Clipboard().Content())) }
	v.OnCopy = func(text string) { fyne.CurrentApp().Clipboard().SetContent(text) }
	v.OnReport = func(seq []byte) {
		if s := t.Session(); s != nil {
			s.SendData(seq)
		}
	}
	v.OnInvalidate = func() { t.redraw(false) }
	return v
}

// takeShortcuts gives the widget's copy shortcut (Ctrl+Shift+C, Cmd+C on
// macOS) the view's selection; the widget has no text of its own. It runs
// on the UI goroutine once the widget has made its shortcuts.
func (t *Tab) takeShortcuts() {
	var shortcut fyne.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShift | fyne.KeyModifierShortcutDefault}
	if runtime.GOOS == "darwin" {
		shortcut = &fyne.ShortcutCopy{}
	}
	t.term.AddShortcut(shortcut, func(fyne.Shortcut) {
		if text := t.view.SelectedText(); text != "" {
			fyne.CurrentApp().Clipboard().SetContent(text)
		}
	})
}
