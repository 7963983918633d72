package termtab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// TestNewlineModeReturnOnTheWire: end to end, from the key Fyne gives the
// tab's keyboard to the bytes a loopback server gets. After ESC[20h
// (LNM) Return sends CR LF, as vttest 6.2 asks and PuTTY does: over
// Telnet the NVT end of line (which telnetd reads as CR) and a LF; in Raw
// mode CR LF as it is. Ctrl+J is LF and Ctrl+H and Ctrl+Backspace a real
// ^H while Backspace sends DEL.
func TestNewlineModeReturnOnTheWire(t *testing.T) {
	const telnetOn = "\xff\xfb\x01\xff\xfb\x03" // WILL ECHO, WILL SGA: character mode
	ctrl := fyne.KeyModifierControl
	type press struct {
		key fyne.KeyName
		mod fyne.KeyModifier
	}
	tests := []struct {
		name     string
		neg      protocol.Negotiation
		greeting string
		keys     []press
		want     string
	}{
		{"Telnet, LNM: Return is CR LF, then LF", protocol.NegotiatePassive, telnetOn + "\x1b[20h",
			[]press{{fyne.KeyReturn, 0}}, "\r\n\n"},
		{"Telnet, LNM reset: Return is CR LF", protocol.NegotiatePassive, telnetOn + "\x1b[20h\x1b[20l",
			[]press{{fyne.KeyReturn, 0}}, "\r\n"},
		{"Raw, LNM: Return is CR LF", protocol.NegotiateRaw, "\x1b[20h",
			[]press{{fyne.KeyReturn, 0}}, "\r\n"},
		{"Raw, LNM: Return twice", protocol.NegotiateRaw, "\x1b[20h",
			[]press{{fyne.KeyReturn, 0}, {fyne.KeyReturn, 0}}, "\r\n\r\n"},
		{"Telnet: Ctrl+J is LF, Ctrl+H ^H", protocol.NegotiatePassive, telnetOn,
			[]press{{fyne.KeyJ, ctrl}, {fyne.KeyH, ctrl}}, "\n\b"},
		{"Telnet: Backspace is DEL, Ctrl+Backspace ^H", protocol.NegotiatePassive, telnetOn,
			[]press{{fyne.KeyBackspace, 0}, {fyne.KeyBackspace, ctrl}}, "\x7f\b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newLoopServer(t, tt.greeting+"ready")
			st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: tt.neg,
				LocalEcho: protocol.ForceOff, LocalEdit: protocol.ForceOff}}
			h := newHarnessWith(t, st, nil)
			h.waitUntil("the greeting", func() bool { return strings.Contains(h.tab.scr.Text(), "ready") })
			// A first key cuts off the answers to the negotiation.
			h.tab.Type([]byte("@"))
			h.waitUntil("the marker", func() bool { return strings.Contains(srv.Received(), "@") })
			k := h.tab.keys
			for _, p := range tt.keys {
				k.Mods = func() fyne.KeyModifier { return p.mod }
				if p.mod == 0 {
					k.TypedKey(&fyne.KeyEvent{Name: p.key})
				} else {
					k.TypedShortcut(&desktop.CustomShortcut{KeyName: p.key, Modifier: p.mod})
				}
			}
			h.tab.Type([]byte("$")) // the last key: everything before it has arrived
			got := func() string {
				r := srv.Received()
				return r[strings.Index(r, "@")+1:]
			}
			h.waitUntil("the closing key", func() bool { return strings.HasSuffix(got(), "$") })
			if got() != tt.want+"$" {
				t.Fatalf("the server got %q, want %q", got(), tt.want+"$")
			}
		})
	}
}
