package gui

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// TestDuplicateTabsNumberedAndMarked: two tabs to the same server read
// "• title" and "• title (2)" (connected), a third is "(3)"; the number
// stays when the first closes, and a new tab takes the free one; a
// closed session is marked " (closed)".
func TestDuplicateTabsNumberedAndMarked(t *testing.T) {
	srv := newLoopServer(t, "r1>\r\n")
	w := newTestWindow(t)
	first, second, third := openTab(t, w, srv.Port()), openTab(t, w, srv.Port()), openTab(t, w, srv.Port())
	// The labels follow the sessions' states on the UI goroutine, so each
	// is waited for: an update may still be queued when a state changed.
	title := first.Settings().Title()
	labels := func(want ...string) func() bool {
		return func() bool {
			return first.Item().Text == want[0] && second.Item().Text == want[1] && third.Item().Text == want[2]
		}
	}
	waitUntil(t, "the tabs to read • title, • title (2), • title (3)",
		labels(tabmarks.Connected+title, tabmarks.Connected+title+" (2)", tabmarks.Connected+title+" (3)"))
	w.closeTab(first, false)
	fourth := openTab(t, w, srv.Port())
	waitUntil(t, "the second to keep (2) and the new tab to take the free title", func() bool {
		return second.Item().Text == tabmarks.Connected+title+" (2)" && fourth.Item().Text == tabmarks.Connected+title
	})
	second.Disconnect()
	waitUntil(t, "the second closed", func() bool { return second.State() == protocol.StateClosed })
	// The label follows the state on the UI goroutine: its update may
	// still be queued when the state reads closed.
	waitUntil(t, "the second's tab to read "+title+" (2) (closed)", func() bool { return second.Item().Text == title+" (2)"+" (closed)" })
}

// TestTypeIntoAllTabsLeavesOutAndMarks: with Type into all tabs on, the
// receiving tabs are marked »; a tab left out is not marked, gets
// nothing typed in the others (its own later line is the barrier), and
// what is typed in it stays there.
func TestTypeIntoAllTabsLeavesOutAndMarks(t *testing.T) {
	srvA, srvB, srvC := newLoopServer(t, "a>\r\n"), newLoopServer(t, "b>\r\n"), newLoopServer(t, "c>\r\n")
	w := newTestWindow(t)
	a, b, c := openTab(t, w, srvA.Port()), openTab(t, w, srvB.Port()), openTab(t, w, srvC.Port())
	waitUntil(t, "all connected", func() bool { return a.Live() && b.Live() && c.Live() })
	w.broadcast.Toggle()
	for _, text := range []string{a.Item().Text, b.Item().Text, c.Item().Text} {
		if !strings.HasPrefix(text, tabmarks.Receiving) {
			t.Fatalf("a receiving tab reads %q", text)
		}
	}
	w.tabs.Select(b.Item())
	w.broadcast.ToggleLeftOut()
	if strings.HasPrefix(b.Item().Text, tabmarks.Receiving) || !w.broadcast.OptOutItem.Checked || !strings.Contains(w.status.Text, "LEFT OUT") {
		t.Fatalf("left out: tab %q, menu checked %v, status %q", b.Item().Text, w.broadcast.OptOutItem.Checked, w.status.Text)
	}
	b.Type([]byte("mine\r"))
	a.Type([]byte("all\r"))
	waitUntil(t, "the line at the third server", func() bool { return srvC.Received() == "all\r\n" })
	waitUntil(t, "the line at the first server", func() bool { return srvA.Received() == "all\r\n" })
	b.Type([]byte("end\r")) // the barrier: "all" would have come before it
	waitUntil(t, "the left-out tab's own lines", func() bool { return strings.HasSuffix(srvB.Received(), "end\r\n") })
	if got := srvB.Received(); got != "mine\r\nend\r\n" {
		t.Fatalf("the left-out tab's server got %q", got)
	}
	if srvA.Received() != "all\r\n" || srvC.Received() != "all\r\n" {
		t.Fatalf("what the left-out tab typed went out: %q, %q", srvA.Received(), srvC.Received())
	}
}

// TestPacedPasteInTheTabLabel: a paced paste sent to a tab other than
// the current one (typing into all tabs) shows its progress in that tab's
// label, paused when it waits, and nothing once it ends.
func TestPacedPasteInTheTabLabel(t *testing.T) {
	srvA, srvB := newLoopServer(t, "a>\r\n"), newLoopServer(t, "b>\r\n")
	w := newTestWindow(t)
	a, b := openTab(t, w, srvA.Port()), openTab(t, w, srvB.Port())
	waitUntil(t, "both connected", func() bool { return a.Live() && b.Live() })
	if w.current() != b {
		t.Fatal("the second tab is not the current one")
	}
	connected := tabmarks.Connected + a.Settings().Title()
	a.Pacing().SetSettings(profiles.PacingSettings{LineDelayMs: 60_000})
	a.PasteToSession([]byte("interface Gi1/0/1\r\nshutdown\r\nexit\r\n"), false)
	waitUntil(t, "the first line sent", func() bool { return srvA.Received() == "interface Gi1/0/1\r\n" })
	waitUntil(t, "the label to read · line 1/3", func() bool { return a.Item().Text == connected+" · line 1/3" })
	a.Pacing().Pause(true)
	waitUntil(t, "the label to read · paused 1/3", func() bool { return a.Item().Text == connected+" · paused 1/3" })
	a.Pacing().Cancel()
	waitUntil(t, "the label without the paste", func() bool { return a.Item().Text == connected })
}

// TestWindowTitleFollowsTheCurrentTab: the window is named after the
// tab in front, as PuTTY's "host - PuTTY" (the taskbar shows it): its
// title and number, marked closed when its session ended, and "Tern"
// again once no tab is left.
func TestWindowTitleFollowsTheCurrentTab(t *testing.T) {
	srv := newLoopServer(t, "r1>\r\n")
	w := newTestWindow(t)
	if w.win.Title() != "Tern" {
		t.Fatalf("with no tab the window is called %q", w.win.Title())
	}
	first, second := openTab(t, w, srv.Port()), openTab(t, w, srv.Port())
	title := first.Settings().Title()
	waitUntil(t, "the window named after the second tab", func() bool { return w.win.Title() == title+" (2) - Tern" })
	w.tabs.Select(first.Item())
	waitUntil(t, "the window named after the first tab", func() bool { return w.win.Title() == title+" - Tern" })
	first.Disconnect()
	waitUntil(t, "the window to say the first tab is closed", func() bool { return w.win.Title() == title+" (closed) - Tern" })
	w.closeTab(first, false)
	w.closeTab(second, false)
	waitUntil(t, "the window called Tern again", func() bool { return w.win.Title() == "Tern" })
}
