package gui

import (
	"fmt"
	"net"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol"
)

// An idle window must not repaint. Every widget asks the driver for a new
// frame through canvas.Refresh, and the driver asks every visible object
// for its MinSize while it draws one; so a widget that refreshes from
// MinSize, or a ticker that sets the same text again, keeps the window
// repainting forever (Fyne 2.7.2's Accordion did: the New session dialog
// cost half a core). These tests count the refreshes that a simulated
// frame and a status tick cause once the window has settled: there must
// be none. Nothing here measures time.

// refreshCounter wraps the test app so that canvas.Refresh calls are
// counted by the type of the object refreshed.
type refreshCounter struct {
	fyne.App
	drv counterDriver
}

type counterDriver struct {
	fyne.Driver
	mu    sync.Mutex
	types map[string]int
}

type counterCanvas struct {
	fyne.Canvas
	d *counterDriver
}

// countRefreshes makes canvas.Refresh countable until the test ends.
func countRefreshes(t *testing.T) *counterDriver {
	a := fyne.CurrentApp()
	rc := &refreshCounter{App: a, drv: counterDriver{Driver: a.Driver()}}
	fyne.SetCurrentApp(rc)
	t.Cleanup(func() { fyne.SetCurrentApp(a) })
	return &rc.drv
}

func (a *refreshCounter) Driver() fyne.Driver { return &a.drv }

func (d *counterDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	c := d.Driver.CanvasForObject(o)
	if c == nil {
		return nil
	}
	return counterCanvas{Canvas: c, d: d}
}

func (c counterCanvas) Refresh(o fyne.CanvasObject) {
	c.d.mu.Lock()
	if c.d.types != nil {
		c.d.types[fmt.Sprintf("%T", o)]++
	}
	c.d.mu.Unlock()
	c.Canvas.Refresh(o)
}

// during counts the refreshes f causes, by type ("" when none).
func (d *counterDriver) during(f func()) string {
	d.mu.Lock()
	d.types = map[string]int{}
	d.mu.Unlock()
	f()
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for k, n := range d.types {
		out = append(out, fmt.Sprintf("%s ×%d", k, n))
	}
	d.types = nil
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// simulateFrame does what the GL driver does to the widgets while it
// draws a frame: ask every visible object for its MinSize.
func simulateFrame(c fyne.Canvas) {
	roots := []fyne.CanvasObject{c.Content()}
	roots = append(roots, c.Overlays().List()...)
	for _, r := range roots {
		walkVisible(r)
	}
}

func walkVisible(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	o.MinSize()
	switch v := o.(type) {
	case *fyne.Container:
		for _, child := range slices.Clone(v.Objects) {
			walkVisible(child)
		}
	case fyne.Widget:
		for _, child := range slices.Clone(test.WidgetRenderer(v).Objects()) {
			walkVisible(child)
		}
	}
}

// idleTick is one beat of an idle window: queued UI work, the status
// bar's second, and a frame.
func idleTick(w *mainWindow) {
	pumpUI()
	w.eachSecond()
	simulateFrame(w.win.Canvas())
}

// assertIdle lets the window settle (five quiet ticks in a row, within
// 3 s), then fails if three more idle ticks cause any refresh.
func assertIdle(t *testing.T, d *counterDriver, w *mainWindow, state string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for quiet := 0; quiet < 5 && time.Now().Before(deadline); {
		quiet++
		if d.during(func() { idleTick(w) }) != "" {
			quiet = 0
		}
		// Five quiet ticks span more than the render loop's slowest
		// pace for output nobody typed for, so a paced frame is not
		// taken for a repaint of an idle window.
		time.Sleep(60 * time.Millisecond)
	}
	for range 3 {
		time.Sleep(20 * time.Millisecond)
		if got := d.during(func() { idleTick(w) }); got != "" {
			t.Errorf("%s: an idle frame asked for another: %s", state, got)
			return
		}
	}
}

func TestIdleNewSessionDialogDoesNotRepaint(t *testing.T) {
	w := newTestWindow(t)
	d := countRefreshes(t)
	sessionDialogs{w}.showNew()
	assertIdle(t, d, w, "New session dialog")
}

func TestIdleSettingsDialogDoesNotRepaint(t *testing.T) {
	w := newTestWindow(t)
	d := countRefreshes(t)
	w.showSettings()
	assertIdle(t, d, w, "Settings dialog")
}

func TestIdleSessionDoesNotRepaint(t *testing.T) {
	srv := newLoopServer(t, "220 idle.example.test ESMTP\r\n")
	w := newTestWindow(t)
	d := countRefreshes(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "the greeting in the widget", func() bool {
		return tab.State() == protocol.StateConnected && strings.Contains(tab.ShownText(), "220 idle.example.test")
	})
	assertIdle(t, d, w, "connected session")
	for _, c := range []struct {
		state string
		open  func()
	}{
		{"find bar", w.showFind},
		{"SMTP assistant", assistants{w}.toggle},
		{"Status dialog", w.showStatus},
		{"Event log", w.showEventLog},
	} {
		c.open()
		assertIdle(t, d, w, c.state)
	}
}

// TestOutputUpdatesTheStatusBarWithItsFrame: the status bar's byte counts
// change in the UI call that presents a frame of the output (a change of
// their own would cost the window a repaint of its own: a slow log
// stream drew twice as many), at most about once a second; the ticker
// only catches up later.
func TestOutputUpdatesTheStatusBarWithItsFrame(t *testing.T) {
	more := make(chan struct{})
	srv := loopserver.StartScripted(t, func(c net.Conn) {
		_, _ = c.Write([]byte("first line\r\n"))
		<-more
		_, _ = c.Write([]byte("second line\r\n"))
		<-more
		_, _ = c.Write([]byte("third line\r\n"))
		<-more
	})
	defer close(more)
	w := newTestWindow(t)
	w.ticker.Stop() // only frames update the status bar here
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "the first line", func() bool { return strings.Contains(tab.ShownText(), "first line") })
	flushTab(t, tab)

	w.statusAt = time.Time{} // the status bar is old
	more <- struct{}{}
	waitUntil(t, "the second line", func() bool { return strings.Contains(tab.ShownText(), "second line") })
	flushTab(t, tab)
	if !strings.Contains(w.status.Text, "in 25 B") {
		t.Fatalf("after a frame showing 25 bytes the status bar says %q", w.status.Text)
	}

	more <- struct{}{} // within the second: the count waits for a later frame
	waitUntil(t, "the third line", func() bool { return strings.Contains(tab.ShownText(), "third line") })
	flushTab(t, tab)
	if !strings.Contains(w.status.Text, "in 25 B") {
		t.Fatalf("a frame within the second changed the status bar to %q", w.status.Text)
	}
	w.statusAt = time.Now().Add(-statusLag - time.Millisecond)
	w.eachSecond()
	if !strings.Contains(w.status.Text, "in 37 B") {
		t.Fatalf("the ticker left the status bar at %q", w.status.Text)
	}
}
