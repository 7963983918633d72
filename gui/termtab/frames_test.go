package termtab

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestIdleTabDrawsNothing: once what arrived is drawn, a tab whose model,
// selection and marks do not change draws no frame at all (no timer wakes
// it), and one change gives a frame.
func TestIdleTabDrawsNothing(t *testing.T) {
	srv := newLoopServer(t, "220 ready\r\n")
	h := newHarness(t, srv.Port())
	tab := h.tab
	h.waitUntil("the banner", func() bool { return strings.Contains(tab.ShownText(), "220 ready") })
	h.flush()
	h.runUIFor(100 * time.Millisecond)
	var frames atomic.Int32
	tab.View().OnDrawn = func(int64) { frames.Add(1) }
	h.runUIFor(time.Second)
	if n := frames.Load(); n != 0 {
		t.Fatalf("an idle tab drew %d frames in a second", n)
	}
	tab.Print("one more line\r\n")
	h.waitUntil("a frame for the change", func() bool { return frames.Load() > 0 })
}

// TestFramePacing: output is drawn at once after a key, more slowly when
// nobody types, and more slowly still in the background.
func TestFramePacing(t *testing.T) {
	host := &fakeHost{}
	tab := &Tab{host: host}
	if gap := tab.frameGap(0, 0); gap != trickleGap {
		t.Errorf("output nobody typed for: gap %s, want %s", gap, trickleGap)
	}
	if gap := tab.frameGap(0, floodPerFrame); gap != floodGap {
		t.Errorf("a flood: gap %s, want %s", gap, floodGap)
	}
	tab.lastKey.Store(time.Now().UnixNano())
	if gap := tab.frameGap(0, 0); gap != minFrameGap {
		t.Errorf("just after a key: gap %s, want %s", gap, minFrameGap)
	}
	if gap := tab.frameGap(100*time.Millisecond, 0); gap != 200*time.Millisecond {
		t.Errorf("after a frame that cost 100 ms: gap %s, want twice that", gap)
	}
	host.background.Store(true)
	if gap := tab.frameGap(0, 0); gap != backgroundGap {
		t.Errorf("in the background: gap %s, want %s", gap, backgroundGap)
	}
}
