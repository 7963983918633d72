package sessionlog

import (
	"strings"
	"testing"
)

// TestEventLogIsBoundedInBytes: lines of the longest kept text fill the
// log only to DefaultEventLogBytes, and the newest are kept.
func TestEventLogIsBoundedInBytes(t *testing.T) {
	l := NewEventLog(0)
	long := strings.Repeat("é", MaxEventText) // 2 bytes a character: cut mid-way
	for i := range 5000 {
		l.Addf("%d %s", i, long)
	}
	lines, kept := l.Lines(), 0
	for _, e := range lines {
		kept += len(e.Text)
	}
	if kept > DefaultEventLogBytes || !strings.HasPrefix(lines[len(lines)-1].Text, "4999 ") || !strings.Contains(lines[0].Text, "more bytes)") {
		t.Fatalf("%d bytes in %d lines; last %.20q", kept, len(lines), lines[len(lines)-1].Text)
	}
}
