package termtab

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/screen"
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

// TestOutputIsCountedBeforeTheModelWakesTheRenderLoop: when the model
// says it changed, the bytes that changed it are already counted, so the
// render loop paces a flood as a flood from its first read (it used to
// see 0 bytes, take the flood for a trickle and draw 5 frames a second).
func TestOutputIsCountedBeforeTheModelWakesTheRenderLoop(t *testing.T) {
	tab := &Tab{scr: screen.New(80, 24, 100)}
	changed := tab.scr.Changed()
	select { // a change left from making the screen is not this read's
	case <-changed:
	default:
	}
	var seen atomic.Int64
	done := make(chan struct{})
	go func() { <-changed; seen.Store(tab.fed.Load()); close(done) }()
	sessionHost{tab}.Output([]byte(strings.Repeat("flood ", 2000)))
	<-done
	if n := seen.Load(); n < floodPerFrame {
		t.Fatalf("the render loop woke to %d bytes counted, want the whole read (12000)", n)
	}
}
