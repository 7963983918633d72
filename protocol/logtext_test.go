package protocol

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

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

// TestTextOnlySessionLog: a session log set to text only (PuTTY's
// "Printable output") holds the words a colourful prompt and a clear
// left on screen, without their escape sequences; the other log holds
// them as sent.
func TestTextOnlySessionLog(t *testing.T) {
	greeting := "\x1b[H\x1b[2J\x1b]0;r1\x07\x1b[1;32mr1#\x1b[0m show ip\r\nEND"
	for _, textOnly := range []bool{true, false} {
		dir := t.TempDir()
		p := loopserver.Start(t, []byte(greeting), false)
		cfg := Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateRaw,
			SessionLog: Log{Path: filepath.Join(dir, "session.log"), TextOnly: textOnly}}
		s, sc, done := start(t, cfg)
		testwait.Until(t, "greeting", func() bool { return strings.Contains(sc.String(), "END") })
		s.Close()
		<-done
		_, log, _ := strings.Cut(string(readGlob(t, dir, "session.log")), "=~=\r\n")
		want := "r1# show ip\r\nEND"
		if !textOnly {
			want = greeting
		}
		if log != want {
			t.Errorf("text only %v: log %q, want %q", textOnly, log, want)
		}
	}
}
