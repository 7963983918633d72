package termtab

import (
	"time"

	"fyne.io/fyne/v2/theme"

	"github.com/tern-telnet/tern/gui/framestats"
	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/termview"
)

// A tab's frames: its render loop goroutine owns the painter, which draws
// snapshots of the screen model into an image off the UI goroutine; each
// frame is then one UI call that copies the rows that changed into the
// view's picture. The loop sleeps until the model, the selection, the
// find matches or the theme change: an idle tab never wakes.

// Frame pacing. Each frame costs the whole window's repaint (Fyne draws
// every object for any change; under a software renderer that is most of
// a frame's cost), so frames are spaced by what the eye needs: while a
// person types, output is drawn at once (echo within a frame); a flood
// gets up to 20 frames a second; a slow trickle of output with nobody
// typing (a log being watched) at most 5 times a second, and once a second
// while another window has the keyboard. Frames
// are also spaced by twice what the last one cost, so a slow machine
// never queues them.
const (
	minFrameGap   = 16 * time.Millisecond  // while typing
	floodGap      = 50 * time.Millisecond  // while much text arrives
	trickleGap    = 200 * time.Millisecond // output nobody typed for
	backgroundGap = time.Second            // output while another window has the keyboard
	typingWindow  = time.Second            // output this soon after a key is its answer
	floodPerFrame = 4096                   // bytes since the last frame that make a flood
)

// frameGap is how long to leave after a frame that cost busy.
func (t *Tab) frameGap(busy time.Duration, fedSince int64) time.Duration {
	gap := trickleGap
	switch {
	case t.host.InBackground():
		gap = backgroundGap
	case t.typedRecently():
		gap = minFrameGap
	case fedSince >= floodPerFrame:
		gap = floodGap
	}
	return min(max(gap, busy*2), max(gap, 250*time.Millisecond))
}

// typedRecently reports whether a key was typed so recently that output
// now is its answer.
func (t *Tab) typedRecently() bool {
	return time.Since(time.Unix(0, t.lastKey.Load())) < typingWindow
}

// show presents a frame on the UI goroutine with what goes with it: the
// title, bell and scrollbar (report, or nil) and the window's status bar,
// in one UI call so that one repaint shows them all.
func (t *Tab) show(frame termview.Frame, report func()) {
	t.view.Present(frame)
	if report != nil {
		report()
	}
	t.host.FrameShown(t)
}

// redraw wakes the render loop although the model did not change; full
// repaints every cell (the theme changed).
func (t *Tab) redraw(full bool) {
	if full {
		t.invalidate.Store(true)
	}
	select {
	case t.repaint <- struct{}{}:
	default:
	}
}

// Flush waits until everything parsed so far has been drawn.
func (t *Tab) Flush() {
	done := make(chan struct{})
	select {
	case t.flushReq <- done:
		<-done
	case <-t.stop:
	}
}

// renderLoop draws the model when it changes, at most once per
// minFrameGap, and further apart when frames take the UI long.
func (t *Tab) renderLoop(title string) {
	var (
		snap    screen.Snapshot
		painter *paint.Painter
		overlay paint.Overlay
		extents []int
		// what the view was last given besides the picture
		shownFirst int64
		shownModes screen.Modes
		last       time.Time
		lastBusy   time.Duration
		fed        int64 // bytes parsed when the last frame was drawn
		columns    uint64
		changed    = t.scr.Changed()
	)
	stats := framestats.New()
	defer stats.Report(title) // the title it opened with: settings change on the UI goroutine
	for {
		var flushed chan struct{}
		select {
		case <-t.stop:
			return
		case flushed = <-t.flushReq:
		case <-changed:
		case <-t.repaint:
		}
		for flushed == nil && !t.echo.waiting.Load() {
			wait := t.frameGap(lastBusy, t.fed.Load()-fed) - time.Since(last)
			if wait <= 0 {
				break
			}
			select {
			case <-time.After(wait):
			case <-changed: // more output: a flood shortens the wait
			case <-t.echo.typed: // a key: its answer is drawn at once
			case <-t.stop:
				return
			}
		}
		g := t.view.Glyphs()
		if g == nil { // the view has no canvas yet: it wakes us when it has
			if flushed != nil {
				close(flushed)
			}
			continue
		}
		switch {
		case painter == nil:
			painter = paint.NewPainter(g, *t.colors.Load())
		case painter.Glyphs() != g:
			painter.SetGlyphs(g)
		}
		if t.invalidate.Swap(false) {
			painter.SetTheme(*t.colors.Load())
		}
		painter.SetRowStyler(t.highlights.rowStyler())
		t.scr.Snapshot(&snap)
		t.overlay(&snap, &overlay)
		start, cellsBefore := time.Now(), painter.CellsDrawn
		damage := painter.Paint(&snap, &overlay)
		extents = extents[:0]
		for row := range snap.Rows {
			extents = append(extents, painter.Extent(row))
		}
		busy := time.Since(start) // painting, and below presenting: not waiting for the UI
		frame := termview.Frame{Image: painter.Image(), Damage: damage, Extents: extents, First: snap.FirstLine, Modes: snap.Modes}
		report := t.frameReport(&snap) // title, bell, scrollbar: nil when unchanged
		switch {
		case t.echo.hand(frame, report):
			shownFirst, shownModes = frame.First, frame.Modes
		case damage.Any() || frame.First != shownFirst || frame.Modes != shownModes:
			// The answer to a key that came too late for the key's own
			// handler (a server farther than echoWait) is drawn at once too.
			answer := damage.Any() && t.typedRecently()
			var took time.Duration // written on the UI goroutine, read once it ran
			if t.ui.wait(func() {
				t0 := time.Now()
				t.show(frame, report)
				if answer {
					t.echo.drawNow()
				}
				took = time.Since(t0)
			}) {
				busy += took
			}
			shownFirst, shownModes = frame.First, frame.Modes
		case report != nil:
			t.ui.do(report)
		}
		last = time.Now()
		if damage.Any() {
			stats.Frame(painter.CellsDrawn-cellsBefore, busy)
		}
		lastBusy, fed = busy, t.fed.Load()
		if snap.ColumnsSerial != columns {
			columns = snap.ColumnsSerial
			t.fit.columnsWanted(snap.ColumnsWanted, snap.Rows, columns)
		}
		if flushed != nil {
			close(flushed)
		}
	}
}

// paintTheme is the theme's colours for the painter. It reads the theme,
// which Fyne's layout changes while it runs (a tab's text size is a theme
// override): it runs on the UI goroutine, and the render loop takes its
// result through Tab.colors.
func paintTheme() *paint.Theme {
	return &paint.Theme{
		FG:        rgba(theme.Color(theme.ColorNameForeground)),
		BG:        rgba(theme.Color(theme.ColorNameBackground)),
		Cursor:    rgba(theme.Color(theme.ColorNamePrimary)),
		Selection: rgba(theme.Color(theme.ColorNameSelection)),
	}
}

// overlay fills ov with the cursor, the selection and the find matches
// of the rows in snap.
func (t *Tab) overlay(snap *screen.Snapshot, ov *paint.Overlay) {
	ov.Cursor = paint.MarkCursor
	if t.host.InBackground() {
		ov.Cursor = paint.MarkHollowCursor
	}
	for i := range ov.Spans {
		ov.Spans[i] = ov.Spans[i][:0]
	}
	if len(ov.Spans) < snap.Rows {
		ov.Spans = append(ov.Spans, make([][]paint.Span, snap.Rows-len(ov.Spans))...)
	}
	t.view.SelectionSpans(snap.FirstLine, snap.Rows, snap.Cols, ov.Spans)
	t.find.marks(snap, ov)
}

// frameReport returns what updates the tab title, bell and scrollbar on
// the UI goroutine, or nil when none of them changed. The render loop
// runs it with the frame it goes with: two UI calls could fall on either
// side of a repaint and cost the window two.
func (t *Tab) frameReport(snap *screen.Snapshot) func() {
	info := frameInfo{title: snap.Title, bells: snap.Bells, offset: snap.ViewOffset, scrollback: snap.Scrollback, rows: len(snap.Lines)}
	if info == t.shown {
		return nil
	}
	prev := t.shown
	t.shown = info
	return func() {
		if info.title != prev.title || info.bells != prev.bells {
			t.host.Retitle(t, info.title, t.bell.Ring(info.bells-prev.bells))
		}
		t.scroller.set(info.scrollback, info.rows, info.offset)
	}
}

// ShownText is the text of the rows the view shows (for tests and
// diagnostics): the model's view rows, blanks at line ends removed.
func (t *Tab) ShownText() string {
	var snap screen.Snapshot
	t.scr.Snapshot(&snap)
	a := screen.Pos{Line: snap.FirstLine}
	b := screen.Pos{Line: snap.FirstLine + int64(snap.Rows) - 1, Col: snap.Cols - 1}
	return t.scr.TextRange(a, b)
}
