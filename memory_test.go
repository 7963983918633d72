package main

import (
	"runtime/debug"
	"testing"
)

func TestMemoryIsReleasedOnceAfterEachBurst(t *testing.T) {
	released := 0
	a := &afterBusy{pending: true, release: func() { released++ }}
	// Each step gives the same total and tabs for a number of ticks (seconds).
	for _, c := range []struct {
		total int64
		tabs  int
		ticks int
		want  int
		why   string
	}{
		{0, 0, 1, 0, "starting up"},
		{0, 0, 2, 1, "quiet after start-up: released"},
		{1 << 10, 1, 4, 2, "a tab opened and greeted, then quiet"},
		{2 << 10, 1, 4, 2, "a few bytes: not worth it"},
		{50 << 20, 1, 1, 2, "a flood"},
		{100 << 20, 1, 2, 2, "the flood goes on, then one quiet second"},
		{100 << 20, 1, 1, 3, "a second quiet second: released"},
		{100 << 20, 1, 5, 3, "still quiet: released once only"},
		{100<<20 + 4<<10, 1, 4, 3, "a few kB more"},
		{100<<20 + 4<<10, 2, 1, 3, "a second tab"},
		{100<<20 + 4<<10, 2, 2, 4, "quiet after the new tab: released"},
		{10 << 20, 1, 4, 5, "the flooded tab closed: the total fell, and a tab went"},
		{30 << 20, 1, 3, 6, "a 20 MiB burst, then quiet"},
	} {
		for range c.ticks {
			a.tick(c.total, c.tabs)
		}
		if released != c.want {
			t.Fatalf("%s: released %d times, want %d", c.why, released, c.want)
		}
	}
}

// TestGCGoal: Tern's heap goal applies unless the person set GOGC.
func TestGCGoal(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		gogc string
		want int
	}{{"", gcPercent}, {"200", 100}} {
		t.Setenv("GOGC", c.gogc)
		debug.SetGCPercent(100) // what the runtime had; with GOGC set, Tern must leave it
		setGCGoal()
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("GOGC=%q: the goal is %d, want %d", c.gogc, got, c.want)
		}
	}
}
