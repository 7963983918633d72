package termtab

import (
	"slices"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// TestChangeSettingsApplyAtOnce: in a running session, new colours, a
// font size, an answerback and Backspace apply at once; a new character
// set is reported for the next connection.
func TestChangeSettingsApplyAtOnce(t *testing.T) {
	srv := newLoopServer(t, "ready\r\n")
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw,
		LocalEcho: protocol.ForceOff, LocalEdit: protocol.ForceOff}}
	h := newHarnessWith(t, st, nil)
	h.waitUntil("the greeting", func() bool { return strings.Contains(h.tab.scr.Text(), "ready") })
	cellBefore := h.tab.view.CellSize()

	colours := profiles.DefaultColours()
	colours[2] = "#ffffdd"
	changed := st
	changed.Terminal = profiles.Terminal{Colours: colours, Answerback: "sw^M"}
	changed.FontSize = 30
	changed.Engine.BackspaceSendsCtrlH = true
	changed.Engine.Charset = "KOI8-R"
	later := h.tab.ChangeSettings(changed)
	if !slices.Equal(later, []string{"the character set"}) {
		t.Errorf("for the next connection: %q, want the character set only", later)
	}
	if bg := h.tab.colors.Load().BG; bg.R != 255 || bg.G != 255 || bg.B != 221 {
		t.Errorf("the background is %v, not the new palette's", bg)
	}
	h.waitUntil("the bigger font", func() bool { return h.tab.view.CellSize().Height > cellBefore.Height })
	// ^E is answered now; Backspace sends ^H; the DSR answer is the barrier.
	h.tab.parse([]byte("\x05\x1b[5n"))
	h.tab.Type([]byte("\x7f!"))
	h.waitUntil("the answers and the keys", func() bool { return strings.HasSuffix(srv.Received(), "!") })
	if got := srv.Received(); got != "sw\r\x1b[0n\b!" {
		t.Errorf("the server got %q", got)
	}
	if h.tab.Settings().FontSize != 30 {
		t.Error("the tab's settings are not the new ones")
	}
}
