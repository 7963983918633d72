package quick

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// noTabHost is a window without a tab.
type noTabHost struct {
	app     fyne.App
	dialogs *widgets.Dialogs
	store   *profiles.Store
	focused int
}

func (h *noTabHost) Current() *termtab.Tab         { return nil }
func (h *noTabHost) Store() *profiles.Store        { return h.store }
func (h *noTabHost) Preferences() fyne.Preferences { return h.app.Preferences() }
func (h *noTabHost) Dialogs() *widgets.Dialogs     { return h.dialogs }
func (h *noTabHost) Tips() *widgets.TipLayer       { return widgets.NewTipLayer(func(f func()) { f() }) }
func (h *noTabHost) FocusCurrent()                 { h.focused++ }

// TestBarWithoutATab: without a tab the bar is empty, the nine menu
// items are disabled, and Edit says a session is needed instead of
// opening the editor.
func TestBarWithoutATab(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("host")
	win.Resize(fyne.NewSize(600, 400))
	h := &noTabHost{app: a, dialogs: widgets.NewDialogs(win), store: &profiles.Store{Path: filepath.Join(t.TempDir(), "p.json")}}
	q := NewBar(h)
	q.Refresh()
	if len(q.Box.Objects) != 0 {
		t.Fatalf("the bar shows %d objects without a tab", len(q.Box.Objects))
	}
	for i := range shortcuts {
		if !q.Item(i).Disabled {
			t.Fatalf("menu item %d is enabled without a tab", i+1)
		}
	}
	q.send(0) // nothing to send to, nothing shown
	q.Edit()
	if h.dialogs.Len() != 1 {
		t.Fatalf("Edit without a tab: %d dialogs, want the one that says why", h.dialogs.Len())
	}
}
