//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestAltDragCopiesAColumn: Alt-drag over the Status column of a switch's
// `show interfaces status` (drawn green, so the test finds it on the
// screen) copies just that column, a line per row, blanks cut; the menu
// Fyne opens when Alt is let go does not stay open.
func TestAltDragCopiesAColumn(t *testing.T) {
	const g, o = "\x1b[38;5;46m", "\x1b[0m"
	table := "Port      Name      " + g + "Status" + o + "       Vlan\r\n" +
		"Gi1/0/1   uplink    " + g + "connected" + o + "    trunk\r\n" +
		"Gi1/0/2             " + g + "notconnect" + o + "   10\r\n" +
		"Gi1/0/3   printer   " + g + "connected" + o + "    20\r\n"
	srv := NewServer(t, []byte(table), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	time.Sleep(time.Second)
	box := greenBox(t, a, "altdrag-1-table")
	if box.pixels == 0 {
		t.Fatal("the table's Status column is not on the screen")
	}
	a.SetClipboard("before")
	from, to := box.bounds.Min.Add(image.Pt(2, 2)), box.bounds.Max.Sub(image.Pt(2, 2))
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(from.X), fmt.Sprint(from.Y),
		"keydown", "alt", "mousedown", "1",
		"mousemove", "--window", a.Window, fmt.Sprint((from.X+to.X)/2), fmt.Sprint((from.Y+to.Y)/2),
		"mousemove", "--window", a.Window, fmt.Sprint(to.X), fmt.Sprint(to.Y),
		"mouseup", "1", "keyup", "alt")
	want := "Status\nconnected\nnotconnect\nconnected"
	var clip string
	Eventually(t, "the column on the clipboard", func() bool {
		out, _ := exec.Command("xclip", "-o", "-selection", "clipboard").Output()
		clip = string(out)
		return clip != "before"
	})
	a.Screenshot("altdrag-2-selected")
	if strings.TrimRight(clip, "\n") != want {
		t.Fatalf("Alt-drag copied %q, want %q", clip, want)
	}
	// Fyne opens the menu when Alt is let go with no key between; Tern
	// closes it after an Alt-drag, so the next key reaches the server.
	a.Type("q")
	a.Key("Return") // the line is edited locally until Enter
	Eventually(t, "the key after the Alt-drag at the server", func() bool { return strings.Contains(srv.Received(), "q") })
}
