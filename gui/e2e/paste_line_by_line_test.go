//go:build e2e

package e2e

import (
	"testing"
	"time"
)

// TestPasteLineByLineInTheWindow: a session without pacing pastes a
// 500-line configuration into a slow device (a byte a millisecond through
// a 64-byte buffer, which cuts an unpaced paste short); the paste
// question offers Paste line by line, reached from the keyboard (Tab past
// Cancel, Space), and the device reads every line in order.
func TestPasteLineByLineInTheWindow(t *testing.T) {
	a, dev, lines := pasteConfig(t, nil)
	a.Key("Tab", "Tab")
	time.Sleep(300 * time.Millisecond)
	a.Screenshot("63-paste-question-line-by-line")
	a.Key("space")
	wantConfigWhole(t, a, dev, lines, "64-paste-line-by-line-progress")
}
