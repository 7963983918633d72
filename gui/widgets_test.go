package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// Helpers for tests that drive the window's widgets as a person would
// (with gui/widgets/widgetstest).

// connectedTab opens a window with one tab connected to a loopback server.
func connectedTab(t *testing.T) (*loopserver.Server, *mainWindow, *termtab.Tab) {
	t.Helper()
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	return srv, w, tab
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
	for _, o := range widgetstest.OnScreen(w.win) {
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
		test.Tap(widgetstest.Button(t, w.win, "Log on"))
	}
	return q, true
}
