package assist

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/widgets"
)

// TestValidationBringsItsFieldIntoView: at a small size, where Body is
// below the fold, a Run test refused for a field says why, gives that
// field the keyboard and scrolls it into view; so does a wrong To.
func TestValidationBringsItsFieldIntoView(t *testing.T) {
	_, h, _, p := newAssistant(t)
	h.win.win.Resize(fyne.NewSize(520, 620))
	fillTest(p)
	tests := []struct {
		name  string
		spoil func()
		field *widgets.EscEntry
		says  string
	}{
		{"a body line too long", func() { p.body.SetText(strings.Repeat("x", 1200)) }, p.body, "body line 1 is longer"},
		{"no recipient", func() { p.body.SetText("ok\n"); p.to.SetText("") }, p.to, "enter at least one recipient"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p.FieldScroll.ScrollToTop()
			h.win.win.Canvas().Focus(p.ehlo)
			tt.spoil()
			p.RunTest()
			if p.Running() || !strings.Contains(p.Status.Text, tt.says) {
				t.Fatalf("running %v, says %q", p.Running(), p.Status.Text)
			}
			if h.win.win.Canvas().Focused() != tt.field {
				t.Fatalf("the keyboard is in %v", h.win.win.Canvas().Focused())
			}
			d := fyne.CurrentApp().Driver()
			top := d.AbsolutePositionForObject(tt.field).Y - d.AbsolutePositionForObject(p.FieldScroll).Y
			if top < 0 || top+tt.field.Size().Height > p.FieldScroll.Size().Height+1 {
				t.Fatalf("the field is out of view: %v..%v in a view %v high", top, top+tt.field.Size().Height, p.FieldScroll.Size().Height)
			}
		})
	}
}

// TestOpeningFocusIsTheTestsFirstEmptyField: the keyboard goes to the
// first empty field of the test (here User, the EHLO name being set),
// never to Mail domain, a lookup that sits after the test's fields; the
// fields scroll with Save fields to profile at their end, so that a
// 1366x768 window keeps most of them in view.
func TestOpeningFocusIsTheTestsFirstEmptyField(t *testing.T) {
	_, h, _, p := newAssistant(t)
	p.ehlo.SetText("support.example.org")
	p.user.SetText("")
	if !p.FocusField(h.win.win.Canvas()) || h.win.win.Canvas().Focused() != p.user {
		t.Fatalf("the keyboard is in %v, want User", h.win.win.Canvas().Focused())
	}
	d := fyne.CurrentApp().Driver()
	save := h.buttonLabelled("Save fields to profile")
	if d.AbsolutePositionForObject(save).Y < d.AbsolutePositionForObject(p.FieldScroll).Y {
		t.Fatal("Save fields to profile is above the fields' scroll")
	}
}
