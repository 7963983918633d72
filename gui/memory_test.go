package gui

import "testing"

func TestMemoryIsReleasedOnceAfterAFlood(t *testing.T) {
	released := 0
	a := &afterFlood{release: func() { released++ }}
	// Each step gives the same total for a number of ticks (seconds).
	for _, c := range []struct {
		total int64
		ticks int
		want  int
		why   string
	}{
		{1 << 10, 4, 0, "a greeting, then quiet: too little to matter"},
		{50 << 20, 1, 0, "a flood"},
		{100 << 20, 2, 0, "the flood goes on, then one quiet second"},
		{100 << 20, 1, 1, "a second quiet second: released"},
		{100 << 20, 5, 1, "still quiet: released once only"},
		{100<<20 + 4<<10, 4, 1, "a few kB more: not worth it"},
		{10 << 20, 4, 1, "the flooded tab closed: the total fell"},
		{30 << 20, 3, 2, "a 20 MiB burst in another tab, then quiet"},
	} {
		for range c.ticks {
			a.tick(c.total)
		}
		if released != c.want {
			t.Fatalf("%s: released %d times, want %d", c.why, released, c.want)
		}
	}
}
