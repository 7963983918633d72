package sessionlog

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The event log's bounds: DefaultEventLogLines lines, DefaultEventLogBytes
// bytes of text in all, MaxEventText bytes of one line's text (the rest of
// a line is counted, not kept: a server's subnegotiation of 64 KiB, quoted,
// would otherwise make a line of 256 KiB).
const (
	DefaultEventLogLines = 10000
	DefaultEventLogBytes = 2 << 20
	MaxEventText         = 1024
)

// Event is one line of the event log.
type Event struct {
	Time time.Time
	Text string
}

func (e Event) String() string {
	return e.Time.Format("2006-01-02 15:04:05.000") + "  " + e.Text
}

// EventLog keeps the last lines of what happened on a connection: lookups,
// connects, every negotiation step and error, as PuTTY's Event Log does.
type EventLog struct {
	mu       sync.Mutex
	lines    []Event
	max      int
	bytes    int // the text bytes of lines
	dropped  int
	listener func(Event)
}

// NewEventLog returns a log that keeps at most max lines (0 means
// DefaultEventLogLines).
func NewEventLog(max int) *EventLog {
	if max <= 0 {
		max = DefaultEventLogLines
	}
	return &EventLog{max: max}
}

// Addf adds a line, its text cut to MaxEventText bytes.
func (l *EventLog) Addf(format string, args ...any) {
	e := Event{Time: time.Now(), Text: CutText(fmt.Sprintf(format, args...), MaxEventText)}
	l.mu.Lock()
	if len(l.lines) >= l.max || l.bytes+len(e.Text) > DefaultEventLogBytes {
		l.dropOldest()
	}
	l.lines = append(l.lines, e)
	l.bytes += len(e.Text)
	listener := l.listener
	l.mu.Unlock()
	if listener != nil {
		listener(e)
	}
}

// dropOldest drops the oldest tenth of the lines, or more until a tenth
// of the bytes is free, at once: amortised O(1) per line (l.mu held).
func (l *EventLog) dropOldest() {
	drop, freed := 0, 0
	for drop < len(l.lines) && (drop < l.max/10+1 || l.bytes-freed > DefaultEventLogBytes*9/10) {
		freed += len(l.lines[drop].Text)
		drop++
	}
	n := copy(l.lines, l.lines[drop:])
	clear(l.lines[n:])
	l.lines = l.lines[:n]
	l.bytes -= freed
	l.dropped += drop
}

// CutText returns s cut to at most max bytes (at a character boundary),
// saying how many bytes were left out.
func CutText(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("… (%d more bytes)", len(s)-cut)
}

// Lines returns a copy of the kept lines, oldest first.
func (l *EventLog) Lines() []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Event(nil), l.lines...)
}

// String returns the whole log as text, one event a line.
func (l *EventLog) String() string {
	var b strings.Builder
	for _, e := range l.Lines() {
		b.WriteString(e.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// OnEvent sets a function called (on the logging goroutine) with every new
// line; nil stops the calls.
func (l *EventLog) OnEvent(f func(Event)) {
	l.mu.Lock()
	l.listener = f
	l.mu.Unlock()
}
