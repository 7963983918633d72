package termtab

import (
	"cmp"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termview"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// Tab is one tab: a terminal widget showing a screen model, and the
// session (or the succession of sessions, after Reconnect) behind it.
type Tab struct {
	host     Host
	ui       func(func())
	item     *container.TabItem
	keys     *keyboard      // the hosted widget: has the focus, sends the keys
	view     *termview.View // draws the cells, takes the mouse
	scr      *screen.Screen
	scroller *scrollBar
	find     *findBar
	settings settings.Session

	body      *fyne.Container // terminal area, with the assistant when shown
	termArea  fyne.CanvasObject
	assistant Assistant // nil until the window hands one in

	mu        sync.Mutex // guards sess, matches and the fields below
	sess      *protocol.Session
	taps      *sessionTaps // the current session's data taps
	lastErr   error
	closing   bool
	matches   []screen.Match
	matchAt   int
	matchGen  int // counts searches, so a new search redraws its highlights
	promptOn  bool
	promptBuf []rune

	logon        *logonRun   // the current session's logon actions, or nil
	rec          *recording  // the current session's first lines, for Record
	password     string      // the logon's password, once given (see logon.go)
	passwordFor  secretPlace // where password may go
	greet        *greeting   // the current session's first line
	havePassword bool
	enable       tabSecret // the logon's enable secret, once given (enable.go)
	// accepted are the unverified certificates the person let this tab's
	// sessions go on with (host:port → SHA-256 fingerprint): a reconnect
	// to the same certificate does not ask again; another one does.
	accepted map[string]string
	// home is where the tab's first session went (UI goroutine): the
	// profile's keychain password goes there only.
	home secretPlace

	attempts    int         // reconnection attempts since the last held connection
	retry       *time.Timer // the pending reconnection, if any
	reconnectAt time.Time

	fitOnStart bool // size the window for settings.Columns x Rows

	invalidate atomic.Bool                 // repaint every cell (the theme changed)
	colors     atomic.Pointer[paint.Theme] // the theme's colours, read on the UI goroutine
	lastKey    atomic.Int64                // when a key was last typed (Unix ns), for frame pacing
	fed        atomic.Int64                // bytes of output parsed, for frame pacing
	echo       echoPath                    // see echo.go
	repaint    chan struct{}               // wakes the render loop when the model did not change
	stop       chan struct{}
	flushReq   chan chan struct{}
	shown      frameInfo // what the render loop last reported to the UI
}

// frameInfo is what the UI shows about the last frame.
type frameInfo struct {
	title      string
	bells      uint64
	offset     int
	scrollback int
	rows       int
}

// New makes a tab for a session's settings and starts its render loop;
// Connect starts the session. It runs on the UI goroutine.
func New(host Host, st settings.Session, opt Options) *Tab {
	t := &Tab{
		fitOnStart: opt.FitWindow && st.Columns > 0 && st.Rows > 0,
		host:       host,
		ui:         opt.UI,
		scr:        screen.New(st.Engine.Cols, st.Engine.Rows, cmp.Or(st.Scrollback, opt.Scrollback, 10000)),
		settings:   st,
		repaint:    make(chan struct{}, 1),
		echo:       newEchoPath(opt.EchoShown),
		stop:       make(chan struct{}),
		flushReq:   make(chan chan struct{}),
	}
	if t.ui == nil {
		t.ui = defaultUI
	}
	t.colors.Store(paintTheme())
	t.scr.Reply = func(p []byte) {
		if s := t.Session(); s != nil {
			s.SendData(p)
		}
	}
	t.scroller = newScrollBar(func(offset int) { t.scr.ScrollView(offset - t.scr.ViewOffset()) })
	t.find = newFindBar(t)
	t.view = t.newView()
	t.keys = newKeyboard(t)
	var term fyne.CanvasObject = newTermHost(t.keys, t.view)
	if st.FontSize > 0 {
		term = container.NewThemeOverride(term, &tabFontTheme{size: st.FontSize})
	}
	t.termArea = container.NewBorder(nil, t.find.bar, nil, t.scroller, term)
	t.body = container.NewStack(t.termArea)
	t.item = container.NewTabItemWithIcon(st.Title(), theme.ViewRefreshIcon(), t.body)
	go t.renderLoop(st.Title())
	return t
}

// resized follows the view's size in cells; the window's only tab first
// sizes the window for the session's columns and rows.
func (t *Tab) resized(cols, rows int) {
	if cols < 2 || rows < 1 {
		return
	}
	haveCols, haveRows := t.scr.Size()
	t.scr.Resize(cols, rows)
	if s := t.Session(); s != nil {
		s.Resize(cols, rows)
	}
	// A model already this size (DECCOLM's width, the window following)
	// has rows the narrower view left out: draw them all.
	t.redraw(haveCols == cols && haveRows == rows)
	if t.fitOnStart { // after the layout in progress has settled
		t.fitOnStart = false
		t.onUI(func() { t.fitWindow(t.settings.Columns, t.settings.Rows) })
	}
}

// Assistant is the panel the window handed in, or nil.
func (t *Tab) Assistant() Assistant { return t.assistant }

// SetAssistant takes the panel shown beside the terminal (it stays
// hidden until ToggleAssistant; one that replaces a shown panel is shown
// in its place) and attaches it to the current session.
func (t *Tab) SetAssistant(a Assistant) {
	shown := t.assistant != nil && t.AssistantShown()
	if shown {
		t.ToggleAssistant() // the old one goes
	}
	t.assistant = a
	if shown {
		t.ToggleAssistant()
	}
	t.mu.Lock()
	s, taps := t.sess, t.taps
	t.mu.Unlock()
	if s != nil {
		taps.attach(a.Attach(s))
	}
}

// AssistantShown reports whether the assistant is beside the terminal.
func (t *Tab) AssistantShown() bool {
	return !(len(t.body.Objects) == 1 && t.body.Objects[0] == t.termArea)
}

// ToggleAssistant shows or hides the assistant beside the terminal.
func (t *Tab) ToggleAssistant() {
	if t.assistant == nil {
		return
	}
	if len(t.body.Objects) == 1 && t.body.Objects[0] == t.termArea {
		split := container.NewHSplit(t.termArea, t.assistant.Content())
		split.Offset = 0.58
		t.body.Objects = []fyne.CanvasObject{split}
	} else {
		t.body.Objects = []fyne.CanvasObject{t.termArea}
	}
	t.body.Refresh()
}

// Session is the tab's current session (nil before the first Connect).
func (t *Tab) Session() *protocol.Session {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.sess
}

// Connect starts a new session in this tab (the first, or a reconnect).
func (t *Tab) Connect() {
	cfg := t.settings.Engine
	cfg.SessionName = t.settings.Name
	if settings.WantsProxyPassword(t.settings) {
		// Nothing remembered (or no keychain) connects without one; the
		// proxy then says authentication failed.
		cfg.Proxy.Password, _ = profiles.Secrets{Proxy: true}.Get(t.settings.Name)
	}
	cols, rows := t.scr.Size()
	cfg.Cols, cfg.Rows = cols, rows
	cfg.ContinueLogs = t.Session() != nil // a reconnect appends to the logs
	place := placeOf(cfg)
	if t.home == (secretPlace{}) {
		t.home = place
	}
	t.forgetPasswordUnlessFor(place)
	cfg.VerifyCertificate = t.verifier(place.where())
	s := protocol.NewSession(cfg)
	taps := &sessionTaps{}
	lr, rec, greet := newLogonRun(t.logonPlan(place)), &recording{}, &greeting{}
	s.OnData = func(p []byte) {
		taps.feed(p)
		lr.feed(p)
		rec.output(p)
		if greet.feed(p) { // the window may pick the assistant by it
			t.onUI(func() { t.host.GreetingSeen(t) })
		}
	}
	var logonBegun sync.Once
	s.OnEscape = func() { t.onUI(t.OpenPrompt) }
	var portChecked sync.Once
	portCheck := t.settings.Profile.PortCheck
	s.OnChange = func(st protocol.Status) {
		if portCheck && st.State == protocol.StateConnected {
			portChecked.Do(func() { // a port check reports, after "Connected to …", and hangs up at once
				s.Say(fmt.Sprintf("\r\nPort %s on %s is open: %s accepted the connection. Closing.\r\n", st.Port, st.Host, st.Remote))
				s.Close()
			})
		}
		if !portCheck && st.State == protocol.StateConnected {
			logonBegun.Do(func() { t.beginLogon(s, lr) })
		}
		t.onUI(func() { t.host.SessionChanged(t) })
	}
	t.mu.Lock()
	old, oldLogon := t.sess, t.logon
	t.sess, t.lastErr, t.taps, t.logon, t.rec, t.greet = s, nil, taps, lr, rec, greet
	t.mu.Unlock()
	oldLogon.stop()
	if old != nil {
		old.Close()
		old.Detach()
	}
	if t.assistant != nil {
		taps.attach(t.assistant.Attach(s))
	}
	fedAll := make(chan struct{})
	nl := newlines{lfCR: t.settings.LFImpliesCR, crLF: t.settings.CRImpliesLF}
	t.scr.SetClearDropsText(t.settings.ClearDropsText)
	go func() { t.feed(s, nl); close(fedAll) }()
	go func() {
		err := s.Run(context.Background())
		lr.stop()
		<-fedAll
		taps.close()
		t.sessionEnded(s, err)
	}()
	t.host.SessionChanged(t)
}

// parse puts output into the screen model. The bytes are counted first:
// the model's change wakes the render loop, which tells a flood from a
// trickle by that count.
func (t *Tab) parse(p []byte) {
	t.fed.Add(int64(len(p)))
	t.scr.Write(p)
}

// feed parses the session's output into the screen model, with the
// implicit CRs and LFs the session asks for.
func (t *Tab) feed(s *protocol.Session, nl newlines) {
	buf := make([]byte, 32<<10)
	var conv []byte
	out := s.Output()
	for {
		n, err := out.Read(buf)
		switch {
		case n > 0 && nl.on():
			conv = nl.apply(conv[:0], buf[:n])
			t.parse(conv)
		case n > 0:
			t.parse(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// sessionEnded runs when a session's last byte has been parsed: it draws
// the last frame, then applies the close-on-exit setting.
func (t *Tab) sessionEnded(s *protocol.Session, err error) {
	t.Flush()
	t.mu.Lock()
	current := t.sess == s
	if current {
		t.lastErr = err
	}
	t.mu.Unlock()
	if !current {
		return
	}
	clean := err == nil && s.ClosedByServer()
	t.onUI(func() {
		t.host.SessionChanged(t)
		t.ended(s, err)
		if t.shouldReconnect(s) {
			t.scheduleReconnect(s)
			return
		}
		if t.closesOnEnd(clean) {
			t.host.CloseTab(t, false)
		}
	})
}

// closesOnEnd says whether the tab closes itself now that its session
// ended. By default (CloseNever) it stays, marked closed, with its
// transcript. PuTTY's "always" and "only on clean exit" close it only
// when nothing spoke to the person in it: never while the assistant is
// open (a Run test's QUIT, its reply list and summary stay) or after
// logon actions ran (a refused password and its explanation stay).
func (t *Tab) closesOnEnd(clean bool) bool {
	switch {
	case t.AssistantShown(), len(t.settings.Logon) > 0, t.LogonStatus() != "":
		return false
	case t.settings.Close == cmdline.CloseAlways:
		return true
	}
	return t.settings.Close == cmdline.CloseClean && clean
}

func (t *Tab) scrollBy(lines int) {
	t.scr.ScrollView(lines)
}

// Close ends the tab's session and goroutines.
func (t *Tab) Close() {
	t.mu.Lock()
	if t.closing {
		t.mu.Unlock()
		return
	}
	t.closing = true
	s, lr := t.sess, t.logon
	t.stopReconnectLocked()
	t.mu.Unlock()
	lr.stop()
	if s != nil {
		s.Close()
		s.Detach()
	}
	close(t.stop)
}

// State returns the session's state, or StateNew before the first connect.
func (t *Tab) State() protocol.State {
	if s := t.Session(); s != nil {
		return s.Status().State
	}
	return protocol.StateNew
}

// Live reports whether the tab has a connected or connecting session.
func (t *Tab) Live() bool {
	st := t.State()
	return st == protocol.StateConnecting || st == protocol.StateConnected
}

// Item is the tab as the window's tabs show it.
func (t *Tab) Item() *container.TabItem { return t.item }

// Settings are what the tab's session was opened with.
func (t *Tab) Settings() settings.Session { return t.settings }

// Keyboard is the widget that takes the tab's keys: the window focuses
// it to give the tab the keyboard.
func (t *Tab) Keyboard() fyne.Focusable { return t.keys }

// History is the scrollback and screen as text, oldest line first.
func (t *Tab) History() string { return t.scr.History() }

// ClearScrollback forgets the lines above the screen.
func (t *Tab) ClearScrollback() { t.scr.ClearScrollback() }

// Redraw draws the tab again; everything repaints every cell (the theme
// or text size changed).
func (t *Tab) Redraw(everything bool) {
	if everything {
		t.colors.Store(paintTheme())
	}
	t.redraw(everything)
}

// LastError is why the current session ended, or nil.
func (t *Tab) LastError() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.lastErr
}

// SetSMTPDefaults keeps the tab's copy of its profile in step after the
// SMTP assistant saved its fields to the profile.
func (t *Tab) SetSMTPDefaults(d profiles.SMTPDefaults) { t.settings.Profile.SMTP = d }

// Screen is the tab's screen model, for reading (tests and diagnostics).
func (t *Tab) Screen() *screen.Screen { return t.scr }

// View is the widget that draws the tab's cells and takes its mouse.
func (t *Tab) View() *termview.View { return t.view }
