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
