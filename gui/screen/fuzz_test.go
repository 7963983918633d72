package screen

import (
	"bytes"
	"testing"

	"github.com/tern-telnet/tern/gui/screen/vtparse"
)

// FuzzScreen: arbitrary bytes never panic, keep the grid the right size and
// give the same screen whether fed whole or in two pieces.
func FuzzScreen(f *testing.F) {
	seeds := []string{
		"hello\r\n", "\x1b[31mred\x1b[0m", "\x1b[2J\x1b[H", "\x1b[?1049h\x1b[10;20Hx\x1b[?1049l",
		"\x1b]0;title\x07", "日本語\xff\xfe", "\x1b[3;2r\x1b[5S\x1b[2T", "\x1b[65535;65535H\x1b[65535@",
		"\x1bP1;2|abc\x1b\\", "\x1b(0lqqk\x1b(B", "\x1b[4h\x1b[20habc\ndef",
		"\x1b[3;78HX\x1b[3;80HN\bOn", "\x1b[?40h\x1b[?3h\x1b[?5h\x1b[=c", "\x1b(A#\x1b-A\x0e \x7f\x0f",
		"\x1b#6abcdefghij\x1b#3\r\n\x1b#4\x1b[20C\t\x1b#5\x1b#8",
		"\x1b[?40h\x1b[?3h\x1b[1;132HB\x1b[?3l\x1b[1;80HA\x1bc",
	}
	for _, s := range seeds {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, in []byte, split uint8) {
		whole := New(12, 5, 20)
		whole.Write(in)
		cut := int(split) % (len(in) + 1)
		parts := New(12, 5, 20)
		parts.Write(in[:cut])
		parts.Write(in[cut:])
		if whole.Text() != parts.Text() {
			t.Fatalf("split at %d differs:\n%q\n%q", cut, whole.Text(), parts.Text())
		}
		var snap Snapshot
		whole.Snapshot(&snap)
		if snap.Cols != 12 && snap.Cols != snap.ColumnsWanted { // only DECCOLM changes the width
			t.Fatalf("%d columns, DECCOLM asked for %d", snap.Cols, snap.ColumnsWanted)
		}
		if len(snap.Lines) != 5 || len(snap.LineAttrs) != 5 || snap.CursorRow < 0 || snap.CursorRow >= 5 || snap.CursorCol < 0 || snap.CursorCol >= snap.Cols {
			t.Fatalf("bad geometry: %d lines, cursor %d,%d", len(snap.Lines), snap.CursorRow, snap.CursorCol)
		}
		for _, l := range snap.Lines {
			if len(l) != snap.Cols {
				t.Fatalf("row of %d cells", len(l))
			}
		}
		if snap.Scrollback > 20 || len(whole.p.OSC) > vtparse.MaxOSC {
			t.Fatal("unbounded state")
		}
	})
}

func benchFeed(b *testing.B, chunk []byte) {
	s := New(80, 24, 10000)
	b.SetBytes(int64(len(chunk)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Write(chunk)
	}
}

// BenchmarkParsePlain: lines of plain text scrolling the screen.
func BenchmarkParsePlain(b *testing.B) {
	line := []byte("The quick brown fox jumps over the lazy dog; 0123456789 abcdefghijklmnopq\r\n")
	benchFeed(b, bytes.Repeat(line, 1000))
}

// BenchmarkParseColour: SGR changes every few characters (ls --color).
func BenchmarkParseColour(b *testing.B) {
	line := []byte("\x1b[0m\x1b[01;34mdirectory\x1b[0m  \x1b[01;32mprogram\x1b[0m  \x1b[38;5;208mfile.txt\x1b[0m  plain\r\n")
	benchFeed(b, bytes.Repeat(line, 1000))
}

// BenchmarkParseCursor: a top-like repaint by cursor addressing.
func BenchmarkParseCursor(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("\x1b[H")
	for r := 1; r <= 24; r++ {
		buf.WriteString("\x1b[" + itoa(r) + ";1H\x1b[K")
		buf.WriteString("  1234 root      20   0  123456  12345  1234 S   0.0  0.1   0:00.12 process\x1b[7m*\x1b[27m")
	}
	benchFeed(b, bytes.Repeat(buf.Bytes(), 20))
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// BenchmarkFindFullScrollback: one search (a keystroke in the find bar)
// over 10,000 lines of scrollback.
func BenchmarkFindFullScrollback(b *testing.B) {
	s := New(80, 24, 10000)
	line := "250-mail.example.test Hello relay.example.org [192.0.2.1] queued as 4F1C2A\r\n"
	s.Write(bytes.Repeat([]byte(line), 10030))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := len(s.Find("Queued AS", false)); n != 10000+23 {
			b.Fatalf("%d matches", n)
		}
	}
}
