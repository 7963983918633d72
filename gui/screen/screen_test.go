package screen

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func feed(s *Screen, in string) { s.Write([]byte(in)) }

// rows returns the screen's text with trailing blanks cut, as lines.
func rows(s *Screen) []string { return strings.Split(s.Text(), "\n") }

func TestSequences(t *testing.T) {
	tests := []struct {
		name string
		cols int
		rows int
		in   string
		want []string // screen rows
		cur  [2]int   // row, col
	}{
		{"plain text", 10, 3, "hello", []string{"hello", "", ""}, [2]int{0, 5}},
		{"CR LF", 10, 3, "ab\r\ncd", []string{"ab", "cd", ""}, [2]int{1, 2}},
		{"LF keeps column", 10, 3, "ab\ncd", []string{"ab", "  cd", ""}, [2]int{1, 4}},
		{"deferred wrap", 4, 3, "abcd", []string{"abcd", "", ""}, [2]int{0, 3}},
		{"wrap on next char", 4, 3, "abcde", []string{"abcd", "e", ""}, [2]int{1, 1}},
		{"scroll at bottom", 4, 2, "1\r\n2\r\n3", []string{"2", "3"}, [2]int{1, 1}},
		{"backspace", 10, 1, "abc\b\bX", []string{"aXc"}, [2]int{0, 2}},
		{"tab stops", 20, 1, "a\tb", []string{"a       b"}, [2]int{0, 9}},
		{"CUP", 10, 3, "\x1b[2;3Hx", []string{"", "  x", ""}, [2]int{1, 3}},
		{"CUP defaults", 10, 3, "abc\x1b[Hx", []string{"xbc", "", ""}, [2]int{0, 1}},
		{"CUU CUD CUF CUB", 10, 3, "\x1b[3;5H\x1b[2A\x1b[1B\x1b[3C\x1b[2Dx", []string{"", "     x", ""}, [2]int{1, 6}},
		{"CHA", 10, 1, "abcdef\x1b[2Gx", []string{"axcdef"}, [2]int{0, 2}},
		{"VPA", 10, 3, "ab\x1b[3dx", []string{"ab", "", "  x"}, [2]int{2, 3}},
		{"EL 0", 10, 1, "abcdef\x1b[3G\x1b[K", []string{"ab"}, [2]int{0, 2}},
		{"EL 1", 10, 1, "abcdef\x1b[3G\x1b[1K", []string{"   def"}, [2]int{0, 2}},
		{"EL 2", 10, 1, "abcdef\x1b[2K", []string{""}, [2]int{0, 6}},
		{"ED 0", 5, 3, "aaa\r\nbbb\r\nccc\x1b[2;2H\x1b[J", []string{"aaa", "b", ""}, [2]int{1, 1}},
		{"ED 1", 5, 3, "aaa\r\nbbb\r\nccc\x1b[2;2H\x1b[1J", []string{"", "  b", "ccc"}, [2]int{1, 1}},
		{"ED 2", 5, 3, "aaa\r\nbbb\x1b[2J", []string{"", "", ""}, [2]int{1, 3}},
		{"ECH", 10, 1, "abcdef\x1b[2G\x1b[3X", []string{"a   ef"}, [2]int{0, 1}},
		{"ICH", 10, 1, "abcdef\x1b[2G\x1b[2@", []string{"a  bcdef"}, [2]int{0, 1}},
		{"DCH", 10, 1, "abcdef\x1b[2G\x1b[2P", []string{"adef"}, [2]int{0, 1}},
		{"IL", 5, 3, "a\r\nb\r\nc\x1b[2H\x1b[L", []string{"a", "", "b"}, [2]int{1, 0}},
		{"DL", 5, 3, "a\r\nb\r\nc\x1b[1H\x1b[M", []string{"b", "c", ""}, [2]int{0, 0}},
		{"SU", 5, 3, "a\r\nb\r\nc\x1b[S", []string{"b", "c", ""}, [2]int{2, 1}},
		{"SD", 5, 3, "a\r\nb\r\nc\x1b[T", []string{"", "a", "b"}, [2]int{2, 1}},
		{"DECSTBM scrolls inside", 5, 4, "1\r\n2\r\n3\r\n4\x1b[2;3r\x1b[3H\n", []string{"1", "3", "", "4"}, [2]int{2, 0}},
		{"RI at top", 5, 3, "a\r\nb\x1b[H\x1bM", []string{"", "a", "b"}, [2]int{0, 0}},
		{"IND NEL", 5, 3, "ab\x1bDc\x1bEd", []string{"ab", "  c", "d"}, [2]int{2, 1}},
		{"DECSC DECRC", 10, 2, "ab\x1b7\x1b[2;5Hx\x1b8y", []string{"aby", "    x"}, [2]int{0, 3}},
		{"DEC graphics", 5, 1, "\x1b(0lqk\x1b(Bq", []string{"┌─┐q"}, [2]int{0, 4}},
		{"SO SI", 5, 1, "\x1b)0a\x0eq\x0fq", []string{"a─q"}, [2]int{0, 3}},
		{"UTF-8", 10, 1, "h\xc3\xa9llo", []string{"héllo"}, [2]int{0, 5}},
		{"wide", 10, 1, "a日b", []string{"a日b"}, [2]int{0, 4}},
		{"wide at edge wraps", 3, 2, "ab日", []string{"ab", "日"}, [2]int{1, 2}},
		{"combining mark composes (NFD text)", 10, 1, "caf" + "e\u0301!", []string{"café!"}, [2]int{0, 5}},
		{"two marks compose in turn", 10, 1, "e\u0323\u0302", []string{"ệ"}, [2]int{0, 1}},
		{"mark at the right margin", 3, 2, "abe\u0301", []string{"abé", ""}, [2]int{0, 2}},
		{"mark with no precomposed form is dropped", 10, 1, "q\u0301x", []string{"qx"}, [2]int{0, 2}},
		{"mark at column 0 is dropped", 10, 1, "\u0301a", []string{"a"}, [2]int{0, 1}},
		{"invalid UTF-8", 10, 1, "a\xffb", []string{"a\ufffdb"}, [2]int{0, 3}},
		{"DECAWM off", 3, 2, "\x1b[?7labcde", []string{"abe", ""}, [2]int{0, 2}},
		{"insert mode", 10, 1, "abc\x1b[2G\x1b[4hX", []string{"aXbc"}, [2]int{0, 2}},
		{"LNM", 10, 2, "\x1b[20hab\ncd", []string{"ab", "cd"}, [2]int{1, 2}},
		{"origin mode", 5, 4, "\x1b[2;3r\x1b[?6h\x1b[1;1Hx", []string{"", "x", "", ""}, [2]int{1, 1}},
		{"RIS", 5, 2, "abc\x1bc", []string{"", ""}, [2]int{0, 0}},
		{"REP", 10, 1, "a\x1b[3b", []string{"aaaa"}, [2]int{0, 4}},
		{"CBT", 20, 1, "\x1b[12G\x1b[Zx", []string{"        x"}, [2]int{0, 9}},
		{"DECALN", 3, 2, "\x1b#8", []string{"EEE", "EEE"}, [2]int{0, 0}},
		{"CAN aborts", 10, 1, "a\x1b[3\x18b", []string{"ab"}, [2]int{0, 2}},
		{"OSC title is not text", 10, 1, "a\x1b]0;title\x07b", []string{"ab"}, [2]int{0, 2}},
		{"DCS ignored", 10, 1, "a\x1bPq#0;1\x1b\\b", []string{"ab"}, [2]int{0, 2}},
		{"C0 inside CSI runs at once", 10, 2, "xa\x1b[\r1Cb", []string{"xb", ""}, [2]int{0, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.cols, tc.rows, -1)
			feed(s, tc.in)
			got := rows(s)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("screen %q, want %q", got, tc.want)
			}
			if r, c := s.Cursor(); r != tc.cur[0] || c != tc.cur[1] {
				t.Errorf("cursor %d,%d, want %d,%d", r, c, tc.cur[0], tc.cur[1])
			}
		})
	}
}

func TestSGR(t *testing.T) {
	tests := []struct {
		in     string
		fg, bg Color
		attr   Attr
	}{
		{"\x1b[31mx", PaletteColor(1), 0, 0},
		{"\x1b[1;4;7mx", 0, 0, AttrBold | AttrUnderline | AttrReverse},
		{"\x1b[1m\x1b[22mx", 0, 0, 0},
		{"\x1b[92;104mx", PaletteColor(10), PaletteColor(12), 0},
		{"\x1b[38;5;200;48;5;17mx", PaletteColor(200), PaletteColor(17), 0},
		{"\x1b[38;2;1;2;3mx", RGBColor(1, 2, 3), 0, 0},
		{"\x1b[31;42m\x1b[mx", 0, 0, 0},
		{"\x1b[31m\x1b[39mx", 0, 0, 0},
		{"\x1b[2;3;5;8;9mx", 0, 0, AttrDim | AttrItalic | AttrBlink | AttrHidden | AttrStrike},
	}
	for _, tc := range tests {
		s := New(10, 1, -1)
		feed(s, tc.in)
		c := s.Cell(0, 0)
		if c.FG != tc.fg || c.BG != tc.bg || c.Attr != tc.attr || c.Rune != 'x' {
			t.Errorf("%q: got %+v, want fg %x bg %x attr %b", tc.in, c, tc.fg, tc.bg, tc.attr)
		}
	}
}

func TestErasesUseBackground(t *testing.T) {
	s := New(5, 1, -1)
	feed(s, "\x1b[44m\x1b[2K")
	if c := s.Cell(0, 4); c.BG != PaletteColor(4) {
		t.Fatalf("erased cell bg %x, want blue", c.BG)
	}
}

func TestReplies(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1b[c", "\x1b[?62;22c"},
		{"\x1b[>c", "\x1b[>0;10;1c"},
		{"\x1b[5n", "\x1b[0n"},
		{"ab\x1b[6n", "\x1b[1;3R"},
		{"\x1b[21t", ""},                 // title report: never answered
		{"\x1b]52;c;aGk=\x07", ""},       // clipboard write: refused
		{"\x1b]52;c;?\x07", ""},          // clipboard read: never answered
		{"\x05", ""},                     // ENQ: no answerback
		{"\x1bP$qm\x1b\\", ""},           // DECRQSS: never answered
		{"\x1b[>0q", ""},                 // XTVERSION: never answered
		{"\x1b[20t\x1b[18t\x1b[19t", ""}, // icon label, text area and screen size reports
		{"\x1b]11;?\x07", ""},            // colour query: never answered
		{"\x1b[?6n", "\x1b[?1;1R"},
		{"\x1b[=c", "\x1bP!|00000000\x1b\\"}, // DA3, as xterm: vttest waits for it
		{"\x1b[=0c", "\x1bP!|00000000\x1b\\"},
		{"\x1b[=1c", ""},
	}
	for _, tc := range tests {
		s := New(10, 2, -1)
		var got bytes.Buffer
		s.Reply = func(p []byte) { got.Write(p) }
		feed(s, tc.in)
		if got.String() != tc.want {
			t.Errorf("%q: replied %q, want %q", tc.in, got.String(), tc.want)
		}
	}
}

func TestModesAndTitle(t *testing.T) {
	s := New(10, 2, -1)
	feed(s, "\x1b[?1h\x1b[?2004h\x1b[?1000h\x1b[?25l\x1b]2;my title\x1b\\")
	m := s.Modes()
	if !m.AppCursor || !m.BracketedPaste || m.Mouse != 1000 || m.CursorVisible {
		t.Fatalf("modes %+v", m)
	}
	if s.Title() != "my title" {
		t.Fatalf("title %q", s.Title())
	}
	feed(s, "\x1b[?1l\x1b[?2004l\x1b[?1000l\x1b[?25h")
	if m := s.Modes(); m.AppCursor || m.BracketedPaste || m.Mouse != 0 || !m.CursorVisible {
		t.Fatalf("modes after reset %+v", m)
	}
}

func TestAlternateScreenKeepsMainAndScrollback(t *testing.T) {
	s := New(5, 2, 100)
	feed(s, "1\r\n2\r\n3")
	feed(s, "\x1b[?1049h\x1b[Hvi\r\nvi\r\nvi")
	if got := rows(s); got[0] != "vi" {
		t.Fatalf("alt screen %q", got)
	}
	feed(s, "\x1b[?1049l")
	if got := strings.Join(rows(s), "|"); got != "2|3" {
		t.Fatalf("main screen after alt %q", got)
	}
	if h := s.History(); h != "1\n2\n3\n" {
		t.Fatalf("history %q (alt screen must not feed scrollback)", h)
	}
}

func TestScrollbackRingIsBounded(t *testing.T) {
	s := New(10, 3, 50)
	for i := 0; i < 1000; i++ {
		feed(s, "line\r\n")
	}
	var snap Snapshot
	s.Snapshot(&snap)
	if snap.Scrollback != 50 {
		t.Fatalf("scrollback %d lines, want 50", snap.Scrollback)
	}
}

func TestScrollViewAndFind(t *testing.T) {
	s := New(20, 3, 100)
	for i := 0; i < 20; i++ {
		feed(s, "row "+string(rune('a'+i))+"\r\n")
	}
	m := s.Find("ROW C", false)
	if len(m) != 1 || m[0].Col != 0 || m[0].Len != 5 {
		t.Fatalf("find: %+v", m)
	}
	s.Reveal(m[0].Line)
	var snap Snapshot
	s.Snapshot(&snap)
	found := false
	for _, l := range snap.Lines {
		if (&Line{Cells: l}).Text() == "row c" {
			found = true
		}
	}
	if !found || snap.CursorVisible {
		t.Fatalf("view after Reveal does not show the match (offset %d)", snap.ViewOffset)
	}
	feed(s, "x")
	if s.ViewOffset() != 0 {
		t.Fatal("output did not return the view to the bottom")
	}
	if n := len(s.Find("row", false)); n != 20 {
		t.Fatalf("found %d rows, want 20", n)
	}
}

func TestFindMatchesCells(t *testing.T) {
	tests := []struct {
		name string
		text string
		find func(s *Screen) []Match
		want []Match // lines count from 0 at the top of this 30-row screen
	}{
		{"ignores case", "Relay access DENIED", func(s *Screen) []Match { return s.Find("denied", false) },
			[]Match{{0, 13, 6}}},
		{"case sensitive", "Denied denied", func(s *Screen) []Match { return s.Find("denied", true) },
			[]Match{{0, 7, 6}}},
		{"regexp metacharacters are literal", "a.b axb", func(s *Screen) []Match { return s.Find("a.b", false) },
			[]Match{{0, 0, 3}}},
		{"wide characters count two cells", "日本 ok", func(s *Screen) []Match { return s.Find("本 o", false) },
			[]Match{{0, 2, 4}}},
		{"regexp over lines", "250 ok\r\n550 5.1.1 no\r\n451 later",
			func(s *Screen) []Match { return s.FindRegexp(regexp.MustCompile(`\b[45]\d\d\b`)) },
			[]Match{{1, 0, 3}, {2, 0, 3}}},
		{"empty matches are skipped", "abc", func(s *Screen) []Match { return s.FindRegexp(regexp.MustCompile(`x*`)) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(30, 4, 10)
			feed(s, tt.text)
			if got := tt.find(s); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestResize(t *testing.T) {
	s := New(10, 4, 100)
	feed(s, "a\r\nb\r\nc\r\nd")
	s.Resize(5, 2)
	if got := strings.Join(rows(s), "|"); got != "c|d" {
		t.Fatalf("after shrink %q", got)
	}
	if r, c := s.Cursor(); r != 1 || c != 1 {
		t.Fatalf("cursor %d,%d", r, c)
	}
	s.Resize(20, 5)
	feed(s, "\x1b[5;20Hz")
	if got := rows(s)[4]; got != strings.Repeat(" ", 19)+"z" {
		t.Fatalf("after grow %q", got)
	}
}

// TestSplitFeedSameScreen: any split of the input gives the same screen.
func TestSplitFeedSameScreen(t *testing.T) {
	in := []byte("a\x1b[31mé日\x1b[2;3Hb\x1b]0;t\x07\x1b[?1049h\x1b[?1049lz\r\n\x1b(0q\x1b(B")
	want := New(10, 3, 10)
	want.Write(in)
	for i := 0; i <= len(in); i++ {
		s := New(10, 3, 10)
		s.Write(in[:i])
		s.Write(in[i:])
		if s.Text() != want.Text() {
			t.Fatalf("split at %d: %q, want %q", i, s.Text(), want.Text())
		}
	}
}
