package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// Helpers for tests that drive the window's widgets as a person would.

// onScreen lists every object drawn in the front dialog (or the window).
func onScreen(w *mainWindow) []fyne.CanvasObject {
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		return test.LaidOutObjects(top)
	}
	return test.LaidOutObjects(w.win.Content())
}

// buttonLabelled is the button showing text in the front dialog.
func buttonLabelled(t *testing.T, w *mainWindow, text string) *widget.Button {
	t.Helper()
	for _, o := range onScreen(w) {
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

func key(name fyne.KeyName) *fyne.KeyEvent { return &fyne.KeyEvent{Name: name} }

// pressKey types a key where the window sends it: to the focused widget,
// or to the window (the front dialog) when nothing has the focus.
func pressKey(w *mainWindow, name fyne.KeyName) {
	c := w.win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(key(name))
		return
	}
	c.OnTypedKey()(key(name))
}

// onScreenText joins the text of every label in the front dialog.
func onScreenText(w *mainWindow) string {
	var b strings.Builder
	for _, o := range onScreen(w) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// connectedTab opens a window with one tab connected to a loopback server.
func connectedTab(t *testing.T) (*loopserver.Server, *mainWindow, *termtab.Tab) {
	t.Helper()
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	return srv, w, tab
}

// containsText reports whether a label among objects holds text.
func containsText(objects []fyne.CanvasObject, text string) bool {
	for _, o := range objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// saveProfiles puts ps in the window's profiles file.
func saveProfiles(t *testing.T, w *mainWindow, ps ...profiles.Profile) {
	t.Helper()
	if _, err := w.store.Update(func(f *profiles.File) error {
		for _, p := range ps {
			f.Put(p)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// logonQuestion is the logon password (or enable secret) question on
// screen: its text, its Remember check box, and how to answer it.
type logonQuestion struct {
	why, remember string
	answer        func(secret string, remember bool)
}

// shownLogonQuestion is the logon question in front, or false.
func shownLogonQuestion(t *testing.T, w *mainWindow) (logonQuestion, bool) {
	t.Helper()
	var q logonQuestion
	var check *widget.Check
	var field *widgets.EscEntry
	for _, o := range onScreen(w) {
		switch o := o.(type) {
		case *widget.Check:
			if strings.HasPrefix(o.Text, "Remember") {
				check, q.remember = o, o.Text
			}
		case *widgets.EscEntry:
			if o.Password {
				field = o
			}
		case *widget.Label:
			if strings.Contains(o.Text, "Cancel leaves the login to you") {
				q.why = o.Text
			}
		}
	}
	if check == nil || field == nil {
		return q, false
	}
	q.answer = func(secret string, remember bool) {
		test.Type(field, secret)
		check.SetChecked(remember)
		test.Tap(buttonLabelled(t, w, "Log on"))
	}
	return q, true
}
