package gui

import (
	"fmt"
	"maps"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/appprefs"
	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/broadcast"
	"github.com/tern-telnet/tern/gui/fasttick"
	"github.com/tern-telnet/tern/gui/launch"
	"github.com/tern-telnet/tern/gui/newsession"
	"github.com/tern-telnet/tern/gui/pacing"
	"github.com/tern-telnet/tern/gui/quick"
	"github.com/tern-telnet/tern/gui/sessioninfo"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/trust"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// mainWindow is Tern's window: tabs of sessions, a toolbar and a status bar.
type mainWindow struct {
	background foreground // see foreground.go
	app        fyne.App
	ui         func(func()) // runs a function on the UI goroutine (bridge.go)
	win        fyne.Window
	tabs       *container.DocTabs
	byItem     map[*container.TabItem]*termtab.Tab
	status     *widget.Label
	pace       *pacing.Bar // a paced paste's progress, beside the status
	prefs      *appprefs.Prefs
	certs      *trust.Certificates // the question about unverified certificates, and those accepted
	// quitWhenEmpty closes the window when its last tab closes.
	quitWhenEmpty bool
	sendButton    *widgets.ToolButton
	tabButtons    []*widgets.ToolButton // act on the current tab (disabled without one)
	logButton     *widgets.ToolButton
	tips          *widgets.TipLayer
	broadcast     *broadcast.Broadcast // Type into all tabs (broadcasthost.go)
	dialogs       *widgets.Dialogs     // on screen, front last (Escape and Enter)
	toolbarRow    fyne.CanvasObject
	ticker        *time.Ticker
	statusAt      time.Time // when the status bar was last brought up to date
	store         *profiles.Store
	assistItems   []*fyne.MenuItem // the Assistant menu's Use the … items (assistmenu.go)
	labels        tabmarks.Labels  // what the tab strip says of each tab
	// reportedStoreProblem: a broken profiles file is reported once.
	reportedStoreProblem bool
	connecting           *newsession.Dialog // the New session dialog on screen, or nil
	opts                 Options            // what main decided (app.go)
	quick                *quick.Bar         // the current tab's quick commands
}

// newMainWindow builds the window over o's saved sessions, whose
// goroutines reach the UI through ui (fyne.Do; tests pass a queue they
// run themselves). It shows nothing until Show.
func newMainWindow(a fyne.App, o Options, ui func(func())) *mainWindow {
	w := &mainWindow{app: a, ui: ui, store: o.Store, opts: o, win: a.NewWindow(tabmarks.AppName), byItem: map[*container.TabItem]*termtab.Tab{}}
	w.dialogs = widgets.NewDialogs(w.win)
	w.broadcast = broadcast.New(broadcastHost{w})
	w.prefs = appprefs.Load(a)
	w.certs = trust.NewCertificates(w.win, w.dialogs, ui, func(info tlscheck.Info) { sessioninfo.ShowCertificate(w.dialogs, info) }, a.Preferences())
	w.background.follow(a.Lifecycle(), func() {
		for _, t := range w.byItem {
			t.Redraw(false)
		}
	})
	w.prefs.Apply(a)
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
	w.quick = quick.NewBar(toolHost{w})
	w.tabs.OnSelected = func(*container.TabItem) { w.relabelTabs(); w.refreshStatus(); w.quick.Refresh(); w.focusCurrent() }
	w.status = widget.NewLabel("No session. Press New session to connect.")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.tips = widgets.NewTipLayer(w.ui)
	w.toolbarRow = w.toolbar()
	w.enableTabButtons(false)
	w.pace = pacing.NewBar()
	bottom := container.NewBorder(nil, nil, nil, w.pace.Box, w.status)
	w.win.SetContent(container.NewStack(container.NewBorder(container.NewVBox(w.toolbarRow, w.quick.Box), bottom, nil, nil, w.tabs), w.tips.Layer))
	w.win.SetMainMenu(w.menu())
	w.win.Canvas().SetOnTypedKey(w.unfocusedKey)
	w.win.SetCloseIntercept(w.confirmQuit)
	w.win.Resize(w.prefs.WindowSize())
	w.ticker = time.NewTicker(time.Second)
	go func() {
		for range w.ticker.C {
			w.onUI(w.eachSecond)
		}
	}()
	return w
}

// OpenSession opens a new tab and connects it; for a mail domain
// ("mx:example.com") the SMTP assistant finds the host first.
func (w *mainWindow) OpenSession(st settings.Session) *termtab.Tab {
	return w.openSession(st, nil)
}

// openSession is OpenSession; found hears a mail domain's lookup.
func (w *mainWindow) openSession(st settings.Session, found assist.MailDomainFound) *termtab.Tab {
	t := termtab.New(tabHost{w}, st, termtab.Options{
		Scrollback: w.prefs.Scrollback,
		FitWindow:  len(w.byItem) == 0, // the window's only tab decides its size
		UI:         w.ui,
		EchoShown:  fasttick.Shown,
	})
	w.quick.ApplyHighlights(t)
	w.byItem[t.Item()] = t
	w.tabs.Append(t.Item())
	w.labels.SetTitle(t, st.Title(), maps.Values(w.byItem))
	w.relabelTabs()
	w.tabs.Select(t.Item())
	w.quick.Refresh() // Select says nothing of the first tab
	w.rememberTabs()
	if st.Profile.SMTP.OpenOnConnect || st.Profile.Mail.OpenOnConnect || st.OpenAssistant {
		assistants{w}.show(t)
	}
	if domain, ok := st.MailDomain(); ok {
		assistants{w}.findMailServers(t, domain, found)
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
		w.dialogs.Confirm("Close session?",
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
	w.quick.Refresh()
	w.rememberTabs()
	if len(w.byItem) == 0 && w.quitWhenEmpty {
		w.prefs.RememberWindow(w.app, w.win.Canvas().Size())
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
		w.prefs.RememberWindow(w.app, w.win.Canvas().Size())
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
	w.dialogs.Confirm("Quit Tern?", connectedText(live)+" Close and quit?",
		func(ok bool) {
			if ok {
				quit()
			}
		})
}

// SessionChanged updates a tab's mark and the status bar.
func (h tabHost) SessionChanged(t *termtab.Tab) {
	w := h.w
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

// Retitle shows a server-set title (or the settings' title) in the tab,
// flashing it when the bell rang.
func (h tabHost) Retitle(t *termtab.Tab, title string, bell bool) {
	w := h.w
	if title == "" {
		title = t.Settings().Title()
	}
	if bell {
		t.Item().Icon = theme.WarningIcon()
		time.AfterFunc(time.Second, func() { w.onUI(func() { tabHost{w}.SessionChanged(t) }) })
	}
	w.labels.SetTitle(t, title, maps.Values(w.byItem))
	w.relabelTabs()
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

// FrameShown brings the status bar up to date with a frame of t's output,
// in the same repaint, when it is about a second old.
func (h tabHost) FrameShown(t *termtab.Tab) {
	w := h.w
	if t == w.current() && time.Since(w.statusAt) >= statusEvery {
		w.refreshStatus()
	}
}

// eachSecond is the ticker's second: the status bar shows what no frame
// has shown, and main hears how busy the sessions were.
func (w *mainWindow) eachSecond() {
	if time.Since(w.statusAt) > statusLag {
		w.refreshStatus()
	}
	if w.opts.EachSecond != nil {
		w.opts.EachSecond(w.bytesIn(), len(w.byItem))
	}
}

// bytesIn is what every tab's current session has received.
func (w *mainWindow) bytesIn() int64 {
	var n int64
	for _, t := range w.byItem {
		if s := t.Session(); s != nil {
			n += s.Status().BytesIn
		}
	}
	return n
}

// refreshStatus writes the current tab's status line.
func (w *mainWindow) refreshStatus() {
	w.statusAt = time.Now()
	w.retitleWindow()
	t := w.current()
	line := "No session. Press New session to connect."
	if t != nil {
		line = statusLine(t)
		if note := w.broadcast.Note(); note != "" {
			line = note + " · " + line
		}
	}
	// The ticker calls this every second: an unchanged line must not
	// repaint the window.
	if w.status.Text != line {
		w.status.SetText(line)
	}
	w.pace.Show(t)
	w.updateButtons(t)
	assistants{w}.markCurrent()
}

// statusLine is the status bar's line for t.
func statusLine(t *termtab.Tab) string {
	note := ""
	if p, ok := t.Assistant().(assist.Panel); ok && p.Note() != "" {
		note = p.Name() + ": " + p.Note()
	}
	return sessioninfo.StatusLine(t, note)
}

// connectedText says how many sessions are connected, in words.
func connectedText(n int) string {
	if n == 1 {
		return "1 session is still connected."
	}
	return fmt.Sprintf("%d sessions are still connected.", n)
}

// showSettings is Settings… (gui/appprefs); once saved, every tab takes
// its highlighting, text size and theme.
func (w *mainWindow) showSettings() {
	w.prefs.ShowDialog(w.app, w.dialogs, func() {
		for _, t := range w.byItem {
			w.quick.ApplyHighlights(t)
			t.Redraw(true)
		}
	})
}

// rememberTabs records the window's tabs in order for Reopen last tabs
// (gui/launch), unless the window holds only the command line's session
// (it closes with it).
func (w *mainWindow) rememberTabs() {
	if w.quitWhenEmpty {
		return
	}
	var open []settings.Session
	for _, t := range w.openTabs() {
		open = append(open, t.Settings())
	}
	launch.RememberTabs(w.app.Preferences(), open)
}

// retitleWindow names the window after the current tab (gui/tabmarks),
// touching it only when the name changes.
func (w *mainWindow) retitleWindow() {
	if title := w.labels.WindowTitle(w.current()); title != w.win.Title() {
		w.win.SetTitle(title)
	}
}

// openTabs are the tabs in the tab strip's order.
func (w *mainWindow) openTabs() []*termtab.Tab {
	var tabs []*termtab.Tab
	for _, it := range w.tabs.Items {
		if t := w.byItem[it]; t != nil {
			tabs = append(tabs, t)
		}
	}
	return tabs
}

// relabelTabs writes every tab's label (gui/tabmarks), forgets closed
// tabs, and keeps the Leave this tab out item's check on the current tab;
// it reports whether that redrew the menu.
func (w *mainWindow) relabelTabs() (menuRedrawn bool) {
	open := map[*termtab.Tab]bool{}
	for item, t := range w.byItem {
		open[t] = true
		item.Text = w.labels.Text(t, w.broadcast.Receives(t))
	}
	w.labels.Keep(open)
	w.retitleWindow()
	if w.broadcast.CheckOptOut() {
		if m := w.win.MainMenu(); m != nil {
			m.Refresh()
			menuRedrawn = true
		}
	}
	w.tabs.Refresh()
	return menuRedrawn
}
