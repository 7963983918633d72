//go:build e2e

package e2e

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewSessionDialogOnStart(t *testing.T) {
	a := Launch(t)
	if a.Title() != "Tern" {
		t.Fatalf("window title %q", a.Title())
	}
	a.Screenshot("01-new-session-dialog")
}

func TestSMTPSessionTypingPromptAndStatus(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP ready\r\n"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	a.Type("EHLO tern.example")
	a.Key("Return")
	Eventually(t, "EHLO at the server", func() bool { return srv.Received() == "EHLO tern.example\r\n" })
	a.Screenshot("02-connected-session")
	// The window is named after the tab in front, as PuTTY's "host - PuTTY".
	Eventually(t, "the window named after the session", func() bool { return a.Title() == "127.0.0.1:"+srv.Port()+" - Tern" })

	a.Key("ctrl+bracketright")
	time.Sleep(300 * time.Millisecond)
	a.Type("send ayt")
	a.Screenshot("03-telnet-prompt")
	a.Key("Return")
	Eventually(t, "IAC AYT at the server", func() bool { return strings.HasSuffix(srv.Received(), "\xff\xf6") })

	a.Key("ctrl+shift+i")
	a.Screenshot("04-status-dialog")
	a.Key("Escape")
	a.Key("ctrl+shift+l")
	a.Screenshot("05-event-log")
	a.Key("Escape")
	a.AssertAlive()
}

// TestFindInScrollback: a line 200 lines up in the scrollback is found,
// scrolled into view and marked. Its green words are out of view before
// the search; after it they are the match, drawn in reverse video: a
// solid green block rather than green letters.
func TestFindInScrollback(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 500; i++ {
		b.WriteString("log line " + strings.Repeat("=", i%40) + "\r\n")
	}
	b.WriteString("ERROR: \x1b[38;5;46mdisk full\x1b[0m on /var\r\n")
	for i := 0; i < 200; i++ {
		b.WriteString("later line\r\n")
	}
	srv := NewServer(t, []byte(b.String()), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	time.Sleep(time.Second)
	if box := greenBox(t, a, "06-scrollback-before-search"); box.pixels > 0 {
		t.Fatalf("the green words are in view before the search: %+v", box)
	}
	a.Key("ctrl+shift+f")
	a.Type("disk full")
	a.Screenshot("06-scrollback-search")
	box := greenBox(t, a, "06-scrollback-search-window")
	t.Logf("green after the search: %+v", box)
	if box.pixels == 0 {
		t.Fatal("the match was not scrolled into view")
	}
	if fill := box.fill(); fill < 0.5 {
		t.Fatalf("the match is not marked: green covers %.0f%% of its box, want a solid block", 100*fill)
	}
}

// greenArea is where the green pixels of a window screenshot lie.
type greenArea struct {
	bounds image.Rectangle
	pixels int
}

// fill is the share of the bounding box that is green: letters cover a
// small part of theirs, a reverse-video block most of it.
func (g greenArea) fill() float64 {
	return float64(g.pixels) / float64(max(g.bounds.Dx()*g.bounds.Dy(), 1))
}

// greenBox takes a screenshot of the window as name and finds its green.
func greenBox(t *testing.T, a *App, name string) greenArea { return colourBox(t, a, name, green) }

// colourBox is greenBox for any colour is says yes to.
func colourBox(t *testing.T, a *App, name string, is func(r, g, b uint32) bool) greenArea {
	t.Helper()
	path := filepath.Join(ShotDir(t), name+".png")
	a.ScreenshotWindow(path)
	img := loadPNG(t, path)
	var g greenArea
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if r, gr, bl, _ := img.At(x, y).RGBA(); is(r>>8, gr>>8, bl>>8) {
				g.bounds = g.bounds.Union(image.Rect(x, y, x+1, y+1))
				g.pixels++
			}
		}
	}
	return g
}

func TestBindAddress(t *testing.T) {
	srv := NewServer(t, []byte("hi\r\n"), false)
	Launch(t, "-b", "127.0.0.2", "127.0.0.1", srv.Port())
	Eventually(t, "a connection", func() bool { return srv.From() != "" })
	if !strings.HasPrefix(srv.From(), "127.0.0.2:") {
		t.Fatalf("server saw %s, want 127.0.0.2", srv.From())
	}
}

// TestSessionLogHoldsEveryByteAndCloseAlwaysExits: 4 MiB arrive, the server
// closes, Tern draws the end and exits; the log has every byte.
func TestSessionLogHoldsEveryByteAndCloseAlwaysExits(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789 the quick brown fox jumps over the lazy dog\r\n"), 4<<20/56)
	srv := NewServer(t, payload, true)
	log := filepath.Join(t.TempDir(), "session.log")
	a := Launch(t, "-sessionlog", log, "-close", "always", "127.0.0.1", srv.Port())
	if err := a.WaitExit(60 * time.Second); err != nil {
		t.Fatalf("exit: %v\n%s", err, a.Output())
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := bytes.Cut(got, []byte("\r\n"))
	if !bytes.Equal(body, payload) {
		t.Fatalf("log has %d bytes after its header, want %d", len(body), len(payload))
	}
}

func TestBadCommandLineExits2(t *testing.T) {
	cmd := command(binary(t), "-close", "sometimes", "host")
	out, err := cmd.CombinedOutput()
	if code := exitCode(err); code != 2 || !strings.Contains(string(out), "-close takes always, never or clean") || !strings.Contains(string(out), "usage: tern") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
}

// TestScaled200 is the main states at 200 % scale, for a look.
func TestScaled200(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP ready\r\n"), false)
	srv.Reply = SMTPReply
	a := LaunchWith(t, []string{"FYNE_SCALE=2"}, "127.0.0.1", srv.Port())
	a.Type("EHLO tern.example")
	a.Key("Return")
	Eventually(t, "EHLO at the server", func() bool { return strings.HasPrefix(srv.Received(), "EHLO tern.example\r\n") })
	time.Sleep(2 * time.Second) // software GL repaints a 200 % window slowly
	a.Screenshot("07-session-200-percent")
	a.Key("ctrl+shift+t")
	time.Sleep(2 * time.Second)
	a.Screenshot("08-new-session-200-percent")
}
