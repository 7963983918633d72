// Package widgetstest drives a window on Fyne's test driver as a person
// would: what its front dialog shows, a button found by its label, a key
// typed where the window sends it. For tests only, as net/http/httptest
// is for net/http.
package widgetstest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
)

// OnScreen lists every object drawn in win's front dialog, or in the
// window itself when no dialog is open.
func OnScreen(win fyne.Window) []fyne.CanvasObject {
	if top := win.Canvas().Overlays().Top(); top != nil {
		return test.LaidOutObjects(top)
	}
	return test.LaidOutObjects(win.Content())
}

// Button is the button showing text on screen: a widget.Button, or the
// one inside a widgets.Button. The test fails when there is none.
func Button(t testing.TB, win fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range OnScreen(win) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
		if b, ok := o.(*widgets.Button); ok && b.Text == text {
			return &b.Button
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// PressKey types a key where the window sends it: to the focused widget,
// or to the window's own key handler (the dialog stack) when nothing has
// the focus.
func PressKey(win fyne.Window, name fyne.KeyName) {
	c := win.Canvas()
	k := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(k)
		return
	}
	c.OnTypedKey()(k)
}

// Labels joins the text of every label and text view on screen, a line
// each (a text view's line cut over rows joined).
func Labels(win fyne.Window) string {
	var b strings.Builder
	for _, o := range OnScreen(win) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widgets.TextView:
			b.WriteString(strings.Join(o.Rows(), "") + "\n")
		}
	}
	return b.String()
}

// HasLabel reports whether a label among objects contains text.
func HasLabel(objects []fyne.CanvasObject, text string) bool {
	for _, o := range objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}
