package gui

import (
	"fmt"
	"net"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/fasttick"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// mainWindow is Tern's window: tabs of sessions, a toolbar and a status bar.
type mainWindow struct {
	background atomic.Bool // see foreground.go
	app        fyne.App
	ui         func(func()) // runs a function on the UI goroutine (bridge.go)
	win        fyne.Window
	tabs       *container.DocTabs
	byItem     map[*container.TabItem]*termtab.Tab
	status     *widget.Label
	prefs      *preferences
	certs      *certExceptions // accepted unverified certificates (cert_exceptions.go)
	// quitWhenEmpty closes the window when its last tab closes.
	quitWhenEmpty bool
	sendButton    *toolButton
	tabButtons    []*toolButton // act on the current tab (disabled without one)
	logButton     *toolButton
	tips          *tipLayer
	broadcast     bool // typing goes to every connected tab
	broadcastItem *fyne.MenuItem
	optOutItem    *fyne.MenuItem // Leave this tab out of Type into all tabs
	labels        tabLabels      // what the tab strip says of each tab (tabmarks.go)
	// The secret gate of Type into all tabs (broadcast.go), on the UI
	// goroutine: its state, the keys held while it asks, and whether they
	// end the line.
	gate       secretGate
	gateHeld   []func()
	gateEnds   bool
	dialogs    []*shownDialog // shown through showDialog, front last
	toolbarRow fyne.CanvasObject
	ticker     *time.Ticker
	statusAt   time.Time // when the status bar was last brought up to date
	store      *profiles.Store
	// reportedStoreProblem: a broken profiles file is reported once.
	reportedStoreProblem bool
	passwordQuestion     *logonPassword // the logon password question on screen
	connecting           *connectDialog // the New session dialog on screen, or nil
}

// NewMainWindow builds the window over the saved sessions in store; it
// shows nothing until Show.
func NewMainWindow(a fyne.App, store *profiles.Store) *mainWindow {
	return newMainWindow(a, store, fyneDo)
}

// newMainWindow builds the window whose goroutines reach the UI through
// ui (tests pass a queue they run themselves).
func newMainWindow(a fyne.App, store *profiles.Store, ui func(func())) *mainWindow {
	w := &mainWindow{app: a, ui: ui, store: store, win: a.NewWindow("Tern"), byItem: map[*container.TabItem]*termtab.Tab{}}
	w.prefs = loadPreferences(a)
	w.certs = loadCertExceptions(a.Preferences())
	w.followForeground()
	w.prefs.apply(a)
	w.tabs = container.NewDocTabs()
	w.tabs.OnClosed = func(item *container.TabItem) {
		if t := w.byItem[item]; t != nil {
			delete(w.byItem, item)
			t.Close()
			w.afterTabClosed()
		}
	}
	w.tabs.CloseIntercept = func(item *container.TabItem) {
		if t := w.byItem[item]; t != nil {
			w.closeTab(t, true)
		}
	}
	w.tabs.OnSelected = func(*container.TabItem) { w.relabelTabs(); w.refreshStatus(); w.focusCurrent() }
	w.status = widget.NewLabel("No session. Press New session to connect.")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.tips = newTipLayer(w.ui)
	w.toolbarRow = w.toolbar()
	w.enableTabButtons(false)
	w.win.SetContent(container.NewStack(container.NewBorder(w.toolbarRow, w.status, nil, nil, w.tabs), w.tips.layer))
	w.win.SetMainMenu(w.menu())
	w.win.Canvas().SetOnTypedKey(w.unfocusedKey)
	w.win.SetCloseIntercept(w.confirmQuit)
	w.win.Resize(w.prefs.windowSize())
	w.ticker = time.NewTicker(time.Second)
	quiet := newAfterBusy()
	go func() {
		for range w.ticker.C {
			w.onUI(func() { w.statusTick(); quiet.tick(w.bytesIn(), len(w.byItem)) })
		}
	}()
	return w
}

// Window is the Fyne window (for tests and main).
func (w *mainWindow) Window() fyne.Window { return w.win }

// OpenSession opens a new tab and connects it; for a mail domain
// ("mx:example.com") the SMTP assistant finds the host first.
func (w *mainWindow) OpenSession(st settings.Session) *termtab.Tab {
	return w.openSession(st, nil)
}

// openSession is OpenSession; found hears a mail domain's lookup.
func (w *mainWindow) openSession(st settings.Session, found assist.MailDomainFound) *termtab.Tab {
	t := termtab.New(tabHost{w}, st, termtab.Options{
		Scrollback: w.prefs.scrollback,
		FitWindow:  len(w.byItem) == 0, // the window's only tab decides its size
		UI:         w.ui,
		EchoShown:  fasttick.Shown,
	})
	w.byItem[t.Item()] = t
	w.tabs.Append(t.Item())
	w.setTabTitle(t, st.Title())
	w.tabs.Select(t.Item())
	if st.Profile.SMTP.OpenOnConnect || st.Profile.Mail.OpenOnConnect || st.OpenAssistant {
		w.showAssistant(t)
	}
	if domain, ok := st.MailDomain(); ok {
		w.findMailServers(t, domain, found)
	} else {
		t.Connect()
	}
	w.focusCurrent()
	return t
}

func (w *mainWindow) current() *termtab.Tab {
	if it := w.tabs.Selected(); it != nil {
		return w.byItem[it]
	}
	return nil
}

func (w *mainWindow) focusCurrent() {
	if t := w.current(); t != nil {
		w.win.Canvas().Focus(t.Keyboard())
	}
}

// closeTab closes a tab, asking first when ask is set and it is live.
func (w *mainWindow) closeTab(t *termtab.Tab, ask bool) {
	if _, ok := w.byItem[t.Item()]; !ok {
		return
	}
	doClose := func() {
		delete(w.byItem, t.Item())
		w.tabs.Remove(t.Item())
		t.Close()
		w.afterTabClosed()
	}
	if ask && t.Live() {
		w.showConfirm("Close session?",
			fmt.Sprintf("The session to %s is still connected. Close it?", t.Settings().Title()),
			func(ok bool) {
				if ok {
					doClose()
				}
			})
		return
	}
	doClose()
}

func (w *mainWindow) afterTabClosed() {
	w.refreshStatus()
	if len(w.byItem) == 0 && w.quitWhenEmpty {
		w.prefs.rememberWindow(w.app, w.win.Canvas().Size())
		w.ticker.Stop()
		w.win.Close()
	}
}

// confirmQuit asks before closing the window over live sessions.
func (w *mainWindow) confirmQuit() {
	live := 0
	for _, t := range w.byItem {
		if t.Live() {
			live++
		}
	}
	quit := func() {
		w.prefs.rememberWindow(w.app, w.win.Canvas().Size())
		for _, t := range w.byItem {
			t.Close()
		}
		w.ticker.Stop()
		w.win.Close()
	}
	if live == 0 {
		quit()
		return
	}
	w.showConfirm("Quit Tern?", connectedText(live)+" Close and quit?",
		func(ok bool) {
			if ok {
				quit()
			}
		})
}

// sessionChanged updates a tab's mark and the status bar.
func (w *mainWindow) sessionChanged(t *termtab.Tab) {
	if _, ok := w.byItem[t.Item()]; !ok {
		return
	}
	switch t.State() {
	case protocol.StateConnecting:
		t.Item().Icon = theme.ViewRefreshIcon()
	case protocol.StateConnected:
		t.Item().Icon = theme.ConfirmIcon()
	default: // not the close button's ✕
		t.Item().Icon = theme.MediaStopIcon()
	}
	w.relabelTabs()
	if t == w.current() {
		w.refreshStatus()
	}
}

// retitle shows a server-set title (or the settings' title) in the tab,
// flashing it when the bell rang.
func (w *mainWindow) retitle(t *termtab.Tab, title string, bell bool) {
	if title == "" {
		title = t.Settings().Title()
	}
	if bell {
		t.Item().Icon = theme.WarningIcon()
		time.AfterFunc(time.Second, func() { w.onUI(func() { w.sessionChanged(t) }) })
	}
	w.setTabTitle(t, title)
}

// The status bar's byte counts change with every chunk of output, and a
// change of their own would cost a repaint as dear as a frame of the
// terminal (a slow log stream drew twice as many). So they are brought
// up to date about once a second (statusEvery), in the same repaint as
// a frame of the current tab's output (frameShown); the window's
// once-a-second ticker only catches up what no frame showed within
// statusLag (bytes sent without an echo, say).
const (
	statusEvery = 900 * time.Millisecond
	statusLag   = 1500 * time.Millisecond
)

// frameShown brings the status bar up to date with a frame of t's output,
// in the same repaint, when it is about a second old.
func (w *mainWindow) frameShown(t *termtab.Tab) {
	if t == w.current() && time.Since(w.statusAt) >= statusEvery {
		w.refreshStatus()
	}
}

// statusTick is the ticker's second: it shows what no frame has shown.
func (w *mainWindow) statusTick() {
	if time.Since(w.statusAt) > statusLag {
		w.refreshStatus()
	}
}

// refreshStatus writes the current tab's status line.
func (w *mainWindow) refreshStatus() {
	w.statusAt = time.Now()
	t := w.current()
	line := "No session. Press New session to connect."
	if t != nil {
		line = statusLine(t)
		if note := w.broadcastNote(); note != "" {
			line = note + " · " + line
		}
	}
	// The ticker calls this every second: an unchanged line must not
	// repaint the window.
	if w.status.Text != line {
		w.status.SetText(line)
	}
	w.updateButtons(t)
}

func statusLine(t *termtab.Tab) string {
	s := t.Session()
	if s == nil {
		return "Not connected"
	}
	st := s.Status()
	parts := []string{st.State.String(), st.Host + " port " + st.Port}
	if note := t.LogonStatus(); note != "" {
		parts = slices.Insert(parts, 1, note)
	}
	if p, ok := t.Assistant().(assist.Panel); ok && p.Note() != "" {
		parts = slices.Insert(parts, 1, p.Name()+": "+p.Note())
	}
	if st.Remote != "" {
		if st.Proxy != "" {
			parts = append(parts, "through the "+st.Proxy)
		} else if st.Remote != net.JoinHostPort(st.Host, st.Port) { // the address the name led to
			parts = append(parts, "at "+st.Remote)
		}
		parts = append(parts, "from "+st.Local)
	} else if st.Bind != "" {
		parts = append(parts, "from "+st.Bind)
	}
	if st.State == protocol.StateConnected {
		mode := "character mode"
		if st.LineMode {
			mode = "line mode"
		}
		echo := "remote echo"
		if st.LocalEcho {
			echo = "local echo"
		}
		parts = append(parts, mode+", "+echo, st.Mode.String())
		if info := s.TLS(); info != nil {
			lock := "encrypted: " + info.Version + " " + info.Cipher
			if !info.Verified {
				lock += " (certificate NOT verified)"
			}
			parts = append(parts, lock)
		}
	}
	parts = append(parts, fmt.Sprintf("in %s, out %s", bytesText(st.BytesIn), bytesText(st.BytesOut)))
	if !st.Since.IsZero() && st.State == protocol.StateConnected {
		// The start time, not a running duration: the line stays the same
		// while the session is idle (the Status dialog says how long).
		parts = append(parts, "since "+st.Since.Format(time.TimeOnly))
	}
	if err := t.LastError(); err != nil {
		parts = append(parts, err.Error())
	}
	if note := t.ReconnectStatus(); note != "" {
		parts = append(parts, note)
	} else if st.State == protocol.StateClosed { // why and the way back first: a long line is cut at the end
		why := closedWhy(s)
		if err := t.LastError(); err != nil {
			why = err.Error()
			parts = parts[:len(parts)-1]
		}
		parts = slices.Insert(parts, 1, why, reconnectKeys)
	}
	return strings.Join(parts, " · ")
}

// closedMark follows the title of a tab whose connection ended: the tab
// stays, with its transcript, until the person closes it.
const closedMark = " (closed)"

// reconnectKeys are the keys that take a closed tab up again.
const reconnectKeys = "Ctrl+Shift+R reconnects, Ctrl+Shift+E edits and reconnects"

// closedWhy says who ended a session that ended without an error.
func closedWhy(s *protocol.Session) string {
	if s.ClosedByUs() {
		return "you disconnected"
	}
	return "the server closed the connection"
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// dialogSize is the preferred size, shrunk to fit inside the window (at
// 200 % scale on a small screen a fixed size would push buttons off it).
func (w *mainWindow) dialogSize(width, height float32) fyne.Size {
	c := w.win.Canvas().Size()
	if c.Width > 100 {
		width = min(width, c.Width*0.95)
	}
	if c.Height > 100 {
		height = min(height, c.Height*0.92)
	}
	return fyne.NewSize(width, height)
}
