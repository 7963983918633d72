package protocol

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/sessionlog"
)

// TestCharsetFloodKeepsTheEventLogSmall: a server that floods IAC SB
// CHARSET of 60 KiB each (quoted, 4× that in the log) leaves an event log
// within sessionlog.DefaultEventLogBytes, each line cut to
// sessionlog.MaxEventText (issue 24 item 10; before, 10,000 such lines
// held ≈2.3 GB). The marker after the flood
// is the barrier: once it is on screen, every SB before it was logged.
func TestCharsetFloodKeepsTheEventLogSmall(t *testing.T) {
	sb := append([]byte("\xff\xfa\x2a\x01;"), bytes.Repeat([]byte{0x80}, 60<<10)...)
	sb = append(sb, "\xff\xf0"...)
	var flood []byte
	for range 20 { // 1.2 MB, 4.8 MB quoted
		flood = append(flood, sb...)
	}
	flood = append(flood, "end-of-flood\r\n"...)
	p := loopserver.Start(t, flood, false)
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiatePassive})
	testwait.Until(t, "the marker", func() bool { return strings.Contains(sc.String(), "end-of-flood") })
	lines, kept := s.Events().Lines(), 0
	charsets := 0
	for _, e := range lines {
		kept += len(e.Text)
		if len(e.Text) > sessionlog.MaxEventText+40 {
			t.Fatalf("a line of %d bytes", len(e.Text))
		}
		if strings.HasPrefix(e.Text, "server: SB CHARSET") {
			charsets++
		}
	}
	if kept > sessionlog.DefaultEventLogBytes || charsets != 20 {
		t.Fatalf("%d bytes in %d lines, %d CHARSET lines", kept, len(lines), charsets)
	}
}
