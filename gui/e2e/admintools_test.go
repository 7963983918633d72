//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// quickButtonX, Y is the first button of the quick-command bar, under the
// toolbar (the window at its default size).
const quickButtonX, quickButtonY = 45, 89

// brightRed is the default highlight of "down" (palette 9: 255,85,85).
func brightRed(r, g, b uint32) bool { return r > 200 && g < 140 && b < 140 && g > 40 }

// TestHighlightAndQuickCommandsInTheWindow: a saved session with quick
// commands opens from its profile; the server's "down" is drawn in the
// default highlight colour (and the same text without a keyword is
// not); the bar's button and Ctrl+Shift+2 send their lines to the peer.
func TestHighlightAndQuickCommandsInTheWindow(t *testing.T) {
	srv := NewServer(t, []byte("Interface Gi0/1 is down\r\nInterface Gi0/2 is fine\r\nrouter# "), false)
	env, _ := writeProfiles(t, map[string]any{"name": "Router", "host": "127.0.0.1", "port": srv.Port(), "closeOnExit": "never",
		"quickCommands": []map[string]any{{"label": "Show run", "send": "show running-config"}, {"label": "Save", "send": "write memory"}}})
	a := LaunchWith(t, env, "-load", "Router")
	Eventually(t, "the connection", func() bool { return srv.Connections() == 1 })
	path := filepath.Join(ShotDir(t), "60-highlight-quick-bar.png")
	var red []band
	Eventually(t, "the highlighted word", func() bool {
		a.ScreenshotWindow(path)
		red = bands(loadPNG(t, path), 0, 600, 0, brightRed)
		return len(red) > 0
	})
	if len(red) != 1 {
		t.Fatalf("%d bands of highlighted text, want 1 (the line with down): %+v", len(red), red)
	}
	a.Click(quickButtonX, quickButtonY)
	Eventually(t, "Show run at the peer", func() bool { return strings.Contains(srv.Received(), "show running-config\r\n") })
	a.Key("ctrl+shift+2")
	Eventually(t, "Save at the peer", func() bool { return strings.Contains(srv.Received(), "write memory\r\n") })
	a.Screenshot("61-after-quick-commands")
}
