package termtab

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// fakeHost is a window for one tab: it records what the tab asks of it.
type fakeHost struct {
	win        fyne.Window
	tab        *Tab
	background atomic.Bool
	elsewhere  atomic.Bool // another tab is the one shown
	confirm    bool
	closed     int
	changes    int
	shownLine  int // the paced paste's line at the last change shown
	titles     []string
	onRetitle  func(bell bool) // sees each Retitle's bell mark
	broadcast  [][]byte
	// password answers AskPassword (ok unless refuse); asked counts the
	// questions.
	password string
	refuse   bool
	asked    int
	// verify answers VerifyCertificate (on the session's goroutine).
	verify    func(ctx context.Context, where string, info tlscheck.Info) error
	certAsked atomic.Int32
	// saved is the keychain: profile name → password.
	saved map[string]string
	// answerPaste answers the paste question (PasteNow when nil).
	answerPaste func(msg string, offerLineByLine bool) PasteAnswer
}

func (h *fakeHost) SavedPassword(profile string, proxy bool) (string, bool) {
	pw, ok := h.saved[profile]
	return pw, ok && !proxy
}

func (h *fakeHost) AskPassword(_ *Tab, _ string, answer func(string, bool, bool)) {
	h.asked++
	answer(h.password, false, !h.refuse)
}

// VerifyCertificate answers with verify, or refuses when it is nil;
// certAsked counts the questions.
func (h *fakeHost) VerifyCertificate(ctx context.Context, _ *Tab, where string, info tlscheck.Info) error {
	h.certAsked.Add(1)
	if h.verify == nil {
		return errors.New("refused by the test")
	}
	return h.verify(ctx, where, info)
}

func (h *fakeHost) Window() fyne.Window { return h.win }
func (h *fakeHost) SessionChanged(t *Tab) {
	h.changes++
	if pr, ok := t.Pacing().Progress(); ok {
		h.shownLine = pr.Line
	}
}
func (h *fakeHost) FrameShown(*Tab)                   {}
func (h *fakeHost) CloseTab(*Tab, bool)               { h.closed++ }
func (h *fakeHost) FocusCurrent()                     { h.win.Canvas().Focus(h.tab.Keyboard()) }
func (h *fakeHost) IsCurrent(t *Tab) bool             { return t == h.tab && !h.elsewhere.Load() }
func (h *fakeHost) MoveFocus(bool)                    {}
func (h *fakeHost) GreetingSeen(*Tab)                 {}
func (h *fakeHost) InBackground() bool                { return h.background.Load() }
func (h *fakeHost) ConfirmPaste() bool                { return h.confirm }
func (h *fakeHost) BroadcastKeys(_ *Tab, p []byte)    { h.broadcast = append(h.broadcast, p) }
func (h *fakeHost) BroadcastPaste(*Tab, []byte, bool) {}

// AskPaste answers with answerPaste, or PasteNow when it is nil.
func (h *fakeHost) AskPaste(msg string, offerLineByLine bool, answer func(PasteAnswer)) {
	if h.answerPaste == nil {
		answer(PasteNow)
		return
	}
	answer(h.answerPaste(msg, offerLineByLine))
}

func (h *fakeHost) Retitle(t *Tab, title string, bell bool) {
	if h.onRetitle != nil {
		h.onRetitle(bell)
	}
	if title == "" {
		title = t.Settings().Title()
	}
	h.titles = append(h.titles, title)
}

// harness is one tab in a test window, its host and its UI queue.
type harness struct {
	t    *testing.T
	host *fakeHost
	tab  *Tab
	ui   testwait.Queue // the UI goroutine: the tab queues UI work, the test runs it
}

// newHarness opens a tab on a 900x600 test window and connects it to
// 127.0.0.1:port, waiting until its keyboard runs.
func newHarness(t *testing.T, port string) *harness {
	t.Helper()
	return newHarnessWith(t, settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port}}, nil)
}

// newHarnessWith is newHarness for any settings; prepare, when not nil,
// sets the host up before the tab connects.
func newHarnessWith(t *testing.T, st settings.Session, prepare func(*fakeHost)) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	h := &harness{t: t, host: &fakeHost{win: a.NewWindow("tab")}, ui: testwait.NewQueue()}
	if prepare != nil {
		prepare(h.host)
	}
	h.tab = New(h.host, st, Options{UI: h.ui.Do})
	h.host.tab = h.tab
	h.host.win.SetContent(h.tab.Item().Content)
	h.host.win.Resize(fyne.NewSize(900, 600))
	h.host.win.Show()
	t.Cleanup(h.tab.Close)
	h.tab.Connect()
	h.host.win.Resize(fyne.NewSize(901, 601)) // lay out the tab
	h.waitUntil("a connection", func() bool { return h.tab.State() == protocol.StateConnected })
	return h
}

// waitUntil runs queued UI work until cond holds, or fails after testwait.Timeout.
func (h *harness) waitUntil(what string, cond func() bool) {
	h.t.Helper()
	h.ui.Until(h.t, what, cond)
}

// runUIFor runs queued UI work for d.
func (h *harness) runUIFor(d time.Duration) { h.ui.For(d) }

// pressKey gives a key to whatever has the focus.
func (h *harness) pressKey(name fyne.KeyName) {
	c := h.host.win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
	}
}

func newLoopServer(t *testing.T, greeting string) *loopserver.Server {
	return loopserver.Start(t, []byte(greeting), false)
}

// flush waits until everything the tab parsed is drawn, running the UI
// work the render loop waits for meanwhile.
func (h *harness) flush() {
	h.t.Helper()
	done := make(chan struct{})
	go func() { h.tab.Flush(); close(done) }()
	h.waitUntil("the last frame", func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	})
}
