package paint

import (
	"bytes"
	"image"
	"strconv"
	"testing"

	"golang.org/x/image/font/gofont/gomono"

	"github.com/tern-telnet/tern/gui/screen"
)

// TestDoubleHeightFrameIsWhole: vttest 4.5's frame of double-height lines
// has its sides inked on every pixel row between its top and bottom lines
// (they were mostly missing), and a double-height letter is drawn from the
// font at twice the size: more ink than a normal letter stretched.
func TestDoubleHeightFrameIsWhole(t *testing.T) {
	src := screen.New(80, 24, 0)
	frame := "\x1b(0\x1b[8;1H\x1b#3lqqqk\x1b[9;1H\x1b#4lqqqk"
	for r := 10; r <= 15; r++ {
		frame += "\x1b[" + strconv.Itoa(r) + ";1H\x1b#" + "34"[r%2:r%2+1] + "x\t\t\t\t\tx"
	}
	frame += "\x1b[16;1H\x1b#3mqqqj\x1b[17;1H\x1b#4mqqqj\x1b(B\x1b[20;1H\x1b#3A\x1b[21;1H\x1b#4A\x1b[23;1HA"
	src.Write([]byte(frame))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	img := paintFresh(t, &snap, nil)
	m := testGlyphs(t).Metrics()
	for _, col := range []int{0, 39} {
		x := col*2*m.CellW + m.CellW                // the centre of a doubled cell
		for y := 9 * m.CellH; y < 15*m.CellH; y++ { // the rows of x
			if c := img.RGBAAt(x, y); c == testTheme.BG {
				t.Fatalf("the frame's side at column %d has a gap at pixel row %d", col, y)
			}
		}
	}
	big := ink(img, image.Rect(0, 19*m.CellH, 2*m.CellW, 21*m.CellH), testTheme.BG)
	normal := ink(img, image.Rect(0, 22*m.CellH, m.CellW, 23*m.CellH), testTheme.BG)
	if big < 3*normal {
		t.Errorf("a double-height A has %d inked pixels, a normal one %d", big, normal)
	}
}

// TestDoubleSizeFollowsTheFont: after the text size changes, double-size
// lines are drawn with the new glyphs (their masks were kept across a
// change and drawn at the old size).
func TestDoubleSizeFollowsTheFont(t *testing.T) {
	src := screen.New(10, 3, 0)
	src.Write([]byte("\x1b#3AB\r\n\x1b#4AB\r\n\x1b#6AB"))
	var snap screen.Snapshot
	src.Snapshot(&snap)
	p := NewPainter(testGlyphs(t), testTheme)
	p.Paint(&snap, nil)
	bigger, err := NewGlyphs([][]byte{gomono.TTF}, Metrics{CellW: 11, CellH: 23, TextPx: 18})
	if err != nil {
		t.Fatal(err)
	}
	p.SetGlyphs(bigger)
	p.Paint(&snap, nil)
	fresh := NewPainter(bigger, testTheme)
	fresh.Paint(&snap, nil)
	if !bytes.Equal(p.Image().Pix, fresh.Image().Pix) {
		t.Fatal("double-size lines after a change of font differ from a fresh painting")
	}
}
