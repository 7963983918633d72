//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/pace/pacetest"
)

// TestPasteLineByLineInTheWindow: a session without pacing pastes a
// 500-line configuration into a slow device (a byte a millisecond through
// a 64-byte buffer, which cuts an unpaced paste short); the paste
// question offers Paste line by line, reached from the keyboard (Tab past
// Cancel, Space), and the device reads every line in order.
func TestPasteLineByLineInTheWindow(t *testing.T) {
	dev := pacetest.NewSlowDevice(t)
	host, port, _ := strings.Cut(dev.Addr, ":")
	env, _ := writeProfiles(t, map[string]any{"name": "Switch", "host": host, "port": port, "negotiation": "passive"})
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
	a.Key("Tab", "Tab")
	time.Sleep(300 * time.Millisecond)
	a.Screenshot("63-paste-question-line-by-line")
	a.Key("space")
	Eventually(t, "the first lines", func() bool { return len(dev.Received()) > 50 })
	a.Screenshot("64-paste-line-by-line-progress")
	deadline := time.Now().Add(60 * time.Second)
	for len(dev.Received()) < 500 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if got := dev.Received(); strings.Join(got, "\n") != strings.Join(lines, "\n") {
		t.Fatalf("the device read %d lines; want the 500 in order", len(got))
	}
	a.AssertAlive()
}
