package paint

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gomono"

	"github.com/tern-telnet/tern/gui/screen"
)

var testTheme = Theme{
	FG:        color.RGBA{220, 220, 220, 255},
	BG:        color.RGBA{20, 20, 20, 255},
	Cursor:    color.RGBA{40, 120, 250, 255},
	Selection: color.RGBA{60, 60, 140, 255},
}

func testGlyphs(t testing.TB) *Glyphs {
	t.Helper()
	g, err := NewGlyphs([][]byte{gomono.TTF}, Metrics{CellW: 8, CellH: 17, TextPx: 13})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// paintFresh draws snap from nothing.
func paintFresh(t testing.TB, snap *screen.Snapshot, ov *Overlay) *image.RGBA {
	p := NewPainter(testGlyphs(t), testTheme)
	p.Paint(snap, ov)
	return p.Image()
}

// TestIncrementalFramesMatchFreshOnes is the "no half-made frame" check:
// after every write, the picture the painter brought up to date (moving
// rows, redrawing only changed cells) is exactly what drawing the whole
// snapshot from scratch gives.
func TestIncrementalFramesMatchFreshOnes(t *testing.T) {
	writes := []string{
		"login: ",
		"alice\r\nPassword:\r\n",
		"\x1b[1mbold\x1b[0m \x1b[4munder\x1b[0m \x1b[7mrev\x1b[0m \x1b[31;44mcolour\x1b[0m\r\n",
		strings.Repeat("a scrolling line of log text\r\n", 7),
		"日本語 wide\r\n",
		"\x1b[3;5Hx\x1b[10;1H",
		"\x1b[2J\x1b[H" + strings.Repeat("top-like row\r\n", 5),
		"\x1b(0lqqk\x1b(B\r\n",
		"tail\r\n",
	}
	src := screen.New(40, 12, 100)
	p := NewPainter(testGlyphs(t), testTheme)
	var snap screen.Snapshot
	for i, w := range writes {
		src.Write([]byte(w))
		src.Snapshot(&snap)
		ov := &Overlay{Cursor: MarkCursor}
		if i%3 == 1 {
			ov.Spans = [][]Span{{{Col: 1, Len: 4, Mark: MarkSelected}}, nil, {{Col: 0, Len: 2, Mark: MarkFound}}}
		}
		p.Paint(&snap, ov)
		want := paintFresh(t, &snap, ov)
		if !bytes.Equal(p.Image().Pix, want.Pix) {
			t.Fatalf("after write %d (%q) the incremental picture differs from a fresh one", i, w)
		}
	}
}

func TestRandomWritesKeepFramesWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"x", "hello ", "\r\n", "\x1b[1m", "\x1b[0m", "\x1b[4m", "\x1b[7m", "\x1b[32m", "\x1b[H", "\x1b[5;3H", "\x1b[K", "\x1b[2J", "é", "中", "\b", "\t", "\x1b[M", "\x1b[L", "\x1b[?5h", "\x1b[?5l", "\x1b#6", "\x1b#3", "\x1b#4", "\x1b#5", "\x1b[S"}
	src := screen.New(20, 6, 50)
	p := NewPainter(testGlyphs(t), testTheme)
	var snap screen.Snapshot
	for i := range 600 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src.Write([]byte(b.String()))
		src.Snapshot(&snap)
		ov := &Overlay{Cursor: Mark(MarkCursor << (i % 2))}
		p.Paint(&snap, ov)
		if want := paintFresh(t, &snap, ov); !bytes.Equal(p.Image().Pix, want.Pix) {
			t.Fatalf("step %d (%q): incremental picture differs from a fresh one", i, b.String())
		}
	}
}

func TestUnchangedScreenPaintsNothing(t *testing.T) {
	src := screen.New(20, 5, 0)
	src.Write([]byte("hello"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	p := NewPainter(testGlyphs(t), testTheme)
	if d := p.Paint(&snap, nil); !d.Any() {
		t.Fatal("first paint drew nothing")
	}
	before := p.CellsDrawn
	if d := p.Paint(&snap, nil); d.Any() || p.CellsDrawn != before {
		t.Fatalf("unchanged screen: damage %+v, %d cells drawn", d, p.CellsDrawn-before)
	}
}

// TestScrollMovesRows: a log line arriving at the bottom of a full screen
// redraws the new row, not every row.
func TestScrollMovesRows(t *testing.T) {
	const cols, rows = 80, 24
	src := screen.New(cols, rows, 100)
	for i := range rows {
		fmt.Fprintf(src, "%%SYS-5-CONFIG_I: line %d configured from console\r\n", i)
	}
	var snap screen.Snapshot
	src.Snapshot(&snap)
	p := NewPainter(testGlyphs(t), testTheme)
	p.Paint(&snap, &Overlay{Cursor: MarkCursor})
	before := p.CellsDrawn
	fmt.Fprintf(src, "%%SYS-5-CONFIG_I: one more line\r\n")
	src.Snapshot(&snap)
	p.Paint(&snap, &Overlay{Cursor: MarkCursor})
	if drawn := p.CellsDrawn - before; drawn > 2*cols+2 {
		t.Fatalf("a one-line scroll drew %d cells (more than two rows of %d)", drawn, cols)
	}
	if want := paintFresh(t, &snap, &Overlay{Cursor: MarkCursor}); !bytes.Equal(p.Image().Pix, want.Pix) {
		t.Fatal("picture after the scroll differs from a fresh one")
	}
}

// ink counts the pixels of a cell that are not the background.
func ink(img *image.RGBA, r image.Rectangle, bg color.RGBA) (n int) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.RGBAAt(x, y) != bg {
				n++
			}
		}
	}
	return n
}

func TestBoldAndUnderlineAreDrawn(t *testing.T) {
	src := screen.New(10, 2, 0)
	src.Write([]byte("H\x1b[1mH\x1b[0m\x1b[4mH\x1b[0m\x1b[9m \x1b[0m"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	img := paintFresh(t, &snap, nil)
	cell := func(col int) image.Rectangle { return image.Rect(col*8, 0, col*8+8, 17) }
	plain, bold, under, strike := ink(img, cell(0), testTheme.BG), ink(img, cell(1), testTheme.BG), ink(img, cell(2), testTheme.BG), ink(img, cell(3), testTheme.BG)
	if bold <= plain {
		t.Errorf("bold H has %d inked pixels, plain %d: bold is not drawn", bold, plain)
	}
	if under < plain+6 {
		t.Errorf("underlined H has %d inked pixels, plain %d: no underline", under, plain)
	}
	if strike < 6 { // a struck-out space: the line alone
		t.Errorf("struck-out H has %d inked pixels, plain %d: no line", strike, plain)
	}
	// The underline is below the letter: the plain cell has no ink there.
	g := testGlyphs(t)
	y := g.Baseline() + 1
	row := image.Rect(16, y, 24, y+1)
	if ink(img, row, testTheme.BG) < 6 || ink(img, image.Rect(0, y, 8, y+1), testTheme.BG) != 0 {
		t.Error("the underline is not a line under the letter")
	}
}

func TestCursorAndMarks(t *testing.T) {
	src := screen.New(10, 2, 0)
	src.Write([]byte("abc"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	img := paintFresh(t, &snap, &Overlay{Cursor: MarkCursor, Spans: [][]Span{{{Col: 0, Len: 1, Mark: MarkSelected}, {Col: 1, Len: 1, Mark: MarkFound}}}})
	if got := img.RGBAAt(3*8, 0); got != testTheme.Cursor {
		t.Errorf("cursor cell corner is %v, want the cursor colour", got)
	}
	if got := img.RGBAAt(0, 0); got != testTheme.Selection {
		t.Errorf("selected cell corner is %v, want the selection colour", got)
	}
	if got := img.RGBAAt(8, 0); got != testTheme.FG {
		t.Errorf("found cell corner is %v, want reversed (the text colour)", got)
	}
	hollow := paintFresh(t, &snap, &Overlay{Cursor: MarkHollowCursor})
	if hollow.RGBAAt(3*8, 0) != testTheme.Cursor || hollow.RGBAAt(3*8+4, 8) != testTheme.BG {
		t.Error("the unfocused cursor is not a hollow box")
	}
}

func TestDECGraphicsPicturesAreDrawn(t *testing.T) {
	src := screen.New(10, 2, 0)
	src.Write([]byte("\u2409\u240a\u23ba\u23bd"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	img := paintFresh(t, &snap, nil)
	for col := range 4 {
		if n := ink(img, image.Rect(col*8, 0, col*8+8, 17), testTheme.BG); n == 0 {
			t.Errorf("column %d: nothing drawn", col)
		}
	}
}

func BenchmarkScrollOneLine(b *testing.B) {
	const cols, rows = 144, 34
	src := screen.New(cols, rows, 1000)
	p := NewPainter(testGlyphs(b), testTheme)
	var snap screen.Snapshot
	for i := 0; b.Loop(); i++ {
		fmt.Fprintf(src, "\x1b[32m%06d\x1b[0m %%LINK-3-UPDOWN: Interface GigabitEthernet0/%d, changed state to up\r\n", i, i%48)
		src.Snapshot(&snap)
		p.Paint(&snap, &Overlay{Cursor: MarkCursor})
	}
}

func BenchmarkFullRepaint(b *testing.B) {
	const cols, rows = 144, 34
	src := screen.New(cols, rows, 1000)
	for i := range rows {
		fmt.Fprintf(src, "\x1b[3%dm%s\x1b[0m\r\n", i%8, strings.Repeat("x", cols-1))
	}
	var snap screen.Snapshot
	src.Snapshot(&snap)
	p := NewPainter(testGlyphs(b), testTheme)
	for b.Loop() {
		p.SetTheme(testTheme)
		p.Paint(&snap, nil)
	}
}

// TestBoxLinesMeetAcrossCells: line characters reach the cell's edges,
// so boxes close whatever the font's line height.
func TestBoxLinesMeetAcrossCells(t *testing.T) {
	g := testGlyphs(t)
	m := g.Metrics()
	cases := []struct {
		r    rune
		x, y int // a pixel that must be inked
	}{
		{'│', m.CellW / 2, 0}, {'│', m.CellW / 2, m.CellH - 1},
		{'─', 0, m.CellH / 2}, {'─', m.CellW - 1, m.CellH / 2},
		{'┌', m.CellW - 1, m.CellH / 2}, {'┌', m.CellW / 2, m.CellH - 1},
		{'╝', m.CellW/2 - 2, 0}, {'╝', 0, m.CellH/2 - 2},
		{'█', 0, 0}, {'▄', m.CellW - 1, m.CellH - 1},
	}
	for _, c := range cases {
		if a := g.Mask(c.r, false, false).AlphaAt(c.x, c.y).A; a == 0 {
			t.Errorf("%c: pixel %d,%d is not inked", c.r, c.x, c.y)
		}
	}
	if a := g.Mask('┌', false, false).AlphaAt(0, 0).A; a != 0 {
		t.Error("┌ inks its top-left corner")
	}
	// No spur past a corner: left of ┌'s vertical line, above its
	// horizontal one (stretched on a double-size line, a spur showed).
	for _, p := range []image.Point{{m.CellW/2 - 1, m.CellH / 2}, {m.CellW / 2, m.CellH/2 - 1}} {
		if a := g.Mask('┌', false, false).AlphaAt(p.X, p.Y).A; a != 0 {
			t.Errorf("┌ inks %v, past its corner", p)
		}
	}
	if len(boxArms) != 80+33+12 {
		t.Errorf("%d line characters in the table", len(boxArms))
	}
}

func TestReverseScreenAndDoubleWidth(t *testing.T) {
	src := screen.New(10, 3, 0)
	src.Write([]byte("\x1b#6AB\r\nAB"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	img := paintFresh(t, &snap, nil)
	wideInk := ink(img, image.Rect(0, 0, 16, 17), testTheme.BG)
	narrowInk := ink(img, image.Rect(0, 17, 8, 34), testTheme.BG)
	if wideInk < narrowInk*3/2 {
		t.Errorf("a double-width A has %d inked pixels, a normal one %d", wideInk, narrowInk)
	}
	src.Write([]byte("\x1b[?5h"))
	src.Snapshot(&snap)
	if got := paintFresh(t, &snap, nil).RGBAAt(79, 50); got != testTheme.FG {
		t.Errorf("an empty cell of a reversed screen is %v, want the text colour", got)
	}
}

func TestDamageAndExtent(t *testing.T) {
	src := screen.New(20, 6, 10)
	src.Write([]byte("ab\r\n\r\n\x1b[41m  \x1b[0m"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	p := NewPainter(testGlyphs(t), testTheme)
	p.Paint(&snap, nil)
	for row, want := range []int{2 * 8, 0, 2 * 8, 0, 0, 0} {
		if got := p.Extent(row); got != want {
			t.Errorf("row %d: extent %d, want %d", row, got, want)
		}
	}
	src.Write([]byte("\x1b[1;1Hx"))
	src.Snapshot(&snap)
	d := p.Paint(&snap, nil)
	if d.Scrolled != 0 || !d.Changed[0] || d.Changed[1] || d.Changed[2] {
		t.Errorf("one changed cell: damage %+v", d)
	}
	src.Write([]byte("\x1b[6;1H\r\nlast"))
	src.Snapshot(&snap)
	d = p.Paint(&snap, nil)
	if d.Scrolled != 1 || !d.Changed[5] {
		t.Errorf("a scroll: damage %+v", d)
	}
}

// TestScrollingMakesNoGarbage: once the scrollback is full (its lines are
// then reused), a log line scrolling the screen allocates nothing in the
// model or the painter.
func TestScrollingMakesNoGarbage(t *testing.T) {
	src := screen.New(80, 24, 100)
	p := NewPainter(testGlyphs(t), testTheme)
	var snap screen.Snapshot
	line := []byte("%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up\r\n")
	ov := &Overlay{Cursor: MarkCursor}
	for range 150 {
		src.Write(line)
		src.Snapshot(&snap)
		p.Paint(&snap, ov)
	}
	allocs := testing.AllocsPerRun(50, func() {
		src.Write(line)
		src.Snapshot(&snap)
		p.Paint(&snap, ov)
	})
	if allocs > 0 {
		t.Fatalf("%.1f allocations per scrolled line", allocs)
	}
}
