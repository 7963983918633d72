package exchange

import (
	"reflect"
	"strings"
	"testing"
)

var linesTests = []struct {
	name string
	max  int
	in   string
	want []string
}{
	{name: "CR LF and bare LF", in: "a\r\nb\nc", want: []string{"a", "b"}},
	{name: "empty lines kept", in: "\r\n\n", want: []string{"", ""}},
	{name: "an unended line is handed on past Max", max: 4, in: "abcdefgh", want: nil}, // what is cut depends on the reads
}

// TestLines feeds each case whole and cut at every byte.
func TestLines(t *testing.T) {
	for _, tt := range linesTests {
		for cut := 0; cut <= len(tt.in); cut++ {
			l := Lines{Max: tt.max}
			var got []string
			add := func(b []byte) { got = append(got, string(b)) }
			l.Feed([]byte(tt.in[:cut]), add)
			l.Feed([]byte(tt.in[cut:]), add)
			if tt.max == 0 && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("%s, cut at %d: got %q, want %q", tt.name, cut, got, tt.want)
			}
			if tt.max > 0 && (l.Pending() > tt.max || strings.Join(got, "")+string(l.partial) != tt.in) {
				t.Fatalf("%s, cut at %d: %d bytes pending, handed on %q", tt.name, cut, l.Pending(), got)
			}
		}
	}
}

func FuzzLines(f *testing.F) {
	for _, tt := range linesTests {
		f.Add([]byte(tt.in), uint8(tt.max))
	}
	f.Fuzz(func(t *testing.T, in []byte, limit uint8) {
		l := Lines{Max: int(limit)}
		n := 0
		l.Feed(in, func(b []byte) { n += len(b) })
		if l.Pending() > len(in) || n > len(in) || (limit > 0 && l.Pending() > int(limit)) {
			t.Fatalf("pending %d, handed on %d of %d", l.Pending(), n, len(in))
		}
	})
}

// words is a Reader that hands on each space-ended word.
type words struct{ cur []byte }

func (w *words) Feed(p []byte) []string {
	var out []string
	for _, b := range p {
		if b == ' ' {
			out = append(out, string(w.cur))
			w.cur = w.cur[:0]
		} else {
			w.cur = append(w.cur, b)
		}
	}
	return out
}

func (w *words) Reset() { w.cur = nil }

func TestTap(t *testing.T) {
	var tap Tap[string, words, *words]
	tap.Feed([]byte("lost ")) // nobody listens: dropped
	a, stopA := tap.Subscribe()
	b, _ := tap.Subscribe()
	tap.Feed([]byte("one tw"))
	tap.Feed([]byte("o "))
	stopA()
	tap.Feed([]byte("three "))
	tap.Close()
	var gotA, gotB []string
	for w := range a {
		gotA = append(gotA, w)
	}
	for w := range b {
		gotB = append(gotB, w)
	}
	if strings.Join(gotA, ",") != "one,two" || strings.Join(gotB, ",") != "one,two,three" {
		t.Fatalf("a %q, b %q", gotA, gotB)
	}
	if c, _ := tap.Subscribe(); func() bool { _, open := <-c; return open }() {
		t.Fatal("a subscription after Close must be closed")
	}
}
