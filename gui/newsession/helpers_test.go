package newsession

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/newsession/sessionlist"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/profiles"
)

// testHost is a window on the test driver with a dialog stack and a
// profiles store of the test's own, as the dialog's Host.
type testHost struct {
	win      fyne.Window
	dialogs  *widgets.Dialogs
	store    *profiles.Store
	target   [2]string // the last RememberTarget
	focusedT int       // FocusTerminal calls
}

func newTestHost(t *testing.T) *testHost {
	t.Helper()
	a := test.NewTempApp(t)
	h := &testHost{win: a.NewWindow("Tern"), store: &profiles.Store{Path: filepath.Join(t.TempDir(), "profiles.json")}}
	h.dialogs = widgets.NewDialogs(h.win)
	h.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { h.dialogs.TypedKey(k) })
	h.win.SetContent(widget.NewLabel("the terminal"))
	h.win.Resize(fyne.NewSize(900, 600))
	h.win.Show()
	t.Cleanup(h.win.Close)
	return h
}

func (h *testHost) Window() fyne.Window              { return h.win }
func (h *testHost) Dialogs() *widgets.Dialogs        { return h.dialogs }
func (h *testHost) Store() *profiles.Store           { return h.store }
func (h *testHost) FocusTerminal()                   { h.focusedT++ }
func (h *testHost) RememberTarget(host, port string) { h.target = [2]string{host, port} }

func (h *testHost) Profiles() *profiles.File {
	f, _ := h.store.Load()
	return f
}

// newSessionDialog shows the dialog over h; what Open hands on is
// collected.
func newSessionDialog(t *testing.T, h *testHost) (*Dialog, *[]settings.Session) {
	t.Helper()
	var opened []settings.Session
	c := Show(h, Options{Title: "New session", Open: func(st settings.Session) { opened = append(opened, st) }})
	return c, &opened
}

// saveProfiles puts profiles into h's store.
func saveProfiles(t *testing.T, h *testHost, ps ...profiles.Profile) {
	t.Helper()
	if _, err := h.store.Update(func(f *profiles.File) error {
		for _, p := range ps {
			f.Put(p)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// rowLabelled is the session list's row showing text.
func rowLabelled(t *testing.T, h *testHost, text string) *sessionlist.Row {
	t.Helper()
	for _, o := range widgetstest.OnScreen(h.win) {
		if r, ok := o.(*sessionlist.Row); ok && r.Text == text {
			return r
		}
	}
	t.Fatalf("no row %q on screen", text)
	return nil
}
