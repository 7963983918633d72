package broadcast

import (
	"testing"

	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/gui/termtab"
)

// window is a window with no tab that counts what it is asked.
type window struct {
	labels  tabmarks.Labels
	changed int
	asked   int
}

func (w *window) Tabs() []*termtab.Tab                      { return nil }
func (w *window) Current() *termtab.Tab                     { return nil }
func (w *window) Labels() *tabmarks.Labels                  { return &w.labels }
func (w *window) Changed()                                  { w.changed++ }
func (w *window) FocusCurrent()                             {}
func (w *window) RiskyConfirm(_, _, _ string, _ func(bool)) { w.asked++ }

// TestToggleTicksAndSays: the menu item follows the toggle, the window
// relabels each time, the status bar's note says so (and that Ctrl+Shift+B
// stops it) only while it is on, and with no tab in front there is
// nothing to leave out.
func TestToggleTicksAndSays(t *testing.T) {
	w := &window{}
	b := New(w)
	steps := []struct {
		on   bool
		note string
	}{
		{true, "TYPING INTO ALL 0 CONNECTED TABS (Ctrl+Shift+B stops)"},
		{false, ""},
	}
	for i, s := range steps {
		b.Toggle()
		if b.On() != s.on || b.Item.Checked != s.on || w.changed != i+1 || b.Note() != s.note {
			t.Fatalf("step %d: on %v, ticked %v, changed %d, note %q", i, b.On(), b.Item.Checked, w.changed, b.Note())
		}
	}
	b.ToggleLeftOut()
	if w.changed != 2 || b.CheckOptOut() || b.OptOutItem.Checked {
		t.Fatalf("with no tab: changed %d, opt-out ticked %v", w.changed, b.OptOutItem.Checked)
	}
	if b.Item.Shortcut == nil {
		t.Fatal("Type into all tabs has no shortcut")
	}
}
