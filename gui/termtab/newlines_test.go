package termtab

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// TestImplicitCRAndLFOnTheScreen: a device that sends LF alone stair-steps
// unless every LF implies CR; one that sends CR alone overprints unless
// every CR implies LF (PuTTY's Terminal panel).
func TestImplicitCRAndLFOnTheScreen(t *testing.T) {
	cases := []struct {
		name       string
		lfCR, crLF bool
		want       string
	}{
		{"as sent", false, false, "\none\nX  two\n"},
		{"implicit CR in every LF", true, false, "\none\nXwo\n"},
		{"implicit LF in every CR", false, true, "\none\n   two\nX\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := newLoopServer(t, "one\ntwo\rX\r\nEND")
			st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw},
				LFImpliesCR: c.lfCR, CRImpliesLF: c.crLF}
			h := newHarnessWith(t, st, nil)
			h.waitUntil("the text", func() bool { return strings.Contains(h.tab.scr.Text(), "END") })
			if got := h.tab.scr.Text(); !strings.Contains(got, c.want) {
				t.Fatalf("screen:\n%s\nwant it to hold %q", got, c.want)
			}
		})
	}
}

// TestRemoteCharsetInATab: a KOI8-R device's greeting is drawn as Cyrillic
// and the keys typed in the tab reach it in KOI8-R.
func TestRemoteCharsetInATab(t *testing.T) {
	srv := newLoopServer(t, "\xf0\xd2\xc9\xd7\xc5\xd4 \xc4\xd2\xd5\xc7\r\n")
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw,
		LocalEcho: protocol.ForceOff, LocalEdit: protocol.ForceOff, Charset: "KOI8-R"}}
	h := newHarnessWith(t, st, nil)
	h.waitUntil("the greeting", func() bool { return strings.Contains(h.tab.scr.Text(), "Привет друг") })
	for _, key := range []string{"Д", "а", "\r"} {
		h.tab.Type([]byte(key))
	}
	h.waitUntil("the keys", func() bool { return srv.Received() == "\xe4\xc1\r\n" })
}
