package paint

import (
	"image/color"
	"testing"

	"github.com/tern-telnet/tern/gui/screen"
)

// testPuTTYPalette gives every PuTTY colour its own value: Colour i is
// (i*10, 255-i*10, i).
func testPuTTYPalette() *PuTTYPalette {
	var p PuTTYPalette
	for i := range p {
		p[i] = color.RGBA{uint8(i * 10), uint8(255 - i*10), uint8(i), 255}
	}
	return &p
}

func TestPuTTYPaletteIsDrawn(t *testing.T) {
	pal := testPuTTYPalette()
	th := testTheme.WithPuTTY(pal)
	src := screen.New(12, 2, 0)
	// Cells 0..6: default bg, red bg, bright red bg, reversed (default fg),
	// bold reversed (bold fg), bold red reversed (bright red), white bg.
	src.Write([]byte(" \x1b[41m \x1b[101m \x1b[0;7m \x1b[1m \x1b[31m \x1b[0;47m \x1b[0m"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	p := NewPainter(testGlyphs(t), th)
	p.Paint(&snap, &Overlay{Cursor: MarkCursor})
	img := p.Image()
	m := p.Glyphs().Metrics()
	at := func(col int) color.RGBA { return img.RGBAAt(col*m.CellW+1, 1) }
	cases := []struct {
		col  int
		want color.RGBA
		name string
	}{
		{0, pal[2], "Colour2 default background"},
		{1, pal[8], "Colour8 ANSI red"},
		{2, pal[9], "Colour9 ANSI red bold"},
		{3, pal[0], "Colour0 default foreground"},
		{4, pal[1], "Colour1 default bold foreground"},
		{5, pal[9], "bold red is Colour9"},
		{6, pal[20], "Colour20 ANSI white"},
		{7, pal[5], "Colour5 cursor colour"},
		{8, pal[2], "the rest of the row"},
	}
	for _, c := range cases {
		if got := at(c.col); got != c.want {
			t.Errorf("cell %d (%s): got %v, want %v", c.col, c.name, got, c.want)
		}
	}
}

func TestCursorTextColour(t *testing.T) {
	pal := testPuTTYPalette()
	th := testTheme.WithPuTTY(pal)
	if got := th.cursorText(); got != pal[4] {
		t.Errorf("cursor text %v, want Colour4 %v", got, pal[4])
	}
	if got := testTheme.cursorText(); got != testTheme.BG {
		t.Errorf("without a palette the cursor text is %v, want the background", got)
	}
	if got := testTheme.WithPuTTY(nil); got.ANSI != nil || got.FG != testTheme.FG {
		t.Errorf("a nil palette changed the theme: %+v", got)
	}
}

func TestParsePuTTYPalette(t *testing.T) {
	good := make([]string, 22)
	for i := range good {
		good[i] = HexColour(color.RGBA{uint8(i), 0xAB, 0xcd, 255})
	}
	p := ParsePuTTYPalette(good)
	if p == nil || p[21] != (color.RGBA{21, 0xab, 0xcd, 255}) || good[21] != "#15abcd" {
		t.Fatalf("parsed %v from %q", p, good)
	}
	bad := [][]string{nil, good[:21], append(append([]string(nil), good[:21]...), "#12345"), append(append([]string(nil), good[:21]...), "#12345g"), append(append([]string(nil), good[:21]...), "112233")}
	for _, b := range bad {
		if ParsePuTTYPalette(b) != nil {
			t.Errorf("%q parsed", b)
		}
	}
	if c, ok := ParseHexColour("#FFaa00"); !ok || c != (color.RGBA{255, 170, 0, 255}) {
		t.Errorf("upper-case hex: %v %v", c, ok)
	}
}
