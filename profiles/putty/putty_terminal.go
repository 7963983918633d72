package putty

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tern-telnet/tern/profiles"
)

// puttyTerminalPanels maps PuTTY's Colours, Bell and Features panels and
// the answerback (docs/putty-import.md lists the keys).
func puttyTerminalPanels(p *profiles.Profile, kv map[string]string) {
	t := &p.Terminal
	t.Colours = puttyColours(kv)
	// Beep: 0 none, 1 the default system sound (PuTTY's default, also
	// for a missing key), 2 visual bell, 3 a sound file, 4 the PC
	// speaker: Tern plays the system's sound for the last three.
	switch kv["Beep"] {
	case "0":
		t.Bell = profiles.BellNone
	case "2":
		t.Bell = profiles.BellFlash
	default:
		t.Bell = profiles.BellSound
	}
	// BeepInd: 0 none (the default), 1 flashing, 2 steady.
	t.BellTaskbar = kv["BeepInd"] == "1" || kv["BeepInd"] == "2"
	t.BellUnlimited = kv["BellOverload"] == "0"
	t.NoRemoteTitle = kv["NoRemoteWinTitle"] == "1"
	t.NoAppKeypad = kv["NoApplicationKeys"] == "1"
	t.NoMouseReporting = kv["NoMouseReporting"] == "1"
	t.NoRemoteResize = kv["NoRemoteResize"] == "1"
	// PuTTY answers ^E with "PuTTY" unless told otherwise; Tern is not
	// PuTTY and answers nothing by default, so only a chosen answerback
	// is taken over.
	if a := kv["Answerback"]; a != puttyDefaultAnswerback {
		t.Answerback = a
	}
}

// puttyDefaultAnswerback is PuTTY's Answerback when nobody changed it.
const puttyDefaultAnswerback = "PuTTY"

// puttyColours reads Colour0 to Colour21 ("R,G,B" decimal) as "#rrggbb",
// a missing or unreadable one taking PuTTY's default; nil when every
// colour is PuTTY's default, so the session keeps the app's theme.
func puttyColours(kv map[string]string) []string {
	out := make([]string, len(puttyDefaultColours))
	changed := false
	for i, def := range puttyDefaultColours {
		v, ok := kv[fmt.Sprintf("Colour%d", i)]
		hex, good := puttyRGB(v)
		if !ok || !good {
			hex, _ = puttyRGB(def)
		} else if v != def {
			changed = true
		}
		out[i] = hex
	}
	if !changed {
		return nil
	}
	return out
}

// puttyRGB turns PuTTY's "R,G,B" into "#rrggbb".
func puttyRGB(s string) (string, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return "", false
	}
	var rgb [3]uint64
	for i, part := range parts {
		n, err := strconv.ParseUint(strings.TrimSpace(part), 10, 8)
		if err != nil {
			return "", false
		}
		rgb[i] = n
	}
	return fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]), true
}
