//go:build e2e

package e2e

import (
	"image"
	"image/png"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
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
// arrives and its local echo drawn at once, not at Fyne's next tick; and
// with remote echo from a server 30 ms away (a router's CLI), each answer
// is drawn as it comes (gui/fasttick). TERN_STATS counts how often.
func TestKeysAreDrawnAsTheyArrive(t *testing.T) {
	for _, c := range []struct {
		name   string
		remote bool
	}{{"local echo", false}, {"remote echo 30 ms away", true}} {
		t.Run(c.name, func(t *testing.T) {
			var srv *Server
			env := []string{"TERN_STATS=1"}
			args := []string{"-close", "always"}
			if c.remote {
				srv = loopserver.StartScripted(t, echoAfter(30*time.Millisecond))
				profiles, _ := writeProfiles(t, map[string]any{"name": "remote", "connection": "raw", "localEcho": "off", "localEdit": "off"})
				env = append(env, profiles...)
				args = append(args, "-load", "remote")
			} else {
				srv = NewServer(t, []byte("220 ready\r\n"), false)
			}
			args = append(args, "127.0.0.1", srv.Port())
			a := LaunchWith(t, env, args...)
			for _, k := range []string{"a", "b", "c", "d", "e"} {
				a.Type(k)
				time.Sleep(150 * time.Millisecond)
			}
			a.cursorBand(t, "13-typed") // the window is drawn and alive
			srv.Drop()
			if err := a.WaitExit(30 * time.Second); err != nil {
				t.Fatal(err)
			}
			st := fasttickStats(t, a.Output())
			reads, echoes, answers := st["early-reads"], st["early-draws"], st["answers-drawn"]
			drawn := echoes
			if c.remote {
				drawn = answers
			}
			if reads < 1 || drawn < 1 {
				t.Fatalf("early reads %d, echoes drawn %d, answers drawn %d after five typed keys; Tern said:\n%s", reads, echoes, answers, a.Output())
			}
		})
	}
}

// TestAnIdleWindowRests: once nothing happens, the UI goroutine rests
// instead of waking at Fyne's 60 Hz tick (gui/fasttick), and a resting
// window still reads keys, sends them and draws their echo.
func TestAnIdleWindowRests(t *testing.T) {
	srv := NewServer(t, []byte("220 ready\r\n"), false)
	a := LaunchWith(t, []string{"TERN_STATS=1"}, "-close", "always", "127.0.0.1", srv.Port())
	before := a.cursorBand(t, "14-idle")
	time.Sleep(time.Second) // idle: rests
	a.typeLineAndSeeIt(t, srv, before, "15-after-rest")
	srv.Drop()
	if err := a.WaitExit(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	if rests := fasttickStats(t, a.Output())["rests"]; rests < 1 {
		t.Fatalf("the idle window never rested (rests=%d); Tern said:\n%s", rests, a.Output())
	}
}

// typeLineAndSeeIt types a line and checks that the server got it and
// that the window drew Return: the cursor moved below before.
func (a *App) typeLineAndSeeIt(t *testing.T, srv *Server, before band, shot string) {
	t.Helper()
	a.Type("hello")
	a.Key("Return")
	testwait.Holds(10*time.Second, func() bool { return strings.Contains(srv.Received(), "hello\r\n") })
	if got := srv.Received(); !strings.Contains(got, "hello\r\n") {
		t.Fatalf("typed a line, the server got %q", got)
	}
	if after := a.cursorBand(t, shot); after.top < before.bottom {
		t.Fatalf("Return was not drawn: the cursor stayed at rows %d-%d", after.top, after.bottom)
	}
}

// fasttickStats reads the counts TERN_STATS prints at exit for
// gui/fasttick ("tern-stats: early-reads=N early-draws=N …").
func fasttickStats(t *testing.T, output string) map[string]int {
	t.Helper()
	for _, line := range strings.Split(output, "\n") {
		if !strings.HasPrefix(line, "tern-stats: early-reads=") {
			continue
		}
		counts := map[string]int{}
		for _, kv := range strings.Fields(strings.TrimPrefix(line, "tern-stats:")) {
			name, value, _ := strings.Cut(kv, "=")
			n, err := strconv.Atoi(value)
			if err != nil {
				t.Fatalf("cannot read %q in %q: %v", kv, line, err)
			}
			counts[name] = n
		}
		return counts
	}
	t.Fatalf("Tern printed no fasttick counts; it said:\n%s", output)
	return nil
}

// echoAfter is a server that sends back what it reads, delay later.
func echoAfter(delay time.Duration) func(net.Conn) {
	return func(c net.Conn) {
		buf := make([]byte, 256)
		for {
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			time.Sleep(delay)
			if _, err := c.Write(buf[:n]); err != nil {
				return
			}
		}
	}
}
