package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// runUIFor runs queued UI work for d, as the UI goroutine would.
func runUIFor(d time.Duration) { testUIQueue.For(d) }

// TestAutoReconnectAfterServerDrops: a real server drops the connection;
// the tab says it will reconnect, does so, and stops for good once the
// person disconnects.
func TestAutoReconnectAfterServerDrops(t *testing.T) {
	srv := newLoopServer(t, "220 hello\r\n")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{AutoReconnect: true, Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}})
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	waitUntil(t, "first connection", func() bool { return srv.Connections() == 1 && tab.State() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "reconnect notice", func() bool {
		return strings.Contains(tab.Screen().History(), "Reconnecting in 1s (attempt 1)")
	})
	if _, open := w.byItem[tab.Item()]; !open {
		t.Fatal("the tab closed instead of waiting to reconnect")
	}
	if !strings.Contains(statusLine(tab), "reconnecting in") {
		t.Errorf("status %q", statusLine(tab))
	}
	waitUntil(t, "second connection", func() bool { return srv.Connections() == 2 && tab.State() == protocol.StateConnected })

	w.disconnect()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	runUIFor(1500 * time.Millisecond) // longer than the first delay
	if n := srv.Connections(); n != 2 {
		t.Fatalf("%d connections after Disconnect; it must not reconnect", n)
	}
}

// TestDisconnectStopsAPendingReconnect: Disconnect while waiting for the
// next attempt cancels it.
func TestDisconnectStopsAPendingReconnect(t *testing.T) {
	srv := newLoopServer(t, "220 hello\r\n")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{AutoReconnect: true, Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}})
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	waitUntil(t, "connection", func() bool { return tab.State() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "reconnect notice", func() bool { return strings.Contains(tab.Screen().History(), "Reconnecting in") })
	w.disconnect()
	waitUntil(t, "stop notice", func() bool { return strings.Contains(tab.Screen().History(), "Stopped reconnecting.") })
	runUIFor(1500 * time.Millisecond) // longer than the first delay
	if n := srv.Connections(); n != 1 {
		t.Fatalf("%d connections; the pending reconnect should have been cancelled", n)
	}
}

// TestReconnectAppendsToTheLog: a session log with a fixed name (and
// Append off) is appended to by a reconnect, by itself or by hand, never
// emptied (issue 24 item 11).
func TestReconnectAppendsToTheLog(t *testing.T) {
	srv := newLoopServer(t, "220 hello\r\n")
	path := filepath.Join(t.TempDir(), "fixed.log")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{AutoReconnect: true, Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), SessionLog: protocol.Log{Path: path}}})
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	waitUntil(t, "first connection", func() bool { return srv.Connections() == 1 && tab.State() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "reconnected by itself", func() bool { return srv.Connections() == 2 && tab.State() == protocol.StateConnected })
	tab.Connect() // by hand
	waitUntil(t, "reconnected by hand", func() bool { return srv.Connections() == 3 && tab.State() == protocol.StateConnected })
	w.disconnect()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "Tern log"); n != 3 {
		t.Fatalf("%d log headers, want 3 (one per connection):\n%s", n, data)
	}
}
