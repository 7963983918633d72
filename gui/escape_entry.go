package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// escEntry is an Entry for dialogs: it hands Escape to onEscape (Fyne's
// dialogs do not close on Escape, and a focused Entry swallows the key),
// Down to onDown when set, and a one-line field selects its text when it
// gets the focus, so that typing replaces it (Tab into Port, type 25).
type escEntry struct {
	widget.Entry
	onEscape func()
	onDown   func()
}

func newEscEntry(multiLine bool, onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	if multiLine {
		e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape (and Down, when wanted) on and everything else
// to the Entry.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case k.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusGained selects a one-line field's text. A click that gave the
// focus then places the cursor where it landed, as usual.
func (e *escEntry) FocusGained() {
	e.Entry.FocusGained()
	if !e.MultiLine {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}
