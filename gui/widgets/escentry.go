package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// EscEntry is an Entry for dialogs: it hands Escape to OnEscape (Fyne's
// dialogs do not close on Escape, and a focused Entry swallows the key),
// Down to OnDown when set, and a one-line field selects its text when it
// gets the focus, so that typing replaces it (Tab into Port, type 25).
//
// F6 goes on to the window, which moves the focus between the terminal,
// the assistant and the find bar; OnFocus, when set, hears the focus
// arrive (an assistant scrolls the field into view).
type EscEntry struct {
	widget.Entry
	OnEscape func()
	OnDown   func()
	OnFocus  func()
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
	case k.Name == fyne.KeyF6, k.Name == fyne.KeyEscape:
		passOn(e, k) // Escape with no OnEscape: the window's
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusGained selects a one-line field's text. A click that gave the
// focus then places the cursor where it landed, as usual.
func (e *EscEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.OnFocus != nil {
		e.OnFocus()
	}
	if !e.MultiLine {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// NewPasswordEntry is a one-line EscEntry that hides what is typed.
func NewPasswordEntry() *EscEntry {
	e := NewEscEntry(false, nil)
	e.Password = true
	return e
}

// AcceptsTab is false even in a multi-line field (To, Body, Notes): Tab
// moves on, so the keyboard alone is never held in a field.
func (e *EscEntry) AcceptsTab() bool { return false }
