package gui

import "runtime/debug"

// After a flood the Go heap holds the flood's garbage until the next
// collection, and an idle window allocates nothing that would start
// one: measured, a window that took 100 MiB kept ~150 MB more than an
// idle one for minutes. afterFlood gives that memory back to the system
// once the bytes stop: a forced collection and release, costing a few
// milliseconds once per flood, never while data flows.

// floodBytes is how much must have arrived since the last release for
// the next quiet moment to release memory.
const floodBytes = 8 << 20

// quietTicks is how many status ticks (seconds) without a byte count
// as the flood having ended.
const quietTicks = 2

// afterFlood decides, from the total bytes received by every tab at
// each tick, when to release memory.
type afterFlood struct {
	release    func() // debug.FreeOSMemory, but for tests
	releasedAt int64  // the total at the last release
	last       int64  // the total at the last tick
	quiet      int    // ticks since the total last moved
}

func newAfterFlood() *afterFlood {
	return &afterFlood{release: func() { go debug.FreeOSMemory() }}
}

// tick takes the total bytes received so far.
func (a *afterFlood) tick(total int64) {
	if total < a.releasedAt { // a tab closed: its bytes left the total
		a.releasedAt = total
	}
	if total != a.last {
		a.last, a.quiet = total, 0
		return
	}
	a.quiet++
	if a.quiet >= quietTicks && total-a.releasedAt >= floodBytes {
		a.releasedAt = total
		a.release()
	}
}

// bytesIn is what every tab's current session has received.
func (w *mainWindow) bytesIn() int64 {
	var n int64
	for _, t := range w.byItem {
		if s := t.session(); s != nil {
			n += s.Status().BytesIn
		}
	}
	return n
}
