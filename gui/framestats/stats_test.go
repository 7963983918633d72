package framestats

import (
	"testing"
	"time"
)

// TestFrameCounts: frames add up their cells and UI time and keep the
// longest.
func TestFrameCounts(t *testing.T) {
	s := New()
	for _, f := range []struct {
		cells int
		busy  time.Duration
	}{{100, 2 * time.Millisecond}, {5, 9 * time.Millisecond}, {0, time.Millisecond}} {
		s.Frame(f.cells, f.busy)
	}
	if s.frames != 3 || s.cells != 105 || s.uiBusy != 12*time.Millisecond || s.longest != 9*time.Millisecond {
		t.Fatalf("counted %+v", *s)
	}
}
