package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is Tern's garbage-collection goal: the heap may grow by half
// its live size before a collection, where Go's default lets it double.
// Tern's live heap is ~17 MB, most of it fonts, so the default let a
// slow log stream (whose frames make ~1 MB/s of garbage) add 16–19 MB of
// RSS in its first minute; with 50, 10–11 MB, a third of it the GL
// driver's. A collection of that heap takes ~1 ms of CPU and comes twice
// as often: neither the stream's CPU nor a flood's speed moved (A/B, same
// hour). GOGC, when set, wins.
const gcPercent = 50

// setGCGoal applies gcPercent unless the person set GOGC.
func setGCGoal() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// An idle window allocates nothing, so nothing starts a collection: the
// garbage of a flood, of opening a tab or of starting up stays in the Go
// heap, and the heap's free pages stay with the process, for minutes.
// Measured: a window that took 100 MiB kept ~150 MB more than an idle
// one, and nine duplicated tabs cost ~10 MB each where ~5.5 MB were
// live. afterBusy gives that memory back once things are quiet again: a
// forced collection and release, a few milliseconds of CPU once per
// burst, never while data flows.

// floodBytes is how much must have arrived since the last release for
// the next quiet moment to release memory.
const floodBytes = 8 << 20

// quietTicks is how many status ticks (seconds) with neither a byte nor
// a tab opened or closed count as quiet.
const quietTicks = 2

// afterBusy decides, from the total bytes received by every tab and the
// number of tabs at each tick, when to release memory.
type afterBusy struct {
	release    func() // debug.FreeOSMemory, but for tests
	releasedAt int64  // the total at the last release
	last       int64  // the total at the last tick
	tabs       int    // the tabs at the last tick
	pending    bool   // start-up, or tabs opened or closed, since the last release
	quiet      int    // ticks since the last change
}

func newAfterBusy() *afterBusy {
	return &afterBusy{pending: true, release: func() { go debug.FreeOSMemory() }}
}

// tick takes the total bytes received so far and the number of tabs.
func (a *afterBusy) tick(total int64, tabs int) {
	if total < a.releasedAt { // a tab closed: its bytes left the total
		a.releasedAt = total
	}
	if total != a.last || tabs != a.tabs {
		a.pending = a.pending || tabs != a.tabs
		a.last, a.tabs, a.quiet = total, tabs, 0
		return
	}
	a.quiet++
	if a.quiet >= quietTicks && (a.pending || total-a.releasedAt >= floodBytes) {
		a.releasedAt, a.pending = total, false
		a.release()
	}
}
