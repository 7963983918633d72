package termtab

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// TestClearKeepsTheTextInATab: what clear(1) erases stays in the tab's
// scrollback by default (PuTTY's), and is gone when the session says so.
func TestClearKeepsTheTextInATab(t *testing.T) {
	for _, drop := range []bool{false, true} {
		srv := newLoopServer(t, "show interfaces\r\nGi0/1 up\r\n\x1b[H\x1b[2JEND")
		st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw},
			ClearDropsText: drop}
		h := newHarnessWith(t, st, nil)
		h.waitUntil("the clear", func() bool { return strings.HasPrefix(h.tab.scr.Text(), "END") })
		if kept := strings.Contains(h.tab.scr.History(), "Gi0/1 up"); kept == drop {
			t.Errorf("clear drops text %v: history %q", drop, h.tab.scr.History())
		}
	}
}
