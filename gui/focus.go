package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/assist"
)

// The keyboard reaches every part of a tab: F6 moves the focus from the
// terminal to the assistant's first empty field, then to the find bar
// (when they are shown), then back to the terminal; Shift+F6 goes the
// other way. The terminal passes F6 on (termtab.Host.MoveFocus), and so
// do the assistant's fields and Tern's other controls (widgets).

// focusPlaces are where F6 goes in the current tab, in order: the
// terminal, the assistant (when shown), the find bar (when shown). Each
// is a function that focuses it, and a test of whether it has the focus.
type focusPlace struct {
	focus func()
	has   func(fyne.Focusable) bool
}

func (w *mainWindow) focusPlaces() []focusPlace {
	t := w.current()
	if t == nil {
		return nil
	}
	c := w.win.Canvas()
	places := []focusPlace{{focus: w.focusCurrent, has: func(f fyne.Focusable) bool { return f == t.Keyboard() }}}
	if p, ok := t.Assistant().(assist.Panel); ok && t.AssistantShown() {
		places = append(places, focusPlace{
			focus: func() { p.FocusField(c) },
			has:   func(fyne.Focusable) bool { return p.HasFocus(c) },
		})
	}
	if find := t.FindField(); find != nil {
		places = append(places, focusPlace{focus: func() { c.Focus(find) }, has: func(f fyne.Focusable) bool { return f == find }})
	}
	return places
}

// moveFocus gives the keyboard to the next place (the previous when
// back); from anywhere else it goes to the terminal.
func (w *mainWindow) moveFocus(back bool) {
	places := w.focusPlaces()
	if len(places) == 0 {
		return
	}
	focused := w.win.Canvas().Focused()
	for i, p := range places {
		if p.has(focused) {
			step := 1
			if back {
				step = len(places) - 1
			}
			places[(i+step)%len(places)].focus()
			return
		}
	}
	places[0].focus()
}

// shiftHeld reports whether Shift is down (F6 reaches the window as a
// key without its modifiers).
func (w *mainWindow) shiftHeld() bool {
	d, ok := w.app.Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// unfocusedKey receives the keys no widget takes: with a dialog in front
// and nothing in it focused, that is every key (Escape and Enter act on
// the dialog).
func (w *mainWindow) unfocusedKey(k *fyne.KeyEvent) {
	if w.dialogs.TypedKey(k) {
		return
	}
	switch k.Name {
	case fyne.KeyF6:
		w.moveFocus(w.shiftHeld())
	case fyne.KeyEscape: // from the assistant or the toolbar: back to the terminal
		w.focusCurrent()
	}
}
