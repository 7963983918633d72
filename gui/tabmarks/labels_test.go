package tabmarks

import (
	"maps"
	"slices"
	"testing"

	"github.com/tern-telnet/tern/gui/termtab"
)

// TestNumbersAndLeftOut: tabs with one title are numbered 1, 2, 3; a
// number stays for its tab's life and a new tab takes the smallest free
// one; a closed tab is forgotten with its left-out mark.
func TestNumbersAndLeftOut(t *testing.T) {
	var l Labels
	a, b, c, d := &termtab.Tab{}, &termtab.Tab{}, &termtab.Tab{}, &termtab.Tab{}
	open := map[*termtab.Tab]bool{}
	add := func(tab *termtab.Tab, title string) {
		open[tab] = true
		l.SetTitle(tab, title, maps.Keys(open))
	}
	add(a, "r1")
	add(b, "r1")
	add(c, "r1")
	if got := []int{l.number[a], l.number[b], l.number[c]}; !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("numbers %v", got)
	}
	l.ToggleLeftOut(a)
	delete(open, a)
	l.Keep(open)
	if l.LeftOut(a) || l.number[b] != 2 {
		t.Fatalf("after closing the first: left out %v, second %d", l.LeftOut(a), l.number[b])
	}
	add(d, "r1")
	if l.number[d] != 1 {
		t.Fatalf("a new tab took %d, want the free 1", l.number[d])
	}
	add(b, "r2")
	if l.number[b] != 1 {
		t.Fatalf("a new title numbered %d", l.number[b])
	}
}

func TestPasteMark(t *testing.T) {
	tests := []struct {
		pr   termtab.Progress
		want string
	}{
		{termtab.Progress{Line: 0, Lines: 40}, " · line 0/40"},
		{termtab.Progress{Line: 3, Lines: 40}, " · line 3/40"},
		{termtab.Progress{Line: 3, Lines: 40, Paused: true, Reason: "no echo for 10 s"}, " · paused 3/40"},
		{termtab.Progress{Line: 40, Lines: 40, Done: true}, ""},
	}
	for _, tt := range tests {
		if got := PasteMark(tt.pr); got != tt.want {
			t.Errorf("PasteMark(%+v) = %q, want %q", tt.pr, got, tt.want)
		}
	}
}
