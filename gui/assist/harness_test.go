package assist

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// fakeWindow is the window an assistant sits in, for tests: real Fyne
// dialogs on a test window, a UI queue the test goroutine runs, and a
// record of what the assistant asked for.
type fakeWindow struct {
	win     fyne.Window
	ui      testwait.Queue
	store   *profiles.Store
	panel   Panel
	status  string // the status bar: the panel's name and note
	dns     *net.Resolver
	dialogs []dialog.Dialog // shown, front last
	infos   []string
	risky   func(bool) // the pending answer to ConfirmRisky
	enter   func()     // what Enter does in the last ShowDialogWithDefault
	// unverified answers the sessions' certificate question (as the
	// window's does); asked counts the questions.
	unverified atomic.Bool
	asked      atomic.Int32
}

func (w *fakeWindow) Window() fyne.Window                       { return w.win }
func (w *fakeWindow) UI(f func())                               { w.ui.Do(f) }
func (w *fakeWindow) FocusTerminal()                            {}
func (w *fakeWindow) DialogSize(wd, ht float32) fyne.Size       { return fyne.NewSize(wd, ht) }
func (w *fakeWindow) ShowInfo(title, message string)            { w.infos = append(w.infos, title+": "+message) }
func (w *fakeWindow) ShowCertificate(tlscheck.Info)             {}
func (w *fakeWindow) Profiles() *profiles.Store                 { return w.store }
func (w *fakeWindow) Resolver() *net.Resolver                   { return w.dns }
func (w *fakeWindow) ConfirmRisky(_, _, _ string, a func(bool)) { w.risky = a }

// verifyCertificate is the sessions' certificate decision, as the
// window's termtab.Host makes it.
func (w *fakeWindow) verifyCertificate(context.Context, tlscheck.Info) error {
	w.asked.Add(1)
	if w.unverified.Load() {
		return nil
	}
	return errors.New("you chose Disconnect")
}

func (w *fakeWindow) RefreshStatus() {
	w.status = ""
	if w.panel != nil && w.panel.Note() != "" {
		w.status = w.panel.Name() + ": " + w.panel.Note()
	}
}

func (w *fakeWindow) ShowDialog(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		if i := slices.Index(w.dialogs, d); i >= 0 {
			w.dialogs = slices.Delete(w.dialogs, i, i+1)
		}
	})
	d.Show()
}

// ShowDialogWithDefault shows d; enter is what Enter would do (pressEnter).
func (w *fakeWindow) ShowDialogWithDefault(d dialog.Dialog, enter func()) {
	w.enter = enter
	w.ShowDialog(d)
}

// closeFront closes the front dialog, as Escape does in the window.
func (w *fakeWindow) closeFront() {
	if n := len(w.dialogs); n > 0 {
		w.dialogs[n-1].Hide()
	}
}

// onScreen is what the front dialog (or else the window) shows.
func (w *fakeWindow) onScreen() []fyne.CanvasObject { return widgetstest.OnScreen(w.win) }

// fakeTab is the tab beside the assistant: real sessions (one per
// connect, as a tab's Reconnect makes them), their reply taps, and the
// text the terminal would show.
type fakeTab struct {
	w        *fakeWindow
	st       settings.Session
	mu       sync.Mutex
	sess     *protocol.Session
	tap      *tapList // the current session's
	history  strings.Builder
	assisted func() Panel
}

func (t *fakeTab) Settings() settings.Session        { return t.st }
func (t *fakeTab) Session() *protocol.Session        { t.mu.Lock(); defer t.mu.Unlock(); return t.sess }
func (t *fakeTab) Reconnect()                        { t.connect() }
func (t *fakeTab) State() protocol.State             { return t.Session().Status().State }
func (t *fakeTab) ReconnectWith(st settings.Session) { t.st = st; t.connect() }
func (t *fakeTab) SetSettings(st settings.Session)   { t.st = st }
func (t *fakeTab) Print(text string)                 { t.mu.Lock(); t.history.WriteString(text); t.mu.Unlock() }

func (t *fakeTab) History() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.history.String()
}

// connect starts a session as termtab.Tab.Connect does: a fresh tap the
// assistant attaches to before anything is read.
func (t *fakeTab) connect() {
	cfg := t.st.Engine
	cfg.VerifyCertificate = t.w.verifyCertificate
	s := protocol.NewSession(cfg)
	tap := &tapList{}
	s.OnData = tap.Feed
	t.mu.Lock()
	old := t.sess
	t.sess, t.tap = s, tap
	t.mu.Unlock()
	if old != nil {
		old.Close()
		old.Detach()
	}
	if p := t.assisted(); p != nil {
		tap.add(p.Attach(s))
	}
	t.w.RefreshStatus() // the tab tells its window the session changed
	fed := make(chan struct{})
	go func() {
		defer close(fed)
		buf := make([]byte, 4096)
		for {
			n, err := s.Output().Read(buf)
			t.mu.Lock()
			t.history.Write(buf[:n])
			t.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		err := s.Run(context.Background())
		<-fed
		tap.Close()
		t.w.UI(func() {
			if p := t.assisted(); p != nil {
				p.SessionEnded(s, err)
			}
		})
	}()
}

// harness is an SMTP assistant beside a tab connected to a peer.
type harness struct {
	t   *testing.T
	win *fakeWindow
	tab *fakeTab
}

// newTab connects a tab (with no assistant yet) to an SMTP server at
// addr with profile's settings.
func newTab(t *testing.T, addr string, profile profiles.Profile, edit ...func(*settings.Session)) *harness {
	t.Helper()
	return newTabGreeted(t, addr, profile, "220 ", edit...)
}

// newTabGreeted connects a tab (with no assistant yet) to addr with
// profile's settings, and waits for the server's greeting.
func newTabGreeted(t *testing.T, addr string, profile profiles.Profile, greeting string, edit ...func(*settings.Session)) *harness {
	t.Helper()
	h := connectTab(t, addr, profile, edit...)
	h.waitUntil("the greeting", func() bool { return strings.Contains(h.tab.History(), greeting) })
	return h
}

// startTab connects a tab (with no assistant yet) with st, and waits for
// the server's greeting.
func startTab(t *testing.T, st settings.Session, greeting string) *harness {
	t.Helper()
	h := startTabWith(t, st)
	h.waitUntil("the greeting", func() bool { return strings.Contains(h.tab.History(), greeting) })
	return h
}

// connectTab connects a tab (with no assistant yet) to addr with the
// profile's settings, changed by edit, without waiting for a greeting.
func connectTab(t *testing.T, addr string, profile profiles.Profile, edit ...func(*settings.Session)) *harness {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	st := settings.FromProfile(profile)
	st.Engine.Host, st.Engine.Port = host, port
	for _, e := range edit {
		e(&st)
	}
	return startTabWith(t, st)
}

// startTabWith connects a tab (with no assistant yet) with st.
func startTabWith(t *testing.T, st settings.Session) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	w := &fakeWindow{win: a.NewWindow("assist"), ui: testwait.NewQueue(),
		store: &profiles.Store{Path: filepath.Join(t.TempDir(), "profiles.json")}}
	w.win.Resize(fyne.NewSize(1200, 700))
	w.win.Show()
	h := &harness{t: t, win: w, tab: &fakeTab{w: w, st: st}}
	h.tab.assisted = func() Panel { return w.panel }
	h.tab.connect()
	t.Cleanup(panel.ForgetRunPasswords) // what one test typed is not the next one's
	t.Cleanup(func() {
		if s := h.tab.Session(); s != nil {
			s.Close()
			s.Detach()
		}
	})
	return h
}

// openPanel makes the tab's SMTP assistant, as the window does.
func (h *harness) openPanel() *SMTPPanel {
	p := NewSMTPPanel(h.win, h.tab)
	h.open(p)
	return p
}

// open hands the tab its assistant and shows it, as the window does.
func (h *harness) open(p Panel) {
	h.win.panel = p
	h.tab.mu.Lock()
	taps := h.tab.tap
	h.tab.mu.Unlock()
	taps.add(p.Attach(h.tab.Session()))
	h.win.win.SetContent(p.Content())
}

// newAssistant opens an SMTP tab with its assistant to a fresh peer.
func newAssistant(t *testing.T) (*smtppeer.Peer, *harness, *fakeTab, *SMTPPanel) {
	peer := smtppeer.Start(t, nil)
	// The Run test switches to TLS whenever the peer offers it: trust it.
	h := newTab(t, peer.Addr, profiles.Builtins()[0], func(st *settings.Session) { // SMTP test (port 25)
		st.Engine.TLSRoots, st.Engine.TLSServerName = peer.Roots, "mail.example.test"
	})
	return peer, h, h.tab, h.openPanel()
}

// waitUntil runs queued UI work until cond holds, or fails after testwait.Timeout.
func (h *harness) waitUntil(what string, cond func() bool) {
	h.t.Helper()
	h.win.ui.Until(h.t, what, cond)
}

// waitFor runs queued UI work until cond holds, or fails after d.
func (h *harness) waitFor(what string, d time.Duration, cond func() bool) {
	h.t.Helper()
	h.win.ui.Within(h.t, d, what, cond)
}

// pumpUI runs the UI work queued so far.
func (h *harness) pumpUI() { h.win.ui.Run() }

// buttonLabelled is the button showing text in the front dialog.
func (h *harness) buttonLabelled(text string) *widget.Button {
	h.t.Helper()
	return widgetstest.Button(h.t, h.win.win, text)
}

// onScreenText joins the text of every label and text view in the front
// dialog.
func (h *harness) onScreenText() string { return widgetstest.Labels(h.win.win) }

// tapList feeds a session's data to the taps attached to it, as the tab
// does.
type tapList struct {
	mu   sync.Mutex
	taps []termtab.DataTap
}

func (l *tapList) add(t termtab.DataTap) { l.mu.Lock(); l.taps = append(l.taps, t); l.mu.Unlock() }

func (l *tapList) Feed(p []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, t := range l.taps {
		t.Feed(p)
	}
}

func (l *tapList) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, t := range l.taps {
		t.Close()
	}
}
