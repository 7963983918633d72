package termtab

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// TestChangeSettingsApplyAtOnce: in a running session, new colours, a
// font size, an answerback, Backspace, the character set, the line ends
// and a session log apply at once; a raw log is reported for the next
// connection.
func TestChangeSettingsApplyAtOnce(t *testing.T) {
	// The server sends its greeting, records what it gets and, at the
	// first "!", sends a line in KOI8-R with a bare LF.
	var got strings.Builder
	var mu sync.Mutex
	received := func() string { mu.Lock(); defer mu.Unlock(); return got.String() }
	srv := loopserver.StartScripted(t, func(c net.Conn) {
		c.Write([]byte("ready\r\n"))
		buf := make([]byte, 256)
		for {
			n, err := c.Read(buf)
			mu.Lock()
			got.Write(buf[:n])
			bang := strings.Contains(string(buf[:n]), "!")
			mu.Unlock()
			if bang {
				c.Write([]byte("\xf0\xd2\xc9\xd7\xc5\xd4\nstep"))
			}
			if err != nil {
				return
			}
		}
	})
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
	changed.LFImpliesCR = true
	logPath := filepath.Join(t.TempDir(), "session.log")
	changed.Engine.SessionLog = protocol.Log{Path: logPath}
	changed.Engine.RawLog = protocol.Log{Path: filepath.Join(t.TempDir(), "raw.log")}
	// The log is closed before its folder goes (Windows refuses to delete
	// an open file); cleanups run last first.
	t.Cleanup(func() {
		if s := h.tab.Session(); s != nil {
			s.StopSessionLog()
		}
	})
	later := h.tab.ChangeSettings(changed)
	if !slices.Equal(later, []string{"the raw log"}) {
		t.Errorf("for the next connection: %q, want the raw log only", later)
	}
	if bg := h.tab.colors.Load().BG; bg.R != 255 || bg.G != 255 || bg.B != 221 {
		t.Errorf("the background is %v, not the new palette's", bg)
	}
	h.waitUntil("the bigger font", func() bool { return h.tab.view.CellSize().Height > cellBefore.Height })
	// ^E is answered now; Backspace sends ^H; the DSR answer is the barrier.
	sessionHost{h.tab}.Output([]byte("\x05\x1b[5n"))
	h.tab.Type([]byte("\x7fД!"))
	h.waitUntil("the answers and the keys", func() bool { return strings.HasSuffix(received(), "!") })
	if got := received(); got != "sw\r\x1b[0n\b\xe4!" { // Д in KOI8-R
		t.Errorf("the server got %q", got)
	}
	// LF now returns the carriage, and the output goes to the new log.
	h.waitUntil("the stepped line", func() bool { return strings.Contains(h.tab.scr.Text(), "Привет\nstep") })
	h.waitUntil("the log", func() bool {
		b, _ := os.ReadFile(logPath)
		return strings.Contains(string(b), "Привет")
	})
	if h.tab.Settings().FontSize != 30 {
		t.Error("the tab's settings are not the new ones")
	}
}
