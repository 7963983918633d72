package protocol

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

// TestPasteOnTheWire: the hostile clipboard, pasted into a
// character-mode session (the server said WILL ECHO and WILL SGA) with
// bracketed paste on, reaches the server with no ESC but the markers; in
// NVT the Enter inside is CR LF, and a pasted 0xFF is doubled (RFC 854).
func TestPasteOnTheWire(t *testing.T) {
	script := []byte{255, 251, 1, 255, 251, 3} // WILL ECHO, WILL SGA
	p := loopserver.Start(t, script, false)
	s, _, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port()})
	answers := "\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03" // DO ECHO, WILL SGA, DO SGA
	testwait.Until(t, "DO ECHO, DO SGA", func() bool { return strings.HasPrefix(p.Received(), answers) })
	testwait.Until(t, "character mode", func() bool { return !s.Status().LineMode })
	if err := s.Paste([]byte("ls\x1b[201~evil-cmd\x03"), true); err != nil {
		t.Fatal(err)
	}
	s.Paste([]byte("a\r\nb\xff\x1d"), false)
	want := answers + "\x1b[200~ls[201~evil-cmd\x1b[201~" + "a\r\nb\xff\xff"
	testwait.Until(t, "the pastes", func() bool { return len(p.Received()) >= len(want) })
	if got := p.Received(); got != want {
		t.Fatalf("got %x, want %x", got, want)
	}
}
