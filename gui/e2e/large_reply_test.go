//go:build e2e

package e2e

import (
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/testwait"
)

// TestLargeGreetingKeepsTheWindowAnswering: a hostile SMTP server greets
// with 0.8 MB (100 lines of 8 KiB) while the SMTP assistant is open; the
// window still takes keys at once: the line typed reaches the server, and
// the server's answer, in green, is drawn (issue 24 item 4: the window
// froze for 92 s at a full core).
func TestLargeGreetingKeepsTheWindowAnswering(t *testing.T) {
	var greeting strings.Builder
	for i := range 100 {
		sep := "-"
		if i == 99 {
			sep = " "
		}
		greeting.WriteString("220" + sep + strings.Repeat(string(rune('a'+i%26)), 8000) + "\r\n")
	}
	srv := NewServer(t, []byte(greeting.String()), false)
	srv.Reply = func(line string) string {
		if strings.Contains(line, "still-here") {
			return "\x1b[38;5;46mHHHHHHHHHHHH\x1b[0m\r\n"
		}
		return ""
	}
	host, port, _ := net.SplitHostPort("127.0.0.1:" + srv.Port())
	env, _ := writeProfiles(t, map[string]any{
		"name": "Hostile greeting", "host": host, "port": port, "negotiation": "passive",
		"localEcho": "on", "localEdit": "on", "closeOnExit": "never",
		"smtp": map[string]any{"openOnConnect": true},
	})
	a := LaunchWith(t, env, "-load", "Hostile greeting")
	Eventually(t, "the connection", func() bool { return srv.Connections() == 1 })
	time.Sleep(500 * time.Millisecond) // the greeting is on its way through the window
	// Click into the terminal (left of the assistant) and type; a click
	// made before the tab's content was laid out under load can be lost,
	// so after 5 s without the line the click and the line are tried again.
	start := time.Now()
	deadline := start.Add(30 * time.Second)
	for tries := 1; !strings.Contains(srv.Received(), "NOOP still-here\r\n"); tries++ {
		if time.Now().After(deadline) {
			a.Screenshot("large-greeting-frozen")
			t.Fatalf("after 30 s the server got %q: the window did not take the keys", srv.Received())
		}
		a.Click(200, 300)
		a.Type("NOOP still-here")
		a.Key("Return")
		testwait.Holds(5*time.Second, func() bool { return strings.Contains(srv.Received(), "still-here\r\n") })
		t.Logf("try %d: the server got %q after %.2f s", tries, srv.Received(), time.Since(start).Seconds())
	}
	path := filepath.Join(ShotDir(t), "large-greeting.png")
	for {
		a.ScreenshotWindow(path)
		if len(bands(loadPNG(t, path), 0, 400, 0, green)) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server's green answer is not drawn")
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("the answer was drawn %.2f s after typing began", time.Since(start).Seconds())
	a.AssertAlive()
}
