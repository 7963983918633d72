package sessionlog

import "testing"

var textFilterCases = []struct {
	name, in, want string
}{
	{"plain text", "Router> show version\r\n", "Router> show version\r\n"},
	{"colours", "\x1b[1;31mError\x1b[0m: bad\r\n", "Error: bad\r\n"},
	{"cursor moves and erase", "\x1b[H\x1b[2J\x1b[10;5Hhere\x1b[K", "here"},
	{"private modes", "\x1b[?1049h\x1b[?25lvi\x1b[?1049l", "vi"},
	{"window title, BEL", "\x1b]0;r1: ~\x07$ ", "$ "},
	{"window title, ST", "\x1b]2;title\x1b\\ok", "ok"},
	{"character set designation", "\x1b(0lqqk\x1b(B", "lqqk"},
	{"keypad mode", "\x1b=\x1b>text", "text"},
	{"controls", "a\x07b\x08c\x00d\x7fe\tf", "abcde\tf"},
	{"UTF-8 kept", "caf\xc3\xa9 \xe2\x94\x80", "caf\xc3\xa9 \xe2\x94\x80"},
	{"DCS", "\x1bPq#0;2;0;0;0\x1b\\after", "after"},
}

func TestTextFilter(t *testing.T) {
	for _, c := range textFilterCases {
		t.Run(c.name, func(t *testing.T) {
			var f textFilter
			if got := string(f.filter(nil, []byte(c.in))); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			// the same, a byte at a time
			var g textFilter
			var got []byte
			for i := range len(c.in) {
				got = g.filter(got, []byte{c.in[i]})
			}
			if string(got) != c.want {
				t.Fatalf("a byte at a time: got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzTextFilter: never more out than in, no ESC in the output, and the
// same output however the input is cut.
func FuzzTextFilter(f *testing.F) {
	for _, c := range textFilterCases {
		f.Add([]byte(c.in), uint8(len(c.in)/2))
	}
	f.Fuzz(func(t *testing.T, in []byte, cut uint8) {
		var a, b textFilter
		whole := a.filter(nil, in)
		c := int(cut) % (len(in) + 1)
		parts := b.filter(b.filter(nil, in[:c]), in[c:])
		if string(whole) != string(parts) || len(whole) > len(in) {
			t.Fatalf("whole %q, cut at %d %q", whole, c, parts)
		}
		for _, x := range whole {
			if x == 0x1b {
				t.Fatalf("ESC in the output %q", whole)
			}
		}
	})
}
