//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/pace/pacetest"
)

// TestPacedPasteInTheWindow: a saved session with "wait for the device"
// pastes a 500-line configuration into a slow device (a byte a
// millisecond through a 64-byte buffer); the status bar shows the
// progress, and the device reads every line in order.
func TestPacedPasteInTheWindow(t *testing.T) {
	a, dev, lines := pasteConfig(t, map[string]any{"waitEcho": true})
	a.Key("Return") // the question about 500 lines: Paste
	wantConfigWhole(t, a, dev, lines, "62-paced-paste-progress")
}

// pasteConfig opens a saved session (with pacing, nil for none) to a slow
// device (a byte a millisecond through a 64-byte buffer) and pastes a
// 500-line configuration with Ctrl+Shift+V, leaving the paste question
// open.
func pasteConfig(t *testing.T, pacing map[string]any) (*App, *pacetest.SlowDevice, []string) {
	dev := pacetest.NewSlowDevice(t)
	host, port, _ := strings.Cut(dev.Addr, ":")
	session := map[string]any{"name": "Switch", "host": host, "port": port, "negotiation": "passive"}
	if pacing != nil {
		session["pacing"] = pacing
	}
	env, _ := writeProfiles(t, session)
	a := LaunchWith(t, env, "-load", "Switch")
	time.Sleep(2 * time.Second) // connected and drawn
	var lines []string
	for i := range 500 {
		lines = append(lines, fmt.Sprintf("vlan %d", i+1))
	}
	a.SetClipboard(strings.Join(lines, "\n") + "\n")
	a.Click(400, 300)
	a.Key("ctrl+shift+v")
	time.Sleep(time.Second)
	return a, dev, lines
}

// wantConfigWhole waits for the paste's progress (screenshot shot), then
// fails unless the device read every line in order.
func wantConfigWhole(t *testing.T, a *App, dev *pacetest.SlowDevice, lines []string, shot string) {
	Eventually(t, "the first lines", func() bool { return len(dev.Received()) > 50 })
	a.Screenshot(shot)
	deadline := time.Now().Add(60 * time.Second)
	for len(dev.Received()) < 500 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if got := dev.Received(); strings.Join(got, "\n") != strings.Join(lines, "\n") {
		t.Fatalf("the device read %d lines; want the 500 in order", len(got))
	}
	a.AssertAlive()
}
