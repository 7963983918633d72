package termview

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
)

// showInterfacesStatus is a Cisco switch's table, whose columns people copy.
const showInterfacesStatus = "Port      Name      Status       Vlan\r\n" +
	"Gi1/0/1   uplink    connected    trunk\r\n" +
	"Gi1/0/2             notconnect   10\r\n" +
	"Gi1/0/3   printer   connected    20"

// mouseRig is a 40x6 view over a screen, with what its hooks were given.
type mouseRig struct {
	t       *testing.T
	v       *View
	copies  []string
	reports []string
	scrolls []int
	pastes  []bool
}

func newMouseRig(t *testing.T, text string) *mouseRig {
	test.NewTempApp(t)
	scr := screen.New(40, 6, 100)
	scr.Write([]byte(text))
	r := &mouseRig{t: t, v: New(scr)}
	r.v.OnCopy = func(s string) { r.copies = append(r.copies, s) }
	r.v.OnReport = func(seq []byte) { r.reports = append(r.reports, string(seq)) }
	r.v.OnScroll = func(n int) { r.scrolls = append(r.scrolls, n) }
	r.v.OnPaste = func(primary bool) { r.pastes = append(r.pastes, primary) }
	r.v.Resize(fyne.NewSize(1, 1)) // measures the cell
	cell := r.v.CellSize()
	r.v.Resize(fyne.NewSize(cell.Width*40, cell.Height*6))
	if cols, rows := r.v.Cells(); cols != 40 || rows != 6 {
		t.Fatalf("view holds %dx%d cells, want 40x6", cols, rows)
	}
	return r
}

// at is the middle of a cell.
func (r *mouseRig) at(row, col int) fyne.Position {
	c := r.v.CellSize()
	return fyne.NewPos((float32(col)+0.5)*c.Width, (float32(row)+0.5)*c.Height)
}

func (r *mouseRig) mouse(row, col int, b desktop.MouseButton, mods fyne.KeyModifier) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: r.at(row, col)}, Button: b, Modifier: mods}
}

// drag presses the left button at one cell, drags to another and lets go.
func (r *mouseRig) drag(fromRow, fromCol, toRow, toCol int, mods fyne.KeyModifier) {
	r.v.MouseDown(r.mouse(fromRow, fromCol, desktop.MouseButtonPrimary, mods))
	from, to := r.at(fromRow, fromCol), r.at(toRow, toCol)
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	r.v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	r.v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	r.v.DragEnd()
	r.v.MouseUp(r.mouse(toRow, toCol, desktop.MouseButtonPrimary, mods))
}

func (r *mouseRig) lastCopy() string {
	r.t.Helper()
	if len(r.copies) == 0 {
		r.t.Fatal("nothing was copied")
	}
	return r.copies[len(r.copies)-1]
}

func (r *mouseRig) spans() [][]paint.Span {
	spans := make([][]paint.Span, 6)
	r.v.SelectionSpans(0, 6, 40, spans)
	return spans
}

func TestDragSelectsTextAndCopiesIt(t *testing.T) {
	cases := []struct {
		name                   string
		fromRow, fromCol       int
		toRow, toCol           int
		want                   string
		wantFirstRow, wantRows int
	}{
		{"within a line", 1, 0, 1, 6, "Gi1/0/1", 1, 1},
		{"across lines, trailing blanks cut", 1, 10, 2, 6, "uplink    connected    trunk\nGi1/0/2", 1, 2},
		{"backwards", 2, 6, 1, 10, "uplink    connected    trunk\nGi1/0/2", 1, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newMouseRig(t, showInterfacesStatus)
			r.drag(c.fromRow, c.fromCol, c.toRow, c.toCol, 0)
			if got := r.lastCopy(); got != c.want {
				t.Errorf("copied %q, want %q", got, c.want)
			}
			if got := r.v.SelectedText(); got != c.want {
				t.Errorf("SelectedText %q, want %q", got, c.want)
			}
			var rows []int
			for i, s := range r.spans() {
				if len(s) > 0 {
					rows = append(rows, i)
				}
			}
			if len(rows) != c.wantRows || rows[0] != c.wantFirstRow {
				t.Errorf("rows marked %v, want %d from %d", rows, c.wantRows, c.wantFirstRow)
			}
		})
	}
}

func TestAltDragSelectsRectangle(t *testing.T) {
	r := newMouseRig(t, showInterfacesStatus)
	r.drag(0, 20, 3, 32, fyne.KeyModifierAlt)
	want := "Status\nconnected\nnotconnect\nconnected"
	if got := r.lastCopy(); got != want {
		t.Errorf("Alt-drag copied %q, want %q", got, want)
	}
	spans := r.spans()
	for row := range 4 {
		if want := []paint.Span{{Col: 20, Len: 13, Mark: paint.MarkSelected}}; !slices.Equal(spans[row], want) {
			t.Errorf("row %d marked %v, want %v", row, spans[row], want)
		}
	}
	if len(spans[4]) != 0 {
		t.Errorf("row 4 marked %v", spans[4])
	}
	// Dragging up and to the left gives the same rectangle.
	r.drag(3, 32, 0, 20, fyne.KeyModifierAlt)
	if got := r.lastCopy(); got != want {
		t.Errorf("Alt-drag backwards copied %q, want %q", got, want)
	}
	// Without Alt the next drag is a run of text again.
	r.drag(0, 20, 1, 5, 0)
	if got := r.lastCopy(); got != "Status       Vlan\nGi1/0/" {
		t.Errorf("plain drag after Alt-drag copied %q", got)
	}
}

func TestDoubleClickSelectsWord(t *testing.T) {
	r := newMouseRig(t, showInterfacesStatus)
	r.v.DoubleTapped(&fyne.PointEvent{Position: r.at(2, 24)})
	if got := r.lastCopy(); got != "notconnect" {
		t.Errorf("double click copied %q, want notconnect", got)
	}
	if want := []paint.Span{{Col: 20, Len: 10, Mark: paint.MarkSelected}}; !slices.Equal(r.spans()[2], want) {
		t.Errorf("row 2 marked %v, want %v", r.spans()[2], want)
	}
}

func TestTripleClickSelectsLine(t *testing.T) {
	r := newMouseRig(t, showInterfacesStatus)
	for range 3 {
		r.v.MouseDown(r.mouse(3, 12, desktop.MouseButtonPrimary, 0))
		r.v.MouseUp(r.mouse(3, 12, desktop.MouseButtonPrimary, 0))
	}
	if got := r.lastCopy(); got != "Gi1/0/3   printer   connected    20" {
		t.Errorf("triple click copied %q", got)
	}
	// Clicks on different cells are not a triple click.
	r.copies = nil
	r.v.ClearSelection()
	for col := range 3 {
		r.v.MouseDown(r.mouse(1, col, desktop.MouseButtonPrimary, 0))
	}
	if len(r.copies) != 0 || r.v.SelectedText() != "" {
		t.Errorf("three clicks on three cells selected %q", r.v.SelectedText())
	}
}

func TestClickCount(t *testing.T) {
	var c clickCount
	p, q := screen.Pos{Line: 1, Col: 2}, screen.Pos{Line: 1, Col: 3}
	t0 := time.Unix(1000, 0)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	steps := []struct {
		at   time.Time
		pos  screen.Pos
		want int
	}{
		{ms(0), p, 1},
		{ms(200), p, 2},
		{ms(400), p, 3},
		{ms(450), p, 1},  // a fourth starts over
		{ms(2000), p, 1}, // too slow
		{ms(2100), q, 1}, // another cell
		{ms(2200), q, 2},
	}
	for i, s := range steps {
		if got := c.press(s.pos, s.at); got != s.want {
			t.Errorf("press %d: count %d, want %d", i, got, s.want)
		}
	}
}

func TestWheelScrollsHistoryInWholeLines(t *testing.T) {
	r := newMouseRig(t, showInterfacesStatus)
	for _, dy := range []float32{8, 8, 48, -16, -4} {
		r.v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: r.at(0, 0)}, Scrolled: fyne.NewDelta(0, dy)})
	}
	if want := []int{1, 3, -1}; !slices.Equal(r.scrolls, want) {
		t.Errorf("scrolled %v, want %v", r.scrolls, want)
	}
	if len(r.reports) != 0 {
		t.Errorf("reports without a mouse mode: %q", r.reports)
	}
}

func TestMouseReports(t *testing.T) {
	sgr := screen.Modes{Mouse: 1002, MouseSGR: true}
	cases := []struct {
		name   string
		modes  screen.Modes
		act    func(r *mouseRig)
		want   []string
		copied bool
	}{
		{"press and release", sgr, func(r *mouseRig) {
			r.v.MouseDown(r.mouse(2, 4, desktop.MouseButtonPrimary, 0))
			r.v.MouseUp(r.mouse(2, 4, desktop.MouseButtonPrimary, 0))
		}, []string{"\x1b[<0;5;3M", "\x1b[<0;5;3m"}, false},
		{"right button", sgr, func(r *mouseRig) {
			r.v.MouseDown(r.mouse(0, 0, desktop.MouseButtonSecondary, 0))
		}, []string{"\x1b[<2;1;1M"}, false},
		{"a drag is motion with the button held", sgr, func(r *mouseRig) {
			r.drag(0, 0, 0, 2, 0)
		}, []string{"\x1b[<0;1;1M", "\x1b[<32;2;1M", "\x1b[<32;3;1M", "\x1b[<0;3;1m"}, false},
		{"1000 has no motion", screen.Modes{Mouse: 1000}, func(r *mouseRig) {
			r.drag(0, 0, 0, 2, 0)
		}, []string{"\x1b[M !!", "\x1b[M##!"}, false},
		{"wheel", sgr, func(r *mouseRig) {
			r.v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: r.at(1, 1)}, Scrolled: fyne.NewDelta(0, 32)})
			r.v.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: r.at(1, 1)}, Scrolled: fyne.NewDelta(0, -16)})
		}, []string{"\x1b[<64;2;2M", "\x1b[<64;2;2M", "\x1b[<65;2;2M"}, false},
		{"Shift selects instead", sgr, func(r *mouseRig) {
			r.drag(1, 0, 1, 6, fyne.KeyModifierShift)
		}, nil, true},
		{"double click is not a word while reporting", sgr, func(r *mouseRig) {
			r.v.DoubleTapped(&fyne.PointEvent{Position: r.at(2, 24)})
		}, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newMouseRig(t, showInterfacesStatus)
			r.v.Present(Frame{Modes: c.modes})
			c.act(r)
			if !slices.Equal(r.reports, c.want) {
				t.Errorf("reports %q, want %q", r.reports, c.want)
			}
			if copied := len(r.copies) > 0; copied != c.copied {
				t.Errorf("copied %q, want a copy: %v", r.copies, c.copied)
			}
			if len(r.scrolls) != 0 || len(r.pastes) != 0 {
				t.Errorf("scrolled %v, pasted %v while reporting", r.scrolls, r.pastes)
			}
		})
	}
}

func TestClicksPasteWhenNotReporting(t *testing.T) {
	r := newMouseRig(t, showInterfacesStatus)
	r.v.MouseDown(r.mouse(0, 0, desktop.MouseButtonSecondary, 0))
	r.v.MouseDown(r.mouse(0, 0, desktop.MouseButtonTertiary, 0))
	if want := []bool{false, true}; !slices.Equal(r.pastes, want) {
		t.Errorf("pastes (primary?) %v, want %v", r.pastes, want)
	}
}

// TestAltDragEndIsReported: the end of an Alt-drag is reported (the tab
// closes the menu Fyne opens when Alt is let go); a plain drag's is not.
func TestAltDragEndIsReported(t *testing.T) {
	r := newMouseRig(t, showInterfacesStatus)
	ends := 0
	r.v.OnAltDragEnd = func() { ends++ }
	r.drag(0, 20, 3, 32, fyne.KeyModifierAlt)
	r.drag(0, 20, 3, 32, 0)
	r.v.MouseDown(r.mouse(0, 0, desktop.MouseButtonPrimary, fyne.KeyModifierAlt)) // a click, no drag
	if ends != 1 {
		t.Errorf("%d Alt-drag ends reported, want 1", ends)
	}
}
