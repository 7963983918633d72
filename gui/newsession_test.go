package gui

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestProfileFontSizeSizesTheTerminal opens two tabs side by side in the
// same window, one at the app's size and one with a profile's larger
// font: the larger one must get fewer columns and rows.
func TestProfileFontSizeSizesTheTerminal(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	plain := openTab(t, w, srv.Port())
	big := w.OpenSession(settings.Session{FontSize: 28, Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}})
	w.win.Resize(fyne.NewSize(902, 602))
	waitUntil(t, "both terminals sized", func() bool {
		c1, _ := plain.Screen().Size()
		c2, _ := big.Screen().Size()
		return c1 != 80 && c2 != 80
	})
	c1, r1 := plain.Screen().Size()
	c2, r2 := big.Screen().Size()
	t.Logf("app size %dx%d, font 28 %dx%d", c1, r1, c2, r2)
	if c2*3 > c1*2 || r2 >= r1 {
		t.Fatalf("app size %dx%d, font 28 %dx%d: the larger font should give about half the columns", c1, r1, c2, r2)
	}
}

// TestTerminalSizeAtStartSizesTheWindow: the window's only session asks
// for 100x30 (PuTTY's Columns and Rows) and the terminal gets exactly that.
func TestTerminalSizeAtStartSizesTheWindow(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{Columns: 100, Rows: 30, Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}})
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "100x30", func() bool {
		c, r := tab.Screen().Size()
		return c == 100 && r == 30
	})
	// A second tab does not resize the window.
	size := w.win.Canvas().Size()
	tab2 := w.OpenSession(settings.Session{Columns: 40, Rows: 10, Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}})
	w.win.Resize(size) // lay out the new tab
	// Barrier: the second tab is connected and has its size, when it
	// would have fitted the window.
	waitUntil(t, "the second tab laid out", func() bool { c, _ := tab2.Screen().Size(); return c > 0 && tab2.State() == protocol.StateConnected })
	pumpUI()
	if got := w.win.Canvas().Size(); got != size {
		t.Fatalf("a second tab resized the window from %v to %v", size, got)
	}
}

// TestLogonPasswordRememberedInKeychainOnly: a saved profile whose steps
// send {password} logs in after the password question, with Remember
// ticked; the keychain holds the password, the profile says so, and
// neither saving the profile again nor the log holds it.
func TestLogonPasswordRememberedInKeychainOnly(t *testing.T) {
	profiles.MockKeychain()
	const password = "Logon-Pw-77{!}"
	srv := loopserver.StartScripted(t, loopserver.Login("ann", password))
	w := newTestWindow(t)
	raw := t.TempDir() + "/raw.log"
	p := profiles.Profile{Name: "Peer", Host: "127.0.0.1", Port: srv.Port(), User: "ann", Logon: logon.Unix, LogMode: profiles.LogRaw, LogFile: raw}
	if _, err := w.store.Update(func(f *profiles.File) error { f.Put(p); return nil }); err != nil {
		t.Fatal(err)
	}
	tab := w.OpenSession(settings.FromProfile(p))
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	waitUntil(t, "the password question", func() bool { return w.dialogs.Len() == 1 })
	test.Type(w.win.Canvas().Focused(), password) // the Password field has the keyboard
	for _, o := range widgetstest.OnScreen(w.win) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "Remember password in this computer's keychain") {
			test.Tap(c)
		}
	}
	test.Tap(widgetstest.Button(t, w.win, "Log on"))
	waitUntil(t, "the logon", func() bool { return tab.LogonStatus() == "Logon: done" })
	if got, err := (profiles.Secrets{}).Get("Peer"); err != nil || got != password {
		t.Fatalf("keychain: %q %v", got, err)
	}
	if !strings.Contains(statusLine(tab), "Logon: done") {
		t.Errorf("status bar: %q", statusLine(tab))
	}
	// Save the profile again from the tab's settings, as Save in its Edit
	// and reconnect would.
	if _, err := w.store.Update(func(file *profiles.File) error {
		saved, _ := file.Find("Peer")
		file.Put(settings.ToProfile("Peer", tab.Settings(), saved))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	file, _ := w.store.Load()
	if saved, _ := file.Find("Peer"); !saved.RememberPassword || !reflect.DeepEqual(saved.Logon, logon.Unix) {
		t.Fatalf("saved profile: %+v", saved)
	}
	data, err := os.ReadFile(w.store.Path)
	if err != nil || strings.Contains(string(data), password) || !strings.Contains(string(data), "{password}") {
		t.Fatalf("profiles.json (%v):\n%s", err, data)
	}
	tab.Disconnect()
	waitUntil(t, "the session to end", func() bool { return !tab.Live() })
	if log, _ := os.ReadFile(raw); len(log) == 0 || strings.Contains(string(log), password) {
		t.Fatalf("raw log:\n%s", log)
	}
}

// TestRecordFromThisSessionInEditAndReconnect: after a login by hand,
// Edit and reconnect's Record button proposes the steps in the form.
func TestRecordFromThisSessionInEditAndReconnect(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "pw"))
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	for _, line := range []struct{ prompt, text string }{{"login:", "ann"}, {"Password:", "pw"}} {
		waitUntil(t, line.prompt, func() bool { return strings.HasSuffix(strings.TrimSpace(tab.History()), line.prompt) })
		for _, c := range line.text + "\r" {
			tab.Type([]byte(string(c)))
		}
	}
	waitUntil(t, "the shell", func() bool { return strings.Contains(tab.History(), "peer$") })
	sessionDialogs{w}.showEdit(tab)
	record := widgetstest.Button(t, w.win, "Record from this session")
	if record.Disabled() {
		t.Fatal("Record is disabled for a live tab")
	}
	test.Tap(record)
	test.Tap(widgetstest.Button(t, w.win, "Reconnect"))
	want := []logon.Step{{Expect: "login:", Send: "ann"}, {Expect: "Password:", Send: "{password}"}}
	if got := tab.Settings().Logon; !reflect.DeepEqual(got, want) {
		t.Fatalf("recorded %+v, want %+v", got, want)
	}
}

func TestBrokenProfilesFileIsReportedAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	path := t.TempDir() + "/profiles.json"
	os.WriteFile(path, []byte("{\"version\":1,\n\"profiles\":[{\"name\":1}]}"), 0o600)
	w := newMainWindow(a, Options{Store: &profiles.Store{Path: path}}, fyneDo)
	defer w.ticker.Stop()
	_, err := w.loadProfiles()
	if err == nil || !strings.Contains(err.Error(), "line 2") || !w.reportedStoreProblem {
		t.Fatalf("got %v", err)
	}
}

func TestPortCheckTemplateReportsAndCloses(t *testing.T) {
	srv := newLoopServer(t, "")
	w := newTestWindow(t)
	var check profiles.Profile
	for _, b := range profiles.Builtins() {
		if b.PortCheck {
			check = b
		}
	}
	st := settings.FromProfile(check)
	st.Engine.Host, st.Engine.Port = "127.0.0.1", srv.Port()
	tab := w.OpenSession(st)
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "report and close", func() bool {
		h := tab.Screen().History()
		return strings.Contains(h, "is open: 127.0.0.1:"+srv.Port()+" accepted the connection") && strings.Contains(h, "Connection closed.")
	})
	// In the order they happened: connected, the verdict, closed (issue
	// 26: the verdict came first).
	h := tab.Screen().History()
	connected, verdict, closed := strings.Index(h, "Connected to"), strings.Index(h, "is open:"), strings.Index(h, "Connection closed.")
	if connected < 0 || connected > verdict || verdict > closed {
		t.Fatalf("lines out of order:\n%s", h)
	}
}

// TestEnterAnswersConfirmations: Enter presses the default button of a
// confirmation (here Close session? over a live tab), Escape the other.
func TestEnterAnswersConfirmations(t *testing.T) {
	_, w, tab := connectedTab(t)
	w.closeTab(tab, true)
	widgetstest.PressKey(w.win, fyne.KeyEscape)
	if len(w.byItem) != 1 {
		t.Fatal("Escape closed the tab")
	}
	w.closeTab(tab, true)
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	if len(w.byItem) != 0 || w.dialogs.Len() != 0 {
		t.Fatalf("Enter left %d tabs and %d dialogs", len(w.byItem), w.dialogs.Len())
	}
}

// TestNewSessionStartsFromTheLastTarget: the dialog offers the host and
// port opened last.
func TestNewSessionStartsFromTheLastTarget(t *testing.T) {
	w := newTestWindow(t)
	canvas := w.win.Canvas()
	sessionDialogs{w}.showNew()
	test.Type(canvas.Focused(), "mail.example.com") // Host has the keyboard
	test.FocusNext(canvas)
	canvas.Focused().(*widgets.EscEntry).SetText("587") // Port
	test.Tap(widgetstest.Button(t, w.win, "Open"))
	sessionDialogs{w}.showNew()
	host := canvas.Focused().(*widgets.EscEntry).Text
	test.FocusNext(canvas)
	if port := canvas.Focused().(*widgets.EscEntry).Text; host != "mail.example.com" || port != "587" {
		t.Fatalf("New session starts at %q port %q", host, port)
	}
}

// TestEditAndReconnectFixesThePort: a tab that could not connect says how
// to fix it; Edit and reconnect shows its settings, and Open reconnects
// the same tab to the corrected port.
func TestEditAndReconnectFixesThePort(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, loopserver.ClosedPort(t))
	waitUntil(t, "the refusal and the hint", func() bool {
		h := tab.Screen().History()
		return strings.Contains(h, "connection refused") && strings.Contains(h, "Edit and reconnect… (Ctrl+Shift+E)")
	})
	sessionDialogs{w}.editAndReconnect()
	form := w.win.Canvas().Focused().(*widgets.EscEntry)
	if form.Text != "127.0.0.1" {
		t.Fatalf("the dialog shows host %q", form.Text)
	}
	test.FocusNext(w.win.Canvas())
	test.Type(w.win.Canvas().Focused().(*widgets.EscEntry), srv.Port())
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	if w.dialogs.Len() != 0 || len(w.byItem) != 1 {
		t.Fatalf("%d dialogs and %d tabs after Open", w.dialogs.Len(), len(w.byItem))
	}
	waitUntil(t, "connected to the fixed port", func() bool {
		return tab.State() == protocol.StateConnected && tab.Session().Status().Port == srv.Port()
	})
	if tab.Settings().Engine.Port != srv.Port() {
		t.Fatalf("the tab keeps port %q", tab.Settings().Engine.Port)
	}
}
