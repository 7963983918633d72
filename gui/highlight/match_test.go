package highlight

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/screen"
)

// marked shows which characters of row a set styles, as [text].
func marked(set *Set, row string) string {
	runes := []rune(row)
	on := make([]bool, len(runes))
	for _, s := range set.Match(runes, nil) {
		for i := s.Start; i < s.End; i++ {
			on[i] = true
		}
	}
	var b strings.Builder
	for i, r := range runes {
		if on[i] && (i == 0 || !on[i-1]) {
			b.WriteByte('[')
		}
		b.WriteRune(r)
		if on[i] && (i+1 == len(runes) || !on[i+1]) {
			b.WriteByte(']')
		}
	}
	return b.String()
}

func TestDefaultsMatchWhatMatters(t *testing.T) {
	set := Compile(Defaults())
	for _, c := range []struct{ row, want string }{
		{"Interface Gi0/1 is down, line protocol is down", "Interface Gi0/1 is [down], line protocol is [down]"},
		{"shutdown the port", "shutdown the port"},
		{"Gi0/2 is DOWN", "Gi0/2 is [DOWN]"},
		{"%PM-4-ERR_DISABLE: bpduguard error detected on Gi0/3, putting Gi0/3 in err-disabled state",
			"[%PM-4-ERR_DISABLE]: bpduguard [error] detected on Gi0/3, putting Gi0/3 in [err-disabled] state"},
		{"%LINK-3-UPDOWN: Interface Gi0/1, changed state to up", "[%LINK-3-UPDOWN]: Interface Gi0/1, changed state to [up]"},
		{"%SYS-5-CONFIG_I: Configured from console", "%SYS-5-CONFIG_I: Configured from console"},
		{"% Access denied", "% Access [denied]"},
		{"2 input errors, 0 CRC", "2 input [errors], 0 CRC"},
		{"Authentication failed", "Authentication [failed]"},
		{"setup update", "setup update"},
		{"", ""},
	} {
		// The %PM-4 line: severity 4 is not one of the defaults' 0–3.
		want := strings.Replace(c.want, "[%PM-4-ERR_DISABLE]", "%PM-4-ERR_DISABLE", 1)
		if got := marked(set, c.row); got != want {
			t.Errorf("%q: got %s, want %s", c.row, got, want)
		}
	}
}

func TestFirstRuleWins(t *testing.T) {
	mine, _ := ParseRules("\"changed state to down\" on blue\nfoo red")
	set := Compile(mine, Defaults())
	spans := set.Match([]rune("changed state to down"), nil)
	if len(spans) != 1 || spans[0].Start != 0 || spans[0].End != 21 || spans[0].Style.BG != screen.PaletteColor(4) {
		t.Fatalf("spans %+v, want the whole phrase on blue", spans)
	}
	if got := marked(set, "foofoo foo"); got != "foofoo [foo]" {
		t.Fatalf("got %s", got)
	}
}

func TestRegexpOffsetsAreCells(t *testing.T) {
	rules, _ := ParseRules(`/é+x/ red`)
	if got := marked(Compile(rules), "ab ééx ü"); got != "ab [ééx] ü" {
		t.Fatalf("got %s", got)
	}
}

func TestStylerCachesRowsByContent(t *testing.T) {
	s := NewStyler(Compile(Defaults()))
	row := cells("Gi0/1 is down")
	got := s.StyleRow(row)
	if got[9].FG != screen.PaletteColor(9) || got[9].Attr&screen.AttrBold == 0 || got[0].FG != screen.ColorDefault {
		t.Fatalf("styled row %+v", got)
	}
	if row[9].FG != screen.ColorDefault {
		t.Fatal("the snapshot's own row was changed")
	}
	plain := cells("nothing here")
	if out := s.StyleRow(plain); &out[0] != &plain[0] {
		t.Fatal("a row without a match was copied")
	}
	for range 10 {
		s.StyleRow(row)
		s.StyleRow(plain)
	}
	if s.Matched != 2 {
		t.Fatalf("matched %d rows, want 2 (the rest from the cache)", s.Matched)
	}
	for i := range cacheRows + 10 {
		s.StyleRow(cells(fmt.Sprint(i)))
	}
	if len(s.cache) > cacheRows {
		t.Fatalf("cache holds %d rows", len(s.cache))
	}
}

func cells(text string) []screen.Cell {
	var out []screen.Cell
	for _, r := range text {
		out = append(out, screen.Cell{Rune: r, Width: 1})
	}
	return out
}

// BenchmarkStyleRowCached is a flood's cost per row once seen.
func BenchmarkStyleRowCached(b *testing.B) {
	s := NewStyler(Compile(Defaults()))
	row := cells(strings.Repeat("interface GigabitEthernet0/1 description uplink ", 3)[:144])
	for b.Loop() {
		s.StyleRow(row)
	}
}

// BenchmarkStyleRowNew is the cost of a row never seen (all rules run).
func BenchmarkStyleRowNew(b *testing.B) {
	s := NewStyler(Compile(Defaults()))
	rows := make([][]screen.Cell, 64)
	for i := range rows {
		rows[i] = cells(fmt.Sprintf("%05d interface GigabitEthernet0/%d is up, line protocol is down %s", i, i, strings.Repeat("x", 80)))
	}
	i := 0
	for b.Loop() {
		clear(s.cache)
		s.StyleRow(rows[i%64])
		i++
	}
}
