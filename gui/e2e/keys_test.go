//go:build e2e

package e2e

import (
	"image"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A key pressed through the X server (XTEST) and the bytes that must
// reach a Telnet server in character mode: the key table's
// (gui/termkeys/keytable.go), as the Telnet engine sends them (Return as
// CR LF, Backspace as the session's ^?).
type wireKey struct{ key, want string }

// TestKeysReachTheServerAsTheTableSays presses each key of the key table
// (and the nine) with XTEST, a comma after each, against a
// loopback server in Telnet character mode, first in normal mode, then
// after the server asked for application cursor keys and keypad
// (DECCKM, DECKPAM). The last comma is the barrier: once it has arrived,
// every key's bytes have, and Ctrl+Insert (a copy) sent nothing.
func TestKeysReachTheServerAsTheTableSays(t *testing.T) {
	normal := []wireKey{
		{"Up", "\x1b[A"}, {"Down", "\x1b[B"}, {"Right", "\x1b[C"}, {"Left", "\x1b[D"},
		{"ctrl+Up", "\x1b[1;5A"}, {"ctrl+Right", "\x1b[1;5C"}, {"shift+Up", "\x1b[1;2A"},
		{"alt+Up", "\x1b[1;3A"}, {"ctrl+shift+Up", "\x1b[1;6A"},
		{"Home", "\x1b[H"}, {"End", "\x1b[F"}, {"shift+Home", "\x1b[1;2H"}, {"ctrl+End", "\x1b[1;5F"},
		{"Insert", "\x1b[2~"}, {"ctrl+Insert", ""}, {"shift+Insert", "clip"},
		{"Delete", "\x1b[3~"}, {"shift+Delete", "\x1b[3;2~"}, {"ctrl+Delete", "\x1b[3;5~"},
		{"Prior", "\x1b[5~"}, {"Next", "\x1b[6~"}, {"ctrl+Prior", "\x1b[5;5~"},
		{"F1", "\x1bOP"}, {"F4", "\x1bOS"}, {"F5", "\x1b[15~"}, {"F12", "\x1b[24~"},
		{"shift+F1", "\x1b[1;2P"}, {"ctrl+F1", "\x1b[1;5P"}, {"shift+F5", "\x1b[15;2~"}, {"ctrl+F5", "\x1b[15;5~"},
		{"Tab", "\t"}, {"shift+Tab", "\x1b[Z"},
		{"Return", "\r\n"}, {"shift+Return", "\r\n"}, {"BackSpace", "\x7f"}, {"shift+BackSpace", "\x7f"},
		{"Escape", "\x1b"}, {"alt+x", "\x1bx"}, {"alt+X", "\x1bX"},
		{"ctrl+a", "\x01"}, {"ctrl+c", "\x03"}, {"ctrl+u", "\x15"}, {"ctrl+v", "\x16"}, {"ctrl+x", "\x18"},
		{"ctrl+y", "\x19"}, {"ctrl+z", "\x1a"}, {"ctrl+space", "\x00"}, {"ctrl+slash", "\x1f"},
		{"ctrl+shift+a", ""}, {"KP_5", "5"}, {"KP_Enter", "\r\n"}, {"x", "x"},
	}
	app := []wireKey{
		{"Up", "\x1bOA"}, {"Left", "\x1bOD"}, {"Home", "\x1bOH"}, {"End", "\x1bOF"},
		{"ctrl+Up", "\x1b[1;5A"}, {"KP_0", "\x1bOp"}, {"KP_5", "\x1bOu"}, {"KP_9", "\x1bOy"},
		{"KP_Add", "\x1bOk"}, {"KP_Enter", "\x1bOM"}, {"5", "5"},
	}
	for _, pass := range []struct {
		name, modes string
		keys        []wireKey
	}{{"normal", "", normal}, {"application", "\x1b[?1h\x1b=", app}} {
		t.Run(pass.name, func(t *testing.T) {
			// WILL ECHO, WILL SGA: character mode.
			srv := NewServer(t, []byte("\xff\xfb\x01\xff\xfb\x03"+pass.modes+"$ "), false)
			a := Launch(t, "127.0.0.1", srv.Port())
			answers := "\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03"
			Eventually(t, "the option answers", func() bool { return srv.Received() == answers })
			a.SetClipboard("clip")
			a.run("xdotool", "mousemove", "--window", a.Window, "400", "300", "click", "1")
			var want strings.Builder
			for _, k := range pass.keys {
				xtestKey(t, k.key)
				xtestKey(t, "comma")
				want.WriteString(k.want + ",")
			}
			Eventually(t, "the barrier", func() bool { return strings.Count(srv.Received(), ",") >= len(pass.keys) })
			got := strings.Split(strings.TrimPrefix(srv.Received(), answers), ",")
			for i, k := range pass.keys {
				if i >= len(got) || got[i] != k.want {
					t.Errorf("%s: got %q, want %q", k.key, at(got, i), k.want)
				}
			}
			if t.Failed() {
				t.Logf("all: %q\nwant %q", srv.Received(), answers+want.String())
			}
			a.AssertAlive()
		})
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(nothing)"
}

// xtestKey presses a key through XTEST into the window under the pointer
// (no --window: that would send a synthetic event instead).
func xtestKey(t *testing.T, key string) {
	t.Helper()
	if out, err := exec.Command("xdotool", "key", "--clearmodifiers", key).CombinedOutput(); err != nil {
		t.Fatalf("xdotool key %s: %v\n%s", key, err, out)
	}
	time.Sleep(60 * time.Millisecond)
}

// TestNothingOfTheHostedWidgetShows: after clear with the cursor hidden,
// the terminal's top-left cell is blank in the real window. The hosted
// widget's own cursor (a blue bar) used to show there through the view.
// The server writes green text on the second row to find the first.
func TestNothingOfTheHostedWidgetShows(t *testing.T) {
	srv := NewServer(t, []byte("\x1b[2J\x1b[H\r\n\x1b[38;5;46mHHHHHHHH\x1b[0m\x1b[H\x1b[?25l"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	a.run("xdotool", "mousemove", "--window", a.Window, "400", "300", "click", "1") // the keyboard has the focus
	path := filepath.Join(ShotDir(t), "14-top-left-blank.png")
	var img image.Image
	var rows []band
	Eventually(t, "the second row drawn", func() bool {
		a.ScreenshotWindow(path)
		img = loadPNG(t, path)
		rows = bands(img, 0, 200, 0, green)
		return len(rows) > 0
	})
	if len(rows) != 1 {
		t.Fatalf("found %d bands of green text, want the second row's: %+v", len(rows), rows)
	}
	height := rows[0].bottom - rows[0].top + 4 // the glyphs' height and the line's spacing
	blue := func(r, g, b uint32) bool { return b > 180 && r < 120 && g < 170 }
	if got := bands(img, 0, 40, rows[0].top-height, blue); len(got) > 0 && got[0].top < rows[0].top {
		t.Fatalf("something blue in the blank top-left cell (rows %d-%d, %d pixels): %s", got[0].top, got[0].bottom, got[0].pixels, path)
	}
}
