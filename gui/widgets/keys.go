package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A focused Button, Select or Check in Fyne swallows Escape, and a Button
// pressed with Space closes its dialog before the key's character
// arrives, which then goes to whatever has the focus next (the terminal).
// The controls here pass Escape on to the window (which closes the dialog
// in front, or its Cancel) and press a button when its key comes back up.

// passOn hands a key a control does not use to its window's handler for
// keys no widget takes.
func passOn(o fyne.CanvasObject, k *fyne.KeyEvent) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	if c := app.Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
}

// passedOn reports whether a control hands k to the window: Escape (the
// dialog in front closes) and F6 (the focus moves on).
func passedOn(k fyne.KeyName) bool { return k == fyne.KeyEscape || k == fyne.KeyF6 }

// pressKey reports whether k presses a focused button: Space or Enter.
func pressKey(k fyne.KeyName) bool {
	return k == fyne.KeySpace || k == fyne.KeyReturn || k == fyne.KeyEnter
}

// Button is a widget.Button for dialogs: Space or Enter presses it when
// the key comes back up, after the character Space types has reached the
// button (so none reaches the session once the dialog closed), and Escape
// goes on to the window.
type Button struct {
	widget.Button
	// OnEscape, when set, takes Escape (a dialog the window does not
	// know of closes itself); otherwise Escape goes on to the window.
	OnEscape func()
	down     fyne.KeyName // the key pressed on this button, until it comes up
	focused  bool         // draws the focus ring (focusring.go)
}

// NewButton is a Button with label that runs tapped.
func NewButton(label string, tapped func()) *Button {
	return NewButtonWithIcon(label, nil, tapped)
}

// NewButtonWithIcon is a Button with label and icon that runs tapped.
func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// KeyDown notes Space or Enter pressed on the button.
func (b *Button) KeyDown(k *fyne.KeyEvent) {
	if pressKey(k.Name) {
		b.down = k.Name
	}
}

// KeyUp presses the button when the key pressed on it comes up.
func (b *Button) KeyUp(k *fyne.KeyEvent) {
	if k.Name == b.down && b.down != "" {
		b.down = ""
		b.Tapped(nil)
	}
}

// TypedKey passes Escape and F6 on; Space and Enter act on KeyUp.
func (b *Button) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && b.OnEscape != nil:
		b.OnEscape()
	case passedOn(k.Name):
		passOn(b, k)
	}
}

// TypedRune takes the character Space typed, so that nothing else does.
func (b *Button) TypedRune(rune) {}

// FocusGained shows the focus ring.
func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
}

// FocusLost forgets a key pressed on the button and hides the ring.
func (b *Button) FocusLost() {
	b.down, b.focused = "", false
	b.Button.FocusLost()
}

// Select is a widget.Select that passes Escape on to the window.
type Select struct{ widget.Select }

// NewSelect is a Select of options that calls changed.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey passes Escape on and everything else to the Select.
func (s *Select) TypedKey(k *fyne.KeyEvent) {
	if passedOn(k.Name) {
		passOn(s, k)
		return
	}
	s.Select.TypedKey(k)
}

// Check is a widget.Check that passes Escape on to the window.
type Check struct{ widget.Check }

// NewCheck is a Check with label that calls changed.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Escape on and everything else to the Check.
func (c *Check) TypedKey(k *fyne.KeyEvent) {
	if passedOn(k.Name) {
		passOn(c, k)
		return
	}
	c.Check.TypedKey(k)
}
