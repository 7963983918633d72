//go:build (linux || freebsd || openbsd || netbsd) && cgo && !wayland

package attention

import (
	"os"
	"testing"
)

// TestUrgencyHint sets and clears the ICCCM urgency hint on the X
// server's root window (any window's WM_HINTS work alike) and reads it
// back from the server; it needs an X server (xvfb-run).
func TestUrgencyHint(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X server (DISPLAY unset)")
	}
	root := rootWindow()
	if root == 0 {
		t.Fatal("no X connection although DISPLAY is set")
	}
	if !setUrgent(root, true) || !isUrgent(root) {
		t.Fatal("the urgency hint is not set")
	}
	setUrgent(root, false)
	if isUrgent(root) {
		t.Fatal("the urgency hint is not cleared")
	}
	if !beep(root) {
		t.Error("XBell was not rung")
	}
	if setUrgent(0, true) || beep(0) {
		t.Error("a window without a native handle was asked")
	}
}

// TestGoneWindowIsHarmless: a window that no longer exists is a
// BadWindow error, which Xlib's default handler answers by ending the
// process.
func TestGoneWindowIsHarmless(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X server (DISPLAY unset)")
	}
	setUrgent(0x7fffff0, true)
	if isUrgent(0x7fffff0) {
		t.Fatal("a window that does not exist is urgent")
	}
}
