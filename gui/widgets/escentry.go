package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// EscEntry is an Entry for dialogs: it hands Escape to OnEscape (Fyne's
// dialogs do not close on Escape, and a focused Entry swallows the key),
// Down to OnDown when set, and a one-line field selects its text when it
// gets the focus, so that typing replaces it (Tab into Port, type 25).
type EscEntry struct {
	widget.Entry
	OnEscape func()
	OnDown   func()
}

func NewEscEntry(multiLine bool, OnEscape func()) *EscEntry {
	e := &EscEntry{OnEscape: OnEscape}
	if multiLine {
		e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape (and Down, when wanted) on and everything else
// to the Entry.
func (e *EscEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.OnEscape != nil:
		e.OnEscape()
	case k.Name == fyne.KeyDown && e.OnDown != nil:
		e.OnDown()
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusGained selects a one-line field's text. A click that gave the
// focus then places the cursor where it landed, as usual.
func (e *EscEntry) FocusGained() {
	e.Entry.FocusGained()
	if !e.MultiLine {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}
