package screen

import (
	"runtime"
	"strings"
	"testing"
)

// kept lists the ring's lines, oldest first, by their first cell's rune.
func kept(r *ring) string {
	s := ""
	for i := range r.len() {
		s += string(r.at(i).Cells[0].Rune)
	}
	return s
}

func lineOf(c rune) *Line { return &Line{Cells: []Cell{{Rune: c}}} }

func TestRingGrowsAsLinesArriveThenWraps(t *testing.T) {
	r := newRing(3)
	if len(r.lines) != 0 {
		t.Fatalf("a new ring holds %d slots, want none until lines arrive", len(r.lines))
	}
	for _, c := range "ab" {
		if spare := r.push(lineOf(c)); spare != nil {
			t.Fatalf("push %c returned a spare before the ring was full", c)
		}
	}
	if len(r.lines) != 2 || kept(r) != "ab" {
		t.Fatalf("slots %d, kept %q; want 2, \"ab\"", len(r.lines), kept(r))
	}
	r.push(lineOf('c'))
	if spare := r.push(lineOf('d')); spare == nil || spare.Cells[0].Rune != 'a' {
		t.Fatalf("a full ring should hand back its oldest line, got %v", spare)
	}
	if len(r.lines) != 3 || kept(r) != "bcd" || r.total != 4 {
		t.Fatalf("slots %d, kept %q, total %d; want 3, \"bcd\", 4", len(r.lines), kept(r), r.total)
	}
	r.clear()
	for _, c := range "efgh" {
		r.push(lineOf(c))
	}
	if len(r.lines) != 3 || kept(r) != "fgh" {
		t.Fatalf("after clear: slots %d, kept %q; want 3, \"fgh\"", len(r.lines), kept(r))
	}
}

func TestRingWithNoScrollbackKeepsNothing(t *testing.T) {
	r := newRing(0)
	l := lineOf('a')
	if spare := r.push(l); spare != l || r.len() != 0 || r.total != 1 {
		t.Fatalf("spare %v, len %d, total %d: a ring of 0 hands every line back", spare, r.len(), r.total)
	}
}

// TestFullScrollbackIsBoundedInMemory: 10,000 lines of 100 columns cost
// a known amount (16 bytes a cell: ~16 MB), and once the ring is full,
// more output reuses the evicted lines instead of growing the heap.
func TestFullScrollbackIsBoundedInMemory(t *testing.T) {
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	line := []byte(strings.Repeat("x", 100) + "\r\n")
	before := heap()
	s := New(100, 30, DefaultScrollback)
	for range DefaultScrollback + 30 {
		s.Write(line)
	}
	full := heap()
	for range 2 * DefaultScrollback {
		s.Write(line)
	}
	later := heap()
	runtime.KeepAlive(s)
	mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
	t.Logf("10,000 lines of 100 columns: %.1f MB; 20,000 lines more: %+.2f MB", mb(full-before), mb(later)-mb(full))
	if full-before > 20<<20 {
		t.Errorf("a full scrollback takes %.1f MB, want at most 20 MB (16 bytes a cell)", mb(full-before))
	}
	if later > full+1<<20 {
		t.Errorf("the heap grew by %.1f MB after the scrollback was full", mb(later-full))
	}
}
