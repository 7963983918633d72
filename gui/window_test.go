package gui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol"
)

// newLoopServer starts a real TCP server on 127.0.0.1 that greets and records.
func newLoopServer(t *testing.T, greeting string) *loopserver.Server {
	return loopserver.Start(t, []byte(greeting), false)
}

// dropConnection closes the server side of the connection, once there is one.
func dropConnection(t *testing.T, s *loopserver.Server) {
	t.Helper()
	waitUntil(t, "a server connection to drop", s.Drop)
}

// waitUntil runs queued UI work on the test goroutine (as the real UI
// goroutine would) until cond holds, or fails after 5 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		pumpUI()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func pumpUI() {
	for {
		select {
		case f := <-testUIQueue:
			f()
		default:
			return
		}
	}
}

// newTestWindow builds the main window on the test driver, sized so that
// the terminal widget has rows and columns.
func newTestWindow(t *testing.T) *mainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	t.Setenv("TERN_PROFILES", filepath.Join(t.TempDir(), "profiles.json"))
	testUIQueue = make(chan func(), 1<<16)
	t.Cleanup(func() { testUIQueue = nil })
	w := NewMainWindow(a)
	w.win.Resize(fyne.NewSize(900, 600))
	w.win.Show()
	t.Cleanup(func() {
		for _, tab := range w.byItem {
			tab.close()
		}
		w.ticker.Stop()
	})
	return w
}

func openTab(t *testing.T, w *mainWindow, port string) *sessionTab {
	t.Helper()
	tab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port}})
	w.win.Resize(fyne.NewSize(901, 601)) // lay out the new tab
	waitUntil(t, "the widget taking keys", tab.keysReady.Load)
	return tab
}

func TestSessionShowsServerTextInWidget(t *testing.T) {
	srv := newLoopServer(t, "220 mail.example.test ESMTP\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "banner in the widget", func() bool {
		return strings.Contains(tab.shownText(), "220 mail.example.test ESMTP")
	})
	if !strings.Contains(tab.shownText(), "Connected to 127.0.0.1.") {
		t.Fatalf("widget text:\n%s", tab.shownText())
	}
	tab.typed([]byte("EHLO me"))
	tab.typed([]byte("\r"))
	waitUntil(t, "EHLO at the server", func() bool { return srv.Received() == "EHLO me\r\n" })
	waitUntil(t, "local echo in the widget", func() bool { return strings.Contains(tab.shownText(), "EHLO me") })
	if tab.item.Text != "127.0.0.1:"+srv.Port() {
		t.Fatalf("tab title %q", tab.item.Text)
	}
	waitUntil(t, "status bar", func() bool {
		w.refreshStatus()
		return strings.HasPrefix(w.status.Text, "Connected · 127.0.0.1 port "+srv.Port())
	})
}

func TestSendMenuReachesServer(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.state() == protocol.StateConnected })
	want := ""
	for _, c := range []struct {
		verb  string
		bytes string
	}{{"ayt", "\xff\xf6"}, {"ip", "\xff\xf4"}, {"brk", "\xff\xf3"}, {"ao", "\xff\xf5"}, {"ec", "\xff\xf7"}, {"el", "\xff\xf8"}, {"nop", "\xff\xf1"}, {"ga", "\xff\xf9"}, {"eor", "\xff\xef"}, {"abort", "\xff\xee"}, {"eof", "\xff\xec"}, {"susp", "\xff\xed"}, {"escape", "\x1d"}} {
		w.send(c.verb)
		want += c.bytes
	}
	waitUntil(t, "every special command", func() bool { return srv.Received() == want })
}

func TestTelnetPromptSendsAYTAndReturns(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "greeting", func() bool { return strings.Contains(tab.scr.Text(), "hello") })
	tab.typed([]byte{0x1d})
	waitUntil(t, "telnet> prompt", func() bool { return strings.Contains(tab.scr.Text(), "telnet>") })
	for _, r := range "send ayt\r" {
		tab.typed([]byte(string(r)))
	}
	waitUntil(t, "IAC AYT", func() bool { return srv.Received() == "\xff\xf6" })
	tab.typed([]byte("x\r"))
	waitUntil(t, "typing reaches the session again", func() bool { return srv.Received() == "\xff\xf6x\r\n" })

	tab.typed([]byte{0x1d})
	waitUntil(t, "second prompt", func() bool { return strings.Count(tab.scr.Text(), "telnet>") == 2 })
	for _, r := range "bogus\r" {
		tab.typed([]byte(string(r)))
	}
	waitUntil(t, "telnet's answer", func() bool { return strings.Contains(tab.scr.Text(), "?Invalid command") })
	tab.typed([]byte{0x1d})
	waitUntil(t, "third prompt", func() bool { return strings.Count(tab.scr.Text(), "telnet>") == 3 })
	for _, r := range "status\r" {
		tab.typed([]byte(string(r)))
	}
	waitUntil(t, "status text", func() bool { return strings.Contains(tab.scr.Text(), "Operating in obsolete linemode") })
}

func TestForeignCloseKeepsTabWithNeverAndReconnects(t *testing.T) {
	srv := newLoopServer(t, "bye\r\n")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}, Close: 2})
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "connected", func() bool { return tab.state() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "closed message", func() bool {
		return strings.Contains(tab.shownText(), "Connection closed by foreign host.")
	})
	if len(w.byItem) != 1 {
		t.Fatal("tab closed despite close-on-exit Never")
	}
	w.reconnect()
	waitUntil(t, "reconnected", func() bool { return tab.state() == protocol.StateConnected })
}

func TestCloseOnCleanExitClosesTab(t *testing.T) {
	srv := newLoopServer(t, "")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.state() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "tab closed", func() bool { return len(w.tabs.Items) == 0 })
}

func TestScrollbackFindAndShiftPageUp(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		b.WriteString("line ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("\r\n")
	}
	b.WriteString("needle here\r\n")
	for i := 0; i < 100; i++ {
		b.WriteString("after\r\n")
	}
	srv := newLoopServer(t, b.String())
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "all text", func() bool { return strings.Contains(tab.scr.History(), "needle here") })
	time.Sleep(100 * time.Millisecond)
	w.showFind()
	test.Type(tab.find.entry, "NEEDLE")
	if tab.find.count.Text != "1 of 1" {
		t.Fatalf("count %q", tab.find.count.Text)
	}
	waitUntil(t, "match shown in the widget", func() bool { return strings.Contains(tab.shownText(), "needle here") })
	tab.find.matchCase.SetChecked(true)
	if tab.find.count.Text != "no matches" {
		t.Fatalf("match case: count %q", tab.find.count.Text)
	}
	tab.find.regexp.SetChecked(true)
	tab.find.entry.SetText("^(needle|af+ter)")
	if tab.find.count.Text != "101 of 101" {
		t.Fatalf("regexp: count %q", tab.find.count.Text)
	}
	tab.find.entry.SetText("(needle")
	if tab.find.count.Text != "not a regular expression: missing closing )" {
		t.Fatalf("bad regexp: count %q", tab.find.count.Text)
	}
	tab.find.regexp.SetChecked(false)
	tab.find.matchCase.SetChecked(false)
	tab.find.hide()
	waitUntil(t, "back at the bottom", func() bool { return tab.scr.ViewOffset() == 0 })
	tab.typed(shiftPageUp)
	if tab.scr.ViewOffset() == 0 {
		t.Fatal("Shift+PageUp did not scroll")
	}
	if srv.Received() != "" {
		t.Fatalf("Shift+PageUp reached the server: %q", srv.Received())
	}
	tab.typed([]byte("k"))
	if tab.scr.ViewOffset() != 0 {
		t.Fatal("a key press should return to the bottom")
	}
}

func TestConnectFormValidation(t *testing.T) {
	f := newConnectForm(settings.Session{})
	test.Type(f.host, "mail.example.com")
	f.port.SetText("70000")
	if err := f.validate(); err == nil || !strings.Contains(err.Error(), "port") {
		t.Fatalf("port 70000 accepted: %v", err)
	}
	f.port.SetText("smtp")
	f.bind.SetText("not a host!")
	if err := f.validate(); err == nil {
		t.Fatal("bad bind address accepted")
	}
	f.bind.SetText("127.0.0.2")
	f.connType.SetSelected("Raw")
	f.escape.SetText("none")
	if err := f.validate(); err != nil {
		t.Fatal(err)
	}
	st := f.settings()
	if st.Engine.Host != "mail.example.com" || st.Engine.Port != "smtp" || st.Engine.Bind != "127.0.0.2" ||
		st.Engine.Negotiation != protocol.NegotiateRaw || st.Engine.Escape != protocol.NoEscape {
		t.Fatalf("settings %+v", st.Engine)
	}
	f.host.SetText("")
	if err := f.validate(); err == nil {
		t.Fatal("empty host accepted")
	}
}

func TestStatusAndEventLogDialogsOpen(t *testing.T) {
	srv := newLoopServer(t, "\xff\xfb\x01hello\r\n") // WILL ECHO
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "greeting", func() bool { return strings.Contains(tab.scr.Text(), "hello") })
	w.showStatus()
	w.showEventLog()
	if !strings.Contains(tab.session().Events().String(), "server: WILL ECHO") {
		t.Fatalf("event log:\n%s", tab.session().Events())
	}
	w.send("nop") // a new event while the log is open
	waitUntil(t, "NOP at the server", func() bool { return strings.Contains(srv.Received(), "\xff\xf1") })
	// Escape closes the dialog in front, then the one behind it.
	escape := func() { w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	if len(w.dialogs) != 2 || w.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("%d dialogs shown", len(w.dialogs))
	}
	escape()
	escape()
	if len(w.dialogs) != 0 || w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("after Escape twice: %d dialogs, overlay %v", len(w.dialogs), w.win.Canvas().Overlays().Top())
	}
}

// TestSelectionIsCopiedAndSurvivesOutput: dragging over text selects it
// and copies it when the button is released (as PuTTY does); more output
// scrolls the text, and the selection stays on it.
func TestSelectionIsCopiedAndSurvivesOutput(t *testing.T) {
	srv := newLoopServer(t, "select me please\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "text", func() bool { return strings.Contains(tab.shownText(), "select me please") })
	row := slices.IndexFunc(strings.Split(tab.shownText(), "\n"), func(l string) bool { return strings.Contains(l, "select me please") })
	cell := tab.view.CellSize()
	y := (float32(row) + 0.5) * cell.Height
	from, to := cell.Width/2, cell.Width*(float32(len("select me please"))-0.5)
	tab.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(from+1, y)}, Dragged: fyne.Delta{DX: 1}})
	tab.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(to, y)}, Dragged: fyne.Delta{DX: to - from - 1}})
	tab.view.DragEnd()
	if got := w.app.Clipboard().Content(); got != "select me please" {
		t.Fatalf("clipboard after the drag: %q", got)
	}
	tab.print("more output\r\n")
	tab.flush()
	if got := tab.view.SelectedText(); got != "select me please" {
		t.Fatalf("selection after more output: %q", got)
	}
}
