package session

import (
	"sync"

	"github.com/tern-telnet/tern/protocol"
)

// DataTap sees one session's server data (see protocol.DataTap).
type DataTap = protocol.DataTap

// sessionTaps hands one session's data to the taps attached to it. The
// reading goroutine feeds; the UI goroutine attaches; the goroutine that
// waits for the session's end closes.
type sessionTaps struct {
	mu     sync.Mutex
	taps   []DataTap
	closed bool
}

// endedTap is a tap that can say it wants no more data (a paced paste
// that was sent, see pace.Pacer.Ended): feed lets it go, so a long
// session's paced pastes do not pile up taps that each copy every read.
type endedTap interface{ Ended() bool }

func (st *sessionTaps) feed(p []byte) {
	st.mu.Lock()
	defer st.mu.Unlock()
	kept := st.taps[:0]
	for _, t := range st.taps {
		if e, ok := t.(endedTap); ok && e.Ended() {
			continue
		}
		t.Feed(p)
		kept = append(kept, t)
	}
	clear(st.taps[len(kept):])
	st.taps = kept
}

// attach adds tap; a tap attached after the end is closed at once.
func (st *sessionTaps) attach(tap DataTap) {
	if tap == nil {
		return
	}
	st.mu.Lock()
	closed := st.closed
	if !closed {
		st.taps = append(st.taps, tap)
	}
	st.mu.Unlock()
	if closed {
		tap.Close()
	}
}

func (st *sessionTaps) close() {
	st.mu.Lock()
	taps := st.taps
	st.taps, st.closed = nil, true
	st.mu.Unlock()
	for _, t := range taps {
		t.Close()
	}
}
