package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/protocol"
)

// TestChangeSettingsAppliesWithoutReconnecting: Session ▸ Change
// settings… shows the running tab's settings with Apply; Apply gives the
// tab a new bell and answerback in the same session (no new connection),
// and says that a new host waits for Reconnect.
func TestChangeSettingsAppliesWithoutReconnecting(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	sess := tab.Session()
	sessionDialogs{w}.changeSettings()
	if w.connecting == nil {
		t.Fatal("Change settings shows no dialog")
	}
	test.Tap(widgetstest.Button(t, w.win, "Apply")) // nothing changed: nothing to say
	if tab.Session() != sess || w.dialogs.Len() != 0 {
		t.Fatalf("Apply with nothing changed: same session %v, %d dialogs", tab.Session() == sess, w.dialogs.Len())
	}

	st := tab.Settings()
	st.Terminal.Bell, st.Terminal.Answerback = "none", "sw-12"
	sessionDialogs{w}.applySettings(tab, st)
	if tab.Session() != sess || tab.Settings().Terminal.Answerback != "sw-12" || tab.Settings().Terminal.Bell != "none" {
		t.Fatalf("the change did not reach the running session: %+v", tab.Settings().Terminal)
	}
	if w.dialogs.Len() != 0 {
		t.Fatalf("%d dialogs after Apply with nothing left for later", w.dialogs.Len())
	}
	st.Engine.Host = "localhost"
	sessionDialogs{w}.applySettings(tab, st)
	if tab.Session() != sess {
		t.Fatal("Apply reconnected")
	}
	if w.dialogs.Len() != 1 {
		t.Fatalf("no word of what waits for Reconnect (%d dialogs)", w.dialogs.Len())
	}
	if got := laterNote([]string{"the host, port or TLS", "the logs"}); !strings.HasPrefix(got, "Applied. The host, port or TLS, the logs will change at the next connection") {
		t.Errorf("the note says %q", got)
	}
}
