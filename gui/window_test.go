package gui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/sessioninfo"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
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
// goroutine would) until cond holds, or fails after testwait.Timeout.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testUIQueue.Until(t, what, cond)
}

// testUIQueue collects the UI work of the test's window and tabs, for the
// test goroutine to run: Fyne's test driver would run fyne.Do in place,
// on whichever goroutine asked, racing with the test's own widget calls.
var testUIQueue testwait.Queue

// pumpUI runs the UI work queued so far.
func pumpUI() { testUIQueue.Run() }

// newTestWindow builds the main window on the test driver, sized so that
// the terminal widget has rows and columns.
func newTestWindow(t *testing.T) *mainWindow {
	t.Helper()
	a := test.NewTempApp(t)
	store := &profiles.Store{Path: filepath.Join(t.TempDir(), "profiles.json")}
	testUIQueue = testwait.NewQueue()
	t.Cleanup(func() { testUIQueue = nil })
	w := newMainWindow(a, Options{Store: store}, testUIQueue.Do)
	w.win.Resize(fyne.NewSize(900, 600))
	w.win.Show()
	t.Cleanup(func() {
		for _, tab := range w.byItem {
			tab.Close()
		}
		w.ticker.Stop()
	})
	return w
}

func openTab(t *testing.T, w *mainWindow, port string) *termtab.Tab {
	t.Helper()
	tab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port}})
	w.win.Resize(fyne.NewSize(901, 601)) // lay out the new tab
	return tab
}

func TestSessionShowsServerTextInWidget(t *testing.T) {
	srv := newLoopServer(t, "220 mail.example.test ESMTP\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "banner in the widget", func() bool {
		return strings.Contains(tab.ShownText(), "220 mail.example.test ESMTP")
	})
	if !strings.Contains(tab.ShownText(), "Connected to 127.0.0.1.") {
		t.Fatalf("widget text:\n%s", tab.ShownText())
	}
	tab.Type([]byte("EHLO me"))
	tab.Type([]byte("\r"))
	waitUntil(t, "EHLO at the server", func() bool { return srv.Received() == "EHLO me\r\n" })
	waitUntil(t, "local echo in the widget", func() bool { return strings.Contains(tab.ShownText(), "EHLO me") })
	if tab.Item().Text != tabmarks.Connected+"127.0.0.1:"+srv.Port() { // • connected (gui/tabmarks)
		t.Fatalf("tab title %q", tab.Item().Text)
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
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
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
	waitUntil(t, "greeting", func() bool { return strings.Contains(tab.Screen().Text(), "hello") })
	tab.Type([]byte{0x1d})
	waitUntil(t, "telnet> prompt", func() bool { return strings.Contains(tab.Screen().Text(), "telnet>") })
	for _, r := range "send ayt\r" {
		tab.Type([]byte(string(r)))
	}
	waitUntil(t, "IAC AYT", func() bool { return srv.Received() == "\xff\xf6" })
	tab.Type([]byte("x\r"))
	waitUntil(t, "typing reaches the session again", func() bool { return srv.Received() == "\xff\xf6x\r\n" })

	tab.Type([]byte{0x1d})
	waitUntil(t, "second prompt", func() bool { return strings.Count(tab.Screen().Text(), "telnet>") == 2 })
	for _, r := range "bogus\r" {
		tab.Type([]byte(string(r)))
	}
	waitUntil(t, "telnet's answer", func() bool { return strings.Contains(tab.Screen().Text(), "?Invalid command") })
	tab.Type([]byte{0x1d})
	waitUntil(t, "third prompt", func() bool { return strings.Count(tab.Screen().Text(), "telnet>") == 3 })
	for _, r := range "status\r" {
		tab.Type([]byte(string(r)))
	}
	waitUntil(t, "status text", func() bool { return strings.Contains(tab.Screen().Text(), "Operating in obsolete linemode") })
}

func TestForeignCloseKeepsTabWithNeverAndReconnects(t *testing.T) {
	srv := newLoopServer(t, "bye\r\n")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}, Close: protocol.CloseNever})
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "closed message", func() bool {
		return strings.Contains(tab.ShownText(), "Connection closed by foreign host.")
	})
	if len(w.byItem) != 1 {
		t.Fatal("tab closed despite close-on-exit Never")
	}
	w.reconnect()
	waitUntil(t, "reconnected", func() bool { return tab.State() == protocol.StateConnected })
}

// TestServerCloseKeepsTabMarked: by default a tab whose server hung up
// stays, its title and status line say so, with the keys that take it up
// again, and Reconnect connects the same tab (issue 26, majors 1-3).
func TestServerCloseKeepsTabMarked(t *testing.T) {
	srv := newLoopServer(t, "bye\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "closed message", func() bool {
		return strings.Contains(tab.ShownText(), "Connection closed by foreign host.")
	})
	pumpUI()
	if len(w.tabs.Items) != 1 {
		t.Fatal("the tab closed by itself")
	}
	if !strings.HasSuffix(tab.Item().Text, sessioninfo.ClosedMark) {
		t.Fatalf("title %q has no closed mark", tab.Item().Text)
	}
	w.refreshStatus()
	for _, want := range []string{"Closed", "the server closed the connection", "Ctrl+Shift+R reconnects", "Ctrl+Shift+E edits"} {
		if !strings.Contains(w.status.Text, want) {
			t.Fatalf("status %q lacks %q", w.status.Text, want)
		}
	}
	w.reconnect()
	waitUntil(t, "reconnected", func() bool { return tab.State() == protocol.StateConnected })
	pumpUI()
	if strings.HasSuffix(tab.Item().Text, sessioninfo.ClosedMark) {
		t.Fatalf("title %q still marked closed", tab.Item().Text)
	}
}

// TestCloseOnCleanExitClosesTab: PuTTY's choice, set explicitly, still
// closes a tab nothing spoke in; never one whose assistant is open.
func TestCloseOnCleanExitClosesTab(t *testing.T) {
	srvA, srvB := newLoopServer(t, ""), newLoopServer(t, "")
	w := newTestWindow(t)
	clean := func(port string) settings.Session {
		return settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port}, Close: protocol.CloseClean}
	}
	withAssistant := w.OpenSession(clean(srvA.Port()))
	assistants{w}.show(withAssistant)
	tab := w.OpenSession(clean(srvB.Port()))
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "connected", func() bool {
		return tab.State() == protocol.StateConnected && withAssistant.State() == protocol.StateConnected
	})
	dropConnection(t, srvA)
	dropConnection(t, srvB)
	waitUntil(t, "tab closed", func() bool { return len(w.tabs.Items) == 1 })
	waitUntil(t, "both closed", func() bool { return withAssistant.State() == protocol.StateClosed })
	pumpUI()
	if len(w.tabs.Items) != 1 || w.byItem[w.tabs.Items[0]] != withAssistant {
		t.Fatal("the tab whose assistant is open closed itself")
	}
}

// TestCloseOnCleanExitKeepsATabWithLogon: a router that refuses the
// logon and hangs up leaves the tab, with the explanation and Edit and
// reconnect, even under "Only on clean exit" (issue 26, major 2).
func TestCloseOnCleanExitKeepsATabWithLogon(t *testing.T) {
	srv := newLoopServer(t, "login: ")
	w := newTestWindow(t)
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}, Close: protocol.CloseClean,
		Logon: []logon.Step{{Expect: "Password:", Send: "x"}}}
	tab := w.OpenSession(st)
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	dropConnection(t, srv)
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	pumpUI()
	if len(w.tabs.Items) != 1 {
		t.Fatal("the tab with logon actions closed itself")
	}
}

func TestStatusAndEventLogDialogsOpen(t *testing.T) {
	srv := newLoopServer(t, "\xff\xfb\x01hello\r\n") // WILL ECHO
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "greeting", func() bool { return strings.Contains(tab.Screen().Text(), "hello") })
	w.showStatus()
	w.showEventLog()
	if !strings.Contains(tab.Session().Events().String(), "server: WILL ECHO") {
		t.Fatalf("event log:\n%s", tab.Session().Events())
	}
	w.send("nop") // a new event while the log is open
	waitUntil(t, "NOP at the server", func() bool { return strings.Contains(srv.Received(), "\xff\xf1") })
	// Escape closes the dialog in front, then the one behind it.
	escape := func() { w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	if w.dialogs.Len() != 2 || w.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("%d dialogs shown", w.dialogs.Len())
	}
	escape()
	escape()
	if w.dialogs.Len() != 0 || w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("after Escape twice: %d dialogs, overlay %v", w.dialogs.Len(), w.win.Canvas().Overlays().Top())
	}
}

// TestSelectionIsCopiedAndSurvivesOutput: dragging over text selects it
// and copies it when the button is released (as PuTTY does); more output
// scrolls the text, and the selection stays on it.
func TestSelectionIsCopiedAndSurvivesOutput(t *testing.T) {
	srv := newLoopServer(t, "select me please\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "text", func() bool { return strings.Contains(tab.ShownText(), "select me please") })
	row := slices.IndexFunc(strings.Split(tab.ShownText(), "\n"), func(l string) bool { return strings.Contains(l, "select me please") })
	cell := tab.View().CellSize()
	y := (float32(row) + 0.5) * cell.Height
	from, to := cell.Width/2, cell.Width*(float32(len("select me please"))-0.5)
	tab.View().Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(from+1, y)}, Dragged: fyne.Delta{DX: 1}})
	tab.View().Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(to, y)}, Dragged: fyne.Delta{DX: to - from - 1}})
	tab.View().DragEnd()
	if got := w.app.Clipboard().Content(); got != "select me please" {
		t.Fatalf("clipboard after the drag: %q", got)
	}
	tab.Print("more output\r\n")
	flushTab(t, tab)
	if got := tab.View().SelectedText(); got != "select me please" {
		t.Fatalf("selection after more output: %q", got)
	}
}

// flushTab waits until everything the tab parsed is drawn, running the
// UI work its render loop waits for meanwhile.
func flushTab(t *testing.T, tab *termtab.Tab) {
	t.Helper()
	done := make(chan struct{})
	go func() { tab.Flush(); close(done) }()
	waitUntil(t, "the last frame", func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	})
}

// TestSMTPProfileOpensTheAssistant: a profile that asks for the SMTP
// of gets it beside the terminal, and the status bar carries the
// assistant's last word.
func TestSMTPProfileOpensTheAssistant(t *testing.T) {
	srv := newLoopServer(t, "220 mail.example.test ESMTP\r\n")
	w := newTestWindow(t)
	st := settings.FromProfile(profiles.Builtins()[0]) // SMTP test (port 25)
	st.Engine.Host, st.Engine.Port = "127.0.0.1", srv.Port()
	tab := w.OpenSession(st)
	p, ok := tab.Assistant().(*assist.SMTPPanel)
	if !ok || !tab.AssistantShown() {
		t.Fatal("the SMTP profile did not open the assistant")
	}
	waitUntil(t, "the banner", func() bool { return strings.Contains(tab.History(), "220 ") })
	tab.Session().Close()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	p.RunTest() // with empty fields: the assistant says what is missing
	w.refreshStatus()
	if p.Note() == "" || !strings.Contains(w.status.Text, "SMTP: "+p.Note()) {
		t.Fatalf("assistant %q, status bar %q", p.Note(), w.status.Text)
	}
}

// TestResetTerminalFromTheMenu: Edit ▸ Reset terminal takes back what a
// program left set (here application cursor keys), so the arrows send
// ESC [ A again; the session stays, and the screen's text goes to the
// scrollback as in PuTTY.
func TestResetTerminalFromTheMenu(t *testing.T) {
	srv := newLoopServer(t, "router# \x1b[?1h")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "application cursor keys", func() bool { return tab.Screen().Modes().AppCursor })
	menuAction(t, w, "Reset terminal")()
	if tab.Screen().Modes().AppCursor || !tab.Live() {
		t.Fatalf("after Reset terminal: modes %+v, live %v", tab.Screen().Modes(), tab.Live())
	}
	if !strings.Contains(tab.History(), "router#\n") {
		t.Fatalf("the transcript lost the prompt: %q", tab.History())
	}
}
