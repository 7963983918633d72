//go:build e2e

package e2e

import (
	"testing"
	"time"
)

// TestClearKeepsTextInScrollback: what the server's clear erases is still
// there to scroll back to, as in PuTTY: green text, a clear, then
// Shift+PageUp brings the green text back into view.
func TestClearKeepsTextInScrollback(t *testing.T) {
	srv := NewServer(t, []byte("\x1b[38;5;46mGi0/1 connected\x1b[0m\r\nGi0/2 notconnect\r\n\x1b[H\x1b[2Jafter the clear\r\n"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	time.Sleep(time.Second)
	if box := greenBox(t, a, "clear-1-after"); box.pixels > 0 {
		t.Fatalf("the green line is still on the screen after the clear: %+v", box)
	}
	a.Key("shift+Prior")
	time.Sleep(500 * time.Millisecond)
	if box := greenBox(t, a, "clear-2-scrolled-back"); box.pixels == 0 {
		t.Fatal("the cleared green line is not in the scrollback")
	}
}
