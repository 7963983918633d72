package termtab

import (
	"image/color"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// TestSessionFeaturesInATab: what the session keeps the server from
// changing stays unchanged, and ^E is answered only with an answerback
// (the DSR answer that follows is the barrier).
func TestSessionFeaturesInATab(t *testing.T) {
	const greeting = "\x1b]2;evil\x07\x1b[?1000h\x1b=\x05\x1b[5nEND"
	cases := []struct {
		name   string
		tm     profiles.Terminal
		title  string
		mouse  int
		keypad bool
		sent   string
	}{
		{"defaults", profiles.Terminal{}, "evil", 1000, true, "\x1b[0n"},
		{"all refused, answerback", profiles.Terminal{NoRemoteTitle: true, NoMouseReporting: true, NoAppKeypad: true, Answerback: "sw-12^M"},
			"", 0, false, "sw-12\r\x1b[0n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := newLoopServer(t, greeting)
			st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw}, Terminal: c.tm}
			h := newHarnessWith(t, st, nil)
			h.waitUntil("the greeting", func() bool { return strings.Contains(h.tab.scr.Text(), "END") })
			h.waitUntil("the DSR answer", func() bool { return strings.Contains(srv.Received(), "\x1b[0n") })
			if got := srv.Received(); got != c.sent {
				t.Errorf("sent %q, want %q", got, c.sent)
			}
			m := h.tab.scr.Modes()
			if h.tab.scr.Title() != c.title || m.Mouse != c.mouse || m.AppKeypad != c.keypad {
				t.Errorf("title %q mouse %d keypad %v, want %q %d %v", h.tab.scr.Title(), m.Mouse, m.AppKeypad, c.title, c.mouse, c.keypad)
			}
		})
	}
}

func TestSessionColours(t *testing.T) {
	colours := make([]string, 22)
	for i := range colours {
		colours[i] = "#102030"
	}
	colours[0], colours[2], colours[5] = "#000000", "#ffffdd", "#ff0000"
	srv := newLoopServer(t, "")
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw},
		Terminal: profiles.Terminal{Colours: colours}}
	h := newHarnessWith(t, st, nil)
	th := h.tab.colors.Load()
	if th.FG != (color.RGBA{0, 0, 0, 255}) || th.BG != (color.RGBA{255, 255, 221, 255}) || th.Cursor != (color.RGBA{255, 0, 0, 255}) || th.ANSI == nil {
		t.Errorf("the painter's colours %+v are not the session's", th)
	}
	plain := newHarnessWith(t, settings.Session{Engine: st.Engine}, nil)
	if th := plain.tab.colors.Load(); th.ANSI != nil || th.FG != paintTheme().FG {
		t.Errorf("a session without a palette is drawn in %+v, not the theme", th)
	}
}
