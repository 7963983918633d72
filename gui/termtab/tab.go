package termtab

import (
	"cmp"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/tern-telnet/tern/gui/attention"
	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/session"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termkeys"
	"github.com/tern-telnet/tern/gui/termview"
	"github.com/tern-telnet/tern/profiles"
)

// Tab is one tab: a terminal widget showing a screen model, and the
// session (or the succession of sessions, after Reconnect) behind it.
type Tab struct {
	host     Host
	ui       uiBridge
	item     *container.TabItem
	keys     *termkeys.Keyboard // the hosted widget: has the focus, sends the keys
	view     *termview.View     // draws the cells, takes the mouse
	scr      *screen.Screen
	scroller *scrollBar
	find     *findBar

	body      *fyne.Container // terminal area, with the assistant when shown
	termArea  fyne.CanvasObject
	font      *tabFontTheme            // the session's text size (UI goroutine)
	fontBox   *container.ThemeOverride // applies font to the terminal
	assistant Assistant                // nil until the window hands one in

	// The controller runs the tab's sessions: connect, logon,
	// reconnection, the telnet> prompt (gui/session); the tab is its
	// view. Its queries (State, Session, Settings, LogonStatus …) are the
	// tab's.
	*session.Controller

	fit        windowFit // sizes the window for the terminal (fit.go)
	fitOnStart bool      // size the window for settings.Columns x Rows

	invalidate atomic.Bool                 // repaint every cell (the theme changed)
	colors     atomic.Pointer[paint.Theme] // the theme's colours, read on the UI goroutine
	lastKey    atomic.Int64                // when a key was last typed (Unix ns), for frame pacing
	fed        atomic.Int64                // bytes of output parsed, for frame pacing
	echo       echoPath                    // see echo.go
	repaint    chan struct{}               // wakes the render loop when the model did not change
	stop       chan struct{}
	flushReq   chan chan struct{}
	shown      frameInfo      // what the render loop last reported to the UI
	bell       attention.Bell // see bell.go (UI goroutine)

	highlights highlights // keyword highlighting (highlight.go)
	pacing     Pacing     // paced pastes (pace.go)
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
		scr:        screen.New(st.Engine.Cols, st.Engine.Rows, cmp.Or(st.Scrollback, opt.Scrollback, 10000)),
		repaint:    make(chan struct{}, 1),
		echo:       newEchoPath(opt.EchoShown),
		stop:       make(chan struct{}),
		flushReq:   make(chan chan struct{}),
	}
	t.ui = uiBridge{run: opt.UI, stop: t.stop}
	if t.ui.run == nil {
		t.ui.run = defaultUI
	}
	t.Controller = session.New(sessionHost{t}, st, session.Options{Owner: t.ui.do})
	t.colors.Store(sessionColours(t.Settings().Terminal.Colours))
	t.pacing.session = func() profiles.PacingSettings { return t.Settings().Profile.Pacing }
	t.pacing.changed = func() { t.ui.do(func() { t.host.SessionChanged(t) }) }
	t.pacing.attach = t.Controller.Attach
	t.scr.Reply = func(p []byte) {
		if s := t.Session(); s != nil {
			s.SendData(p)
		}
	}
	t.scroller = newScrollBar(func(offset int) { t.scr.ScrollView(offset - t.scr.ViewOffset()) })
	t.find = newFindBar(host, t.scr, func() { t.redraw(false) })
	t.view = t.newView()
	t.keys = termkeys.New(tabKeys{t})
	t.view.OnAltDragEnd = altDrag{t.ui, host, t.keys}.ended
	t.bell = newBell(host, t.ui, t.view)
	t.fit = windowFit{host, t.ui, t.view, t.scr, func() bool { return host.IsCurrent(t) }, t.resized}
	t.font = &tabFontTheme{size: st.FontSize}
	t.fontBox = container.NewThemeOverride(newTermHost(t.keys, t.view), t.font)
	t.termArea = container.NewBorder(nil, t.find.bar, nil, t.scroller, t.fontBox)
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
		st := t.Settings()
		t.ui.do(func() { t.fit.window(st.Columns, st.Rows) })
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
	if s := t.Session(); s != nil {
		t.Controller.Attach(s, a.Attach(s))
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

// Connect starts a new session in this tab (the first, or a reconnect).
func (t *Tab) Connect() {
	t.Controller.Connect()
	t.host.SessionChanged(t)
}

// Close ends the tab's session and goroutines.
func (t *Tab) Close() {
	t.pacing.Cancel()
	if t.Controller.Close() {
		close(t.stop)
	}
}

// Item is the tab as the window's tabs show it.
func (t *Tab) Item() *container.TabItem { return t.item }

// Keyboard is the widget that takes the tab's keys: the window focuses
// it to give the tab the keyboard.
func (t *Tab) Keyboard() fyne.Focusable { return t.keys }

// History is the scrollback and screen as text, oldest line first.
func (t *Tab) History() string { return t.scr.History() }

// ClearScrollback forgets the lines above the screen.
func (t *Tab) ClearScrollback() { t.scr.ClearScrollback() }

// ResetTerminal resets the terminal as a server's RIS would (Edit ▸ Reset
// terminal); the scrollback and the session stay.
func (t *Tab) ResetTerminal() { t.scr.Reset() }

// Redraw draws the tab again; everything repaints every cell (the theme
// or text size changed).
func (t *Tab) Redraw(everything bool) {
	t.bell.Seen() // the window came to the front (or the theme changed)
	if everything {
		t.colors.Store(sessionColours(t.Settings().Terminal.Colours))
	}
	t.redraw(everything)
}

// Screen is the tab's screen model, for reading (tests and diagnostics).
func (t *Tab) Screen() *screen.Screen { return t.scr }

// View is the widget that draws the tab's cells and takes its mouse.
func (t *Tab) View() *termview.View { return t.view }
