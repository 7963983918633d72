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

func (st *sessionTaps) feed(p []byte) {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, t := range st.taps {
		t.Feed(p)
	}
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
