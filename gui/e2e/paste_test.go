//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestHostilePasteReachesServerClean: the clipboard holds a command with
// an early end of bracketed paste and a ^C; pasted with Ctrl+Shift+V (and
// then another with the right button) into
// a character-mode session (WILL ECHO, WILL SGA) whose server asked for
// bracketed paste, it reaches the server with no ESC but Tern's own two
// markers, and only after the person confirmed.
func TestHostilePasteReachesServerClean(t *testing.T) {
	srv := NewServer(t, []byte("\xff\xfb\x01\xff\xfb\x03\x1b[?2004h$ "), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	answers := "\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03" // DO ECHO, WILL SGA, DO SGA
	Eventually(t, "the option answers", func() bool { return srv.Received() == answers })
	time.Sleep(time.Second) // the first frames reach the widget

	a.SetClipboard("ls\x1b[201~evil-cmd\x03")
	a.Key("ctrl+shift+v")
	time.Sleep(time.Second)
	if got := srv.Received(); got != answers {
		t.Fatalf("sent before the person confirmed: %q", got)
	}
	a.Screenshot("paste-confirm")
	a.Key("Return") // Enter presses Paste, the default button
	want := answers + "\x1b[200~ls[201~evil-cmd\x1b[201~"
	Eventually(t, "the cleaned paste", func() bool { return srv.Received() == want })
	if n := strings.Count(srv.Received(), "\x1b"); n != 2 {
		t.Fatalf("%d ESC reached the server, want Tern's 2: %q", n, srv.Received())
	}

	// The right button pastes by the same path: the ESC is removed, and
	// Tern says so before sending.
	a.SetClipboard("uptime\x1b")
	a.RightClick(300, 300)
	a.Screenshot("paste-right-button")
	a.Key("Return")
	want += "\x1b[200~uptime\x1b[201~"
	Eventually(t, "the right-button paste", func() bool { return srv.Received() == want })
	a.AssertAlive()
}
