package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/protocol"
)

// TestChangeSettingsAppliesWithoutReconnecting: Session ▸ Change
// settings… shows the running tab's settings; Apply gives the tab a new
// bell and answerback in the same session (no new connection), and says
// that a new host waits for Reconnect.
func TestChangeSettingsAppliesWithoutReconnecting(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	sess := tab.Session()
	w.changeSettings()
	c := w.connecting
	if c == nil || c.form.openButton.Text != "Apply" || c.form.host.Text != "127.0.0.1" {
		t.Fatal("Change settings does not show the tab's settings with Apply")
	}
	c.form.term.bell.SetSelected("None")
	test.Type(c.form.term.answerback, "sw-12")
	test.Tap(c.form.openButton)
	if tab.Session() != sess || tab.Settings().Terminal.Answerback != "sw-12" || tab.Settings().Terminal.Bell != "none" {
		t.Fatalf("the change did not reach the running session: %+v", tab.Settings().Terminal)
	}
	if len(w.dialogs) != 0 {
		t.Fatalf("%d dialogs after Apply with nothing left for later", len(w.dialogs))
	}
	w.changeSettings()
	c = w.connecting
	c.form.host.SetText("localhost")
	test.Tap(c.form.openButton)
	if tab.Session() != sess {
		t.Fatal("Apply reconnected")
	}
	if len(w.dialogs) != 1 {
		t.Fatalf("no word of what waits for Reconnect (%d dialogs)", len(w.dialogs))
	}
	if got := laterNote([]string{"the host, port or TLS", "the logs"}); !strings.HasPrefix(got, "Applied. The host, port or TLS, the logs will change at the next connection") {
		t.Errorf("the note says %q", got)
	}
}
