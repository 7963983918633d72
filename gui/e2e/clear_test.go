//go:build e2e

package e2e

import (
	"testing"
)

// red is the server's marker colour (256-colour 196).
func red(r, g, b uint32) bool { return r > 180 && g < 90 && b < 90 }

// TestClearKeepsTextInScrollback: what the server's clear erases is still
// there to scroll back to, as in PuTTY: green text, a clear, then
// Shift+PageUp brings the green text back into view.
func TestClearKeepsTextInScrollback(t *testing.T) {
	srv := NewServer(t, []byte("\x1b[38;5;46mGi0/1 connected\x1b[0m\r\nGi0/2 notconnect\r\n\x1b[H\x1b[2Jafter the clear\r\n\x1b[38;5;196mREADY\x1b[0m\r\n"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	// Barrier: the red READY the server sent after its clear is drawn, so
	// the screen shows what followed the clear.
	Eventually(t, "the red READY after the clear", func() bool { return colourBox(t, a, "clear-0-ready", red).pixels > 0 })
	if box := greenBox(t, a, "clear-1-after"); box.pixels > 0 {
		t.Fatalf("the green line is still on the screen after the clear: %+v", box)
	}
	a.Key("shift+Prior")
	Eventually(t, "the cleared green line scrolled back into view", func() bool { return greenBox(t, a, "clear-2-scrolled-back").pixels > 0 })
}
