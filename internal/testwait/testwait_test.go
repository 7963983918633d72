package testwait

import (
	"sync/atomic"
	"testing"
	"time"
)

// fakeT records a failure instead of ending the test.
type fakeT struct {
	testing.TB
	failed string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = format
}

func TestUntil(t *testing.T) {
	var n atomic.Int32
	go func() {
		for range 3 {
			n.Add(1)
		}
	}()
	Until(t, "three", func() bool { return n.Load() == 3 })

	f := &fakeT{TB: t}
	start := time.Now()
	Within(f, 30*time.Millisecond, "never", func() bool { return false })
	if f.failed == "" || time.Since(start) < 30*time.Millisecond {
		t.Fatalf("a condition that never holds: failed %q after %s", f.failed, time.Since(start))
	}
}

// TestQueue: work queued from another goroutine runs on the test's, as
// on Fyne's UI goroutine, including work that queues more.
func TestQueue(t *testing.T) {
	q := NewQueue()
	ran := 0
	go q.Do(func() { ran++; q.Do(func() { ran++ }) })
	q.Until(t, "both", func() bool { return ran == 2 })
	if n := q.Run(); n != 0 {
		t.Fatalf("ran %d more", n)
	}
}
