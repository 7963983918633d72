//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Where the Change settings dialog's parts are in the 1100x680 window:
// the menu item under Session, the Advanced disclosure, the Remote
// character set (after three wheel clicks down over the form), its
// ISO-8859-1 choice, and Apply.
const (
	sessionMenuX, sessionMenuY       = 30, 12
	changeSettingsX, changeSettingsY = 74, 201
	advancedX, advancedY             = 378, 469
	charsetSelectX, charsetSelectY   = 780, 400
	latin1ChoiceX, latin1ChoiceY     = 610, 57
	applyX, applyY                   = 990, 610
	terminalAreaX, terminalAreaY     = 600, 400
)

// applyBlue is the Apply button's colour (the primary colour).
func applyBlue(r, g, b uint32) bool { return b > 180 && r < 100 && g < 160 }

// TestChangeSettingsAppliesToTheRunningSession: a person connected to a
// server that talks ISO-8859-1 sees "caf�"; they choose Session ▸ Change
// settings… from the window's menu, open Advanced, set the Remote
// character set to ISO-8859-1 and press Apply. On the same connection
// (the server accepted exactly one) the server's 0xE9 is now drawn as the
// é it sent in UTF-8 before. (What is typed goes out in the new set too:
// TestCharsetChangesLive in protocol.)
func TestChangeSettingsAppliesToTheRunningSession(t *testing.T) {
	srv := NewServer(t, []byte("caf\xe9 au lait\r\n$ "), false)
	// Each line is answered with "got é": as UTF-8 before Apply, as
	// ISO-8859-1's single byte after it. (Typing é through xdotool remaps
	// a key for a moment and lost it under load: the keys typed are plain.)
	var applied atomic.Bool
	srv.Reply = func(line string) string {
		if applied.Load() {
			return "got \xe9\r\n$ "
		}
		return "got \xc3\xa9\r\n$ "
	}
	a := Launch(t, "127.0.0.1", srv.Port())
	Eventually(t, "the connection", func() bool { return srv.Connections() == 1 })
	shot := func(name string) string {
		path := filepath.Join(ShotDir(t), "change-settings-"+name+".png")
		a.ScreenshotWindow(path)
		return path
	}

	// Before: UTF-8.
	a.Click(terminalAreaX, terminalAreaY)
	a.Type("a")
	a.Key("Return")
	Eventually(t, "the first line at the server", func() bool { return strings.Contains(srv.Received(), "a\r\n") })

	// Session ▸ Change settings…: the pointer rests on the item before the
	// click, as a person's does.
	a.Click(sessionMenuX, sessionMenuY)
	a.hover(changeSettingsX, changeSettingsY)
	a.Click(changeSettingsX, changeSettingsY)
	Eventually(t, "the Change settings dialog", func() bool { return a.pixelIs(shot("1-dialog"), applyX, applyY, applyBlue) })
	a.Click(advancedX, advancedY)
	time.Sleep(time.Second)
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(charsetSelectX-80), fmt.Sprint(charsetSelectY+110),
		"click", "--repeat", "3", "--delay", "100", "5")
	time.Sleep(time.Second)
	shot("2-advanced")
	a.Click(charsetSelectX, charsetSelectY)
	time.Sleep(time.Second)
	shot("3-charsets")
	a.hover(latin1ChoiceX, latin1ChoiceY)
	a.Click(latin1ChoiceX, latin1ChoiceY)
	time.Sleep(time.Second)
	shot("4-latin1")
	a.Click(applyX, applyY)
	Eventually(t, "the dialog closed", func() bool { return !a.pixelIs(shot("5-applied"), applyX, applyY, applyBlue) })

	// After: the same connection; the server's 0xE9 is é now.
	applied.Store(true)
	a.Click(terminalAreaX, terminalAreaY)
	a.Type("b")
	a.Key("Return")
	Eventually(t, "the second line at the server", func() bool { return strings.Contains(srv.Received(), "b\r\n") })
	// The server's answer to it, "got " and its 0xE9, is drawn as the
	// answer to the UTF-8 é was: cell for cell the same pixels, two lines
	// up (the cursor's line is the last, under the second answer).
	cur := a.cursorBand(t, "change-settings-6-after")
	img := loadPNG(t, filepath.Join(ShotDir(t), "change-settings-6-after.png"))
	pitch := cur.bottom - cur.top
	after, before := cur.top-pitch, cur.top-3*pitch
	diff, ink := stripDiff(img, before, after, pitch, 0, 60)
	t.Logf("the answers at rows %d and %d (pitch %d): %d lit pixels, %d differ", before, after, pitch, ink, diff)
	if ink == 0 || diff != 0 {
		t.Fatalf("the server's 0xE9 after Apply is not drawn as its UTF-8 é before (%d of the pixels differ, %d lit; rows %d and %d, pitch %d)",
			diff, ink, before, after, pitch)
	}
	if n := srv.Connections(); n != 1 {
		t.Fatalf("the server accepted %d connections, want 1: Apply must not reconnect", n)
	}
}

// stripDiff compares the rows [y1, y1+h) and [y2, y2+h) of img in the
// columns [x0, x1): how many pixels differ, and how many of the first are
// lit (text, not background).
func stripDiff(img image.Image, y1, y2, h, x0, x1 int) (diff, ink int) {
	for dy := 0; dy < h; dy++ {
		for x := x0; x < x1; x++ {
			c1, c2 := img.At(x, y1+dy), img.At(x, y2+dy)
			r1, g1, b1, _ := c1.RGBA()
			r2, g2, b2, _ := c2.RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				diff++
			}
			if (r1+g1+b1)>>8 > 300 {
				ink++
			}
		}
	}
	return diff, ink
}

// hover rests the pointer on x, y for a moment (a menu item activates on
// a click it was hovered before).
func (a *App) hover(x, y int) {
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(x), fmt.Sprint(y))
	time.Sleep(500 * time.Millisecond)
}

// pixelIs reports whether the pixel at x, y of the screenshot at path
// matches.
func (a *App) pixelIs(path string, x, y int, match func(r, g, b uint32) bool) bool {
	r, g, b, _ := loadPNG(a.t, path).At(x, y).RGBA()
	return match(r>>8, g>>8, b>>8)
}
