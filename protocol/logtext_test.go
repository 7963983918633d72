package protocol

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

// TestTextOnlySessionLog: a session log set to text only (PuTTY's
// "Printable output") holds the words a colourful prompt and a clear
// left on screen, without their escape sequences; the other log holds
// them as sent.
func TestTextOnlySessionLog(t *testing.T) {
	greeting := "\x1b[H\x1b[2J\x1b]0;r1\x07\x1b[1;32mr1#\x1b[0m show ip\r\nEND"
	for _, textOnly := range []bool{true, false} {
		dir := t.TempDir()
		p := loopserver.Start(t, []byte(greeting), false)
		cfg := Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateRaw,
			SessionLog: Log{Path: filepath.Join(dir, "session.log"), TextOnly: textOnly}}
		s, sc, done := start(t, cfg)
		testwait.Until(t, "greeting", func() bool { return strings.Contains(sc.String(), "END") })
		s.Close()
		<-done
		_, log, _ := strings.Cut(string(readGlob(t, dir, "session.log")), "=~=\r\n")
		want := "r1# show ip\r\nEND"
		if !textOnly {
			want = greeting
		}
		if log != want {
			t.Errorf("text only %v: log %q, want %q", textOnly, log, want)
		}
	}
}
