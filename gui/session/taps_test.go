package session

import (
	"sync/atomic"
	"testing"
)

// countingTap counts what it is fed; it says it ended when ended is set.
type countingTap struct {
	fed, closed atomic.Int32
	ended       atomic.Bool
}

func (c *countingTap) Feed([]byte) { c.fed.Add(1) }
func (c *countingTap) Close()      { c.closed.Add(1) }
func (c *countingTap) Ended() bool { return c.ended.Load() }

// TestEndedTapsAreLetGo: a tap that says it ended (a paced paste that was
// sent) is fed no more and dropped, the others keep being fed; a plain
// tap stays until the session ends.
func TestEndedTapsAreLetGo(t *testing.T) {
	var st sessionTaps
	paste, other := &countingTap{}, &countingTap{}
	st.attach(paste)
	st.attach(other)
	st.feed([]byte("a"))
	paste.ended.Store(true)
	st.feed([]byte("b"))
	st.feed([]byte("c"))
	if paste.fed.Load() != 1 || other.fed.Load() != 3 || len(st.taps) != 1 {
		t.Fatalf("fed %d and %d, %d taps kept", paste.fed.Load(), other.fed.Load(), len(st.taps))
	}
	st.close()
	if paste.closed.Load() != 0 || other.closed.Load() != 1 {
		t.Fatalf("closed %d and %d", paste.closed.Load(), other.closed.Load())
	}
}
