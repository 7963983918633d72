package pacing

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
	win     fyne.Window
	dialogs *widgets.Dialogs
	store   *profiles.Store
}

func (h *noTabHost) Current() *termtab.Tab     { return nil }
func (h *noTabHost) Store() *profiles.Store    { return h.store }
func (h *noTabHost) Dialogs() *widgets.Dialogs { return h.dialogs }
func (h *noTabHost) Window() fyne.Window       { return h.win }
func (h *noTabHost) FocusCurrent()             {}

// TestNothingWithoutATab: the progress line stays hidden without a tab,
// and Paste pacing… and Send file… open nothing.
func TestNothingWithoutATab(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("host")
	h := &noTabHost{win: win, dialogs: widgets.NewDialogs(win), store: &profiles.Store{Path: filepath.Join(t.TempDir(), "p.json")}}
	b := NewBar()
	b.Show(nil)
	if b.Box.Visible() {
		t.Fatal("the progress line shows without a tab")
	}
	Edit(h)
	SendFile(h)
	if n := h.dialogs.Len(); n != 0 {
		t.Fatalf("%d dialogs without a tab", n)
	}
}
