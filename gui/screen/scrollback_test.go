package screen

import "testing"

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
