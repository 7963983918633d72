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

// onScreen lists every object drawn in the front dialog (or the window).
func onScreen(h *testHost) []fyne.CanvasObject {
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		return test.LaidOutObjects(top)
	}
	return test.LaidOutObjects(h.win.Content())
}

// rowLabelled is the session list's row showing text.
func rowLabelled(t *testing.T, h *testHost, text string) *sessionlist.Row {
	t.Helper()
	for _, o := range onScreen(h) {
		if r, ok := o.(*sessionlist.Row); ok && r.Text == text {
			return r
		}
	}
	t.Fatalf("no row %q on screen", text)
	return nil
}

// buttonLabelled is the button showing text in the front dialog.
func buttonLabelled(t *testing.T, h *testHost, text string) *widget.Button {
	t.Helper()
	for _, o := range onScreen(h) {
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

// pressKey types a key where the window sends it: to the focused widget,
// or to the window (the front dialog) when nothing has the focus.
func pressKey(h *testHost, name fyne.KeyName) {
	c := h.win.Canvas()
	k := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(k)
		return
	}
	c.OnTypedKey()(k)
}
