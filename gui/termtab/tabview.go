package termtab

import (
	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/termkeys"
	"github.com/tern-telnet/tern/gui/termview"
)

// newView makes the tab's view of its screen model and connects its
// hooks, which the view calls on the UI goroutine.
func (t *Tab) newView() *termview.View {
	v := termview.New(t.scr)
	v.OnResize = t.resized
	v.OnFocus = func() {
		if c := fyne.CurrentApp().Driver().CanvasForObject(t.keys); c != nil {
			c.Focus(t.keys)
		}
	}
	v.OnScroll = func(lines int) { t.scr.ScrollView(lines) }
	v.OnPaste = func(bool) { tabKeys{t}.PasteClipboard() }
	v.OnCopy = func(text string) { fyne.CurrentApp().Clipboard().SetContent(text) }
	v.OnReport = func(seq []byte) {
		if s := t.Session(); s != nil {
			s.SendData(seq)
		}
	}
	v.OnInvalidate = func() { t.redraw(false) }
	return v
}

// tabKeys is the tab as its keyboard drives it (termkeys.Target): the keys it
// types, and the few keys that act on the view instead.
type tabKeys struct{ t *Tab }

func (k tabKeys) Type(p []byte) { k.t.Type(p) }

// PasteClipboard pastes the clipboard (Shift+Insert, Ctrl+Shift+V, the
// right button), through Paste's cleaning and question.
func (k tabKeys) PasteClipboard() { k.t.Paste([]byte(fyne.CurrentApp().Clipboard().Content())) }

// CopySelection copies the view's selection (Ctrl+Insert, Ctrl+Shift+C);
// with nothing selected it does nothing, and nothing is sent.
func (k tabKeys) CopySelection() {
	if text := k.t.view.SelectedText(); text != "" {
		fyne.CurrentApp().Clipboard().SetContent(text)
	}
}

// ScrollPage scrolls the view a page up or down (Shift+PageUp, Shift+PageDown).
func (k tabKeys) ScrollPage(up bool) {
	_, rows := k.t.scr.Size()
	if up {
		k.t.scr.ScrollView(rows - 1)
		return
	}
	k.t.scr.ScrollView(-(rows - 1))
}

// KeyContext is what decides a key's bytes besides the key: the server's
// modes and the session's keyboard settings.
func (k tabKeys) KeyContext() termkeys.Context {
	return termkeys.ContextOf(k.t.scr.Modes(), k.t.Settings().Keyboard)
}

// MoveFocus is F6 (Shift+F6 back): the keyboard moves on to the assistant
// and the find bar, which the window knows.
func (k tabKeys) MoveFocus(back bool) { k.t.host.MoveFocus(back) }
