package settings

import (
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestPacingOptions: the settings become the pacer's options, and a bad
// prompt is refused.
func TestPacingOptions(t *testing.T) {
	if _, err := PacingOptions(profiles.PacingSettings{Prompt: "(["}); err == nil {
		t.Fatal("a bad prompt was taken")
	}
	opt, err := PacingOptions(profiles.PacingSettings{LineDelayMs: 250, CharDelayMs: 5, WaitEcho: true, Prompt: `\$ $`, TimeoutS: 3})
	if err != nil || opt.LineDelay.Milliseconds() != 250 || opt.CharDelay.Milliseconds() != 5 || !opt.WaitEcho || opt.Timeout.Seconds() != 3 || !opt.Prompt.MatchString("peer$ ") {
		t.Fatalf("options %+v, %v", opt, err)
	}
}
