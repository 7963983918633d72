package protocol

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// DefaultEventLogLines bounds the event log.
const DefaultEventLogLines = 10000

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

// Addf adds a line.
func (l *EventLog) Addf(format string, args ...any) {
	e := Event{Time: time.Now(), Text: fmt.Sprintf(format, args...)}
	l.mu.Lock()
	if len(l.lines) >= l.max { // drop the oldest tenth at once: amortised O(1)
		drop := l.max/10 + 1
		n := copy(l.lines, l.lines[drop:])
		l.lines = l.lines[:n]
		l.dropped += drop
	}
	l.lines = append(l.lines, e)
	listener := l.listener
	l.mu.Unlock()
	if listener != nil {
		listener(e)
	}
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
