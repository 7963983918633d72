package gui

import "testing"

func TestMemoryIsReleasedOnceAfterAFlood(t *testing.T) {
	released := 0
	a := &afterFlood{release: func() { released++ }}
	for _, c := range []struct {
		total int64
		want  int
		why   string
	}{
		{1 << 10, 0, "a greeting"},
		{1 << 10, 0, "quiet"},
		{1 << 10, 0, "quiet, but too little arrived to matter"},
		{50 << 20, 0, "a flood"},
		{100 << 20, 0, "still flooding"},
		{100 << 20, 0, "one quiet second"},
		{100 << 20, 1, "two quiet seconds after the flood"},
		{100 << 20, 1, "still quiet: released once"},
		{100<<20 + 4<<10, 1, "a few more bytes"},
		{100<<20 + 4<<10, 1, "quiet"},
		{100<<20 + 4<<10, 1, "quiet: not enough since the last release"},
		{10 << 20, 1, "the flooded tab closed: the total fell"},
		{10 << 20, 1, "quiet"},
		{10 << 20, 1, "quiet: nothing arrived since"},
		{30 << 20, 1, "another burst"},
		{30 << 20, 1, "quiet"},
		{30 << 20, 2, "two quiet seconds after the second burst"},
	} {
		a.tick(c.total)
		if released != c.want {
			t.Fatalf("%s: released %d times, want %d", c.why, released, c.want)
		}
	}
}
