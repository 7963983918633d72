//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// band is a run of screenshot rows holding pixels of one colour class.
type band struct {
	top, bottom int // rows, bottom exclusive
	pixels      int
}

// bands finds the runs of rows (gaps of up to two rows joined) whose
// pixels in columns [x0, x1) and rows from y0 match, with their counts.
func bands(img image.Image, x0, x1, y0 int, match func(r, g, b uint32) bool) []band {
	var out []band
	gap := 99
	for y := y0; y < img.Bounds().Max.Y; y++ {
		n := 0
		for x := x0; x < min(x1, img.Bounds().Max.X); x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if match(r>>8, g>>8, b>>8) {
				n++
			}
		}
		switch {
		case n > 0 && gap <= 2 && len(out) > 0:
			out[len(out)-1].bottom, out[len(out)-1].pixels = y+1, out[len(out)-1].pixels+n
			gap = 0
		case n > 0:
			out = append(out, band{top: y, bottom: y + 1, pixels: n})
			gap = 0
		default:
			gap++
		}
	}
	return out
}

func green(r, g, b uint32) bool { return g > 100 && g > r+60 && g > b+60 }

func loadPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestBoldAndUnderlineAreDrawn: the same green letters plain, bold and
// underlined, as a server sends them, look different in the real window:
// bold has more ink, underline a line under the letters.
func TestBoldAndUnderlineAreDrawn(t *testing.T) {
	const hs = "HHHHHHHHHHHH"
	srv := NewServer(t, []byte("\x1b[38;5;46m"+hs+"\x1b[0m\r\n\r\n"+
		"\x1b[1;38;5;46m"+hs+"\x1b[0m\r\n\r\n"+
		"\x1b[4;38;5;46m"+hs+"\x1b[0m\r\n\r\n"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	a.Screenshot("10-bold-underline-screen")
	path := filepath.Join(ShotDir(t), "10-bold-underline.png")
	a.ScreenshotWindow(path)
	got := bands(loadPNG(t, path), 0, 400, 0, green)
	if len(got) != 3 {
		t.Fatalf("found %d bands of green text, want 3 (plain, bold, underlined): %+v", len(got), got)
	}
	plain, bold, under := got[0], got[1], got[2]
	t.Logf("green pixels: plain %d (rows %d), bold %d (rows %d), underlined %d (rows %d)",
		plain.pixels, plain.bottom-plain.top, bold.pixels, bold.bottom-bold.top, under.pixels, under.bottom-under.top)
	if bold.pixels*100 < plain.pixels*115 {
		t.Errorf("bold text has %d green pixels, plain %d: bold is not drawn", bold.pixels, plain.pixels)
	}
	if under.bottom-under.top <= plain.bottom-plain.top || under.pixels < plain.pixels+len(hs)*5 {
		t.Errorf("underlined text (%d pixels, %d rows) looks like plain text (%d pixels, %d rows)",
			under.pixels, under.bottom-under.top, plain.pixels, plain.bottom-plain.top)
	}
}

// TestEnterIsDrawnAtOnce: with local echo, Return moves the cursor to the
// next line at once, not on the next key.
func TestEnterIsDrawnAtOnce(t *testing.T) {
	srv := NewServer(t, []byte("220 ready\r\n"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	a.Type("abc")
	before := a.cursorBand(t, "11-before-return")
	a.Key("Return")
	after := a.cursorBand(t, "12-after-return")
	if after.top < before.bottom {
		t.Fatalf("after Return the cursor is at rows %d-%d, before it was at %d-%d: Return was not drawn",
			after.top, after.bottom, before.top, before.bottom)
	}
}

// cursorBand finds the cursor (the theme's primary colour) in the
// terminal's first columns, below the tab bar.
func (a *App) cursorBand(t *testing.T, name string) band {
	t.Helper()
	path := filepath.Join(ShotDir(t), name+".png")
	a.ScreenshotWindow(path)
	blue := func(r, g, b uint32) bool { return b > 180 && r < 120 && g < 170 }
	for _, b := range bands(loadPNG(t, path), 0, 60, 112, blue) {
		if b.bottom-b.top >= 10 {
			return b
		}
	}
	t.Fatalf("no cursor in %s", path)
	return band{}
}

// TestKeysAreDrawnAsTheyArrive: on X11 a typed key is read when it
// arrives and its local echo drawn at once, not at Fyne's next tick
// (gui/fasttick); TERN_STATS counts how often that happened.
func TestKeysAreDrawnAsTheyArrive(t *testing.T) {
	srv := NewServer(t, []byte("220 ready\r\n"), false)
	a := LaunchWith(t, []string{"TERN_STATS=1"}, "-close", "always", "127.0.0.1", srv.Port())
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		a.Type(k)
		time.Sleep(100 * time.Millisecond)
	}
	a.cursorBand(t, "13-typed") // the window is drawn and alive
	srv.Drop()
	if err := a.WaitExit(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	var reads, draws int
	for _, line := range strings.Split(a.Output(), "\n") {
		if _, err := fmt.Sscanf(line, "tern-stats: early-reads=%d early-draws=%d", &reads, &draws); err == nil {
			break
		}
	}
	if draws < 1 || reads < draws {
		t.Fatalf("early reads %d, early draws %d after five typed keys; Tern said:\n%s", reads, draws, a.Output())
	}
}
