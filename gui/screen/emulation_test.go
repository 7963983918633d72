package screen

import (
	"slices"
	"strings"
	"testing"
)

// TestXtermEmulation: the differences from xterm that vttest showed
// (issue 10), each with the bytes that show it. want gives the text of
// the rows it names (trailing blanks cut); the other rows must be empty.
func TestXtermEmulation(t *testing.T) {
	tests := []struct {
		name       string
		cols, rows int
		in         string
		want       map[int]string
		cur        [2]int // row, col
	}{
		// 1. Backspace after the last column (vttest 1.3, 1.4).
		{"BS after the last column moves to the one before", 80, 4, "\x1b[3;78HX\x1b[3;80HN\bOn",
			map[int]string{2: strings.Repeat(" ", 77) + "XOn"}, [2]int{2, 79}},
		{"BS clears the pending wrap", 5, 2, "abcde\bX", map[int]string{0: "abcXe"}, [2]int{0, 4}},

		// 3. DECCOLM: only after mode 40; clears, homes, resets the margins.
		{"DECCOLM ignored without mode 40", 10, 3, "ab\x1b[?3hc", map[int]string{0: "abc"}, [2]int{0, 3}},
		{"DECCOLM clears and homes", 10, 3, "\x1b[?40hab\r\ncd\x1b[?3hx", map[int]string{0: "x"}, [2]int{0, 1}},
		{"DECCOLM resets the margins", 10, 3, "\x1b[?40hab\x1b[1;2r\x1b[?3lx\x1b[3H\n", nil, [2]int{2, 0}},

		// 5. LNM: LF, VT and FF return the carriage.
		{"LNM LF VT FF", 10, 4, "\x1b[20ha\nb\vc\fd", map[int]string{0: "a", 1: "b", 2: "c", 3: "d"}, [2]int{3, 1}},
		{"LNM reset", 10, 2, "\x1b[20h\x1b[20la\nb", map[int]string{0: "a", 1: " b"}, [2]int{1, 2}},

		// 6. Character sets.
		{"UK in G0 shows £ for # in national mode", 10, 1, "\x1b[?42h\x1b(A#a$\x1b(B#", map[int]string{0: "£a$#"}, [2]int{0, 4}},
		{"UK in G1 with SO in national mode", 10, 1, "\x1b[?42h\x1b)A\x0e#\x0f#", map[int]string{0: "£#"}, [2]int{0, 2}},
		{"A is Latin-1 out of national mode", 10, 1, "\x1b(A#a \x7f\x1b(B#", map[int]string{0: "£á #"}, [2]int{0, 4}},
		{"national mode reset", 10, 1, "\x1b[?42h\x1b[?42l\x1b)A\x0eA", map[int]string{0: "Á"}, [2]int{0, 1}},
		{"Latin-1 in G1 with SO", 10, 1, "\x1b-A\x0eAi~\x0fA", map[int]string{0: "Áéþ" + "A"}, [2]int{0, 4}},
		{"Latin-1 space is no-break, DEL is ÿ", 10, 1, "\x1b-A\x0e \x7f", map[int]string{0: "\u00a0ÿ"}, [2]int{0, 2}},
		{"DEL ignored in ASCII", 10, 1, "a\x7fb", map[int]string{0: "ab"}, [2]int{0, 2}},
		{"Latin-1 leaves UTF-8 alone", 10, 1, "\x1b-A\x0eé", map[int]string{0: "é"}, [2]int{0, 1}},
		{"DEC control pictures", 10, 1, "\x1b(0bcdehi\x1b(B", map[int]string{0: "␉␌␍␊␤␋"}, [2]int{0, 6}},
		{"REP repeats the glyph, not the byte", 10, 1, "\x1b(0q\x1b(B\x1b[2b", map[int]string{0: "───"}, [2]int{0, 3}},

		// 7. Double-width lines: text and cursor stay in the first half.
		{"double width wraps in the middle", 10, 2, "\x1b#6abcdefg", map[int]string{0: "abcde", 1: "fg"}, [2]int{1, 2}},
		{"double width keeps the cells past the middle", 10, 2, "0123456789\r\x1b#6\x1b[20C",
			map[int]string{0: "0123456789"}, [2]int{0, 4}},
		{"double width pulls the cursor into view", 10, 2, "\x1b[1;9H\x1b#3x", map[int]string{0: "    x"}, [2]int{0, 4}},
		{"double width stops tabs in the middle", 20, 1, "\x1b#4\t\tx", map[int]string{0: strings.Repeat(" ", 9) + "x"}, [2]int{0, 9}},
		{"single width again", 10, 2, "\x1b#6\x1b#5abcdefg", map[int]string{0: "abcdefg"}, [2]int{0, 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.cols, tc.rows, -1)
			feed(s, tc.in)
			checkRows(t, s, tc.want, tc.cur)
		})
	}
}

// checkRows compares the screen's rows with want (the rows it names; the
// others must be empty) and its cursor with cur (row, col).
func checkRows(t *testing.T, s *Screen, want map[int]string, cur [2]int) {
	t.Helper()
	for r, got := range rows(s) {
		if got != want[r] {
			t.Errorf("row %d %q, want %q", r, got, want[r])
		}
	}
	if r, c := s.Cursor(); r != cur[0] || c != cur[1] {
		t.Errorf("cursor %d,%d, want %d,%d", r, c, cur[0], cur[1])
	}
}

// TestSnapshotReverseScreen: DECSCNM (2) reaches the painter; RIS ends it.
func TestSnapshotReverseScreen(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", false}, {"\x1b[?5h", true}, {"\x1b[?5h\x1b[?5l", false}, {"\x1b[?5h\x1bc", false},
	} {
		s := New(10, 2, -1)
		feed(s, tc.in)
		var snap Snapshot
		s.Snapshot(&snap)
		if snap.ReverseScreen != tc.want {
			t.Errorf("%q: ReverseScreen %v, want %v", tc.in, snap.ReverseScreen, tc.want)
		}
	}
}

// TestSnapshotColumns: DECCOLM (3) changes the model's width at once and
// tells the GUI the width once per request.
func TestSnapshotColumns(t *testing.T) {
	tests := []struct {
		in     string
		wanted int
		serial uint64
		cols   int
	}{
		{"\x1b[?3h", 0, 0, 80},
		{"\x1b[?40h\x1b[?3h", 132, 1, 132},
		{"\x1b[?40h\x1b[?3h\x1b[?3l", 80, 2, 80},
		{"\x1b[?40h\x1b[?3h\x1b[?40l\x1b[?3l", 132, 1, 132},
		{"\x1b[?40h\x1b[?3h\x1bc", 80, 2, 80}, // RIS: back to 80, as xterm
		{"\x1b[?40h\x1b[?3l\x1bc", 80, 1, 80},
	}
	for _, tc := range tests {
		s := New(80, 4, -1)
		feed(s, tc.in)
		var snap Snapshot
		s.Snapshot(&snap)
		if snap.ColumnsWanted != tc.wanted || snap.ColumnsSerial != tc.serial || snap.Cols != tc.cols {
			t.Errorf("%q: ColumnsWanted %d serial %d cols %d, want %d, %d, %d",
				tc.in, snap.ColumnsWanted, snap.ColumnsSerial, snap.Cols, tc.wanted, tc.serial, tc.cols)
		}
	}
}

// TestColumnModeInOneRead: text that follows DECCOLM in the same read is
// laid out at the new width, with no GUI resizing the screen in between
// (vttest 1.2 drew its border 80 wide and 8.8 "B***B" for "A***B" when
// the window's resize came after the text).
func TestColumnModeInOneRead(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[int]string
		cur  [2]int
	}{
		{"a border at the last column of 132", "\x1b[?40h\x1b[?3h\x1b[1;1HA\x1b[1;132HB\x1b[4;132HZ",
			map[int]string{0: "A" + strings.Repeat(" ", 130) + "B", 3: strings.Repeat(" ", 131) + "Z"}, [2]int{3, 131}},
		{"text wraps after column 132", "\x1b[?40h\x1b[?3h" + strings.Repeat("x", 133),
			map[int]string{0: strings.Repeat("x", 132), 1: "x"}, [2]int{1, 1}},
		// vttest 8.8: A at the left, ICH pushes the B to the right margin.
		{"insert character pushes to column 132", "\x1b[?40h\x1b[?3hAB\x1b[1;2H\x1b[130@***",
			map[int]string{0: "A***" + strings.Repeat(" ", 127) + "B"}, [2]int{0, 4}},
		{"tab stops kept through DECCOLM, as xterm", "\x1b[?40h\x1b[3g\x1b[61G\x1bH\x1b[?3h\x1b[?3l\tY",
			map[int]string{0: strings.Repeat(" ", 60) + "Y"}, [2]int{0, 61}},
		{"default stops in the columns added", "\x1b[?40h\x1b[?3h\x1b[121G\tZ",
			map[int]string{0: strings.Repeat(" ", 128) + "Z"}, [2]int{0, 129}},
		{"back to 80 in the same read", "\x1b[?40h\x1b[?3h\x1b[?3l\x1b[1;80HB" + "\r\n" + strings.Repeat("y", 81),
			map[int]string{0: strings.Repeat(" ", 79) + "B", 1: strings.Repeat("y", 80), 2: "y"}, [2]int{2, 1}},
		{"RIS back to 80 in the same read", "\x1b[?40h\x1b[?3h\x1bc\x1b[1;200HB",
			map[int]string{0: strings.Repeat(" ", 79) + "B"}, [2]int{0, 79}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(80, 4, -1)
			feed(s, tc.in)
			checkRows(t, s, tc.want, tc.cur)
		})
	}
}

// TestModesNewline: LNM (5) is exposed for the key path.
func TestModesNewline(t *testing.T) {
	s := New(10, 2, -1)
	if m := s.Modes(); m.Newline || m.ReturnKey() != "\r" {
		t.Fatalf("newline mode at start: %+v, Return %q", m, m.ReturnKey())
	}
	feed(s, "\x1b[20h")
	if m := s.Modes(); !m.Newline || m.ReturnKey() != "\r\n" {
		t.Fatalf("after CSI 20 h: %+v, Return %q", m, m.ReturnKey())
	}
	feed(s, "\x1bc")
	if s.Modes().Newline {
		t.Fatal("RIS kept newline mode")
	}
}

// TestLineAttrs: line sizes (7) belong to their lines: they move with
// scrolling into scrollback and back into view, and lines erased whole or
// scrolled in are normal.
func TestLineAttrs(t *testing.T) {
	attrs := func(s *Screen) []LineAttr {
		var snap Snapshot
		s.Snapshot(&snap)
		return snap.LineAttrs
	}
	const (
		N = LineNormal
		W = LineDoubleWidth
		T = LineDoubleTop
		B = LineDoubleBottom
	)
	tests := []struct {
		name string
		in   string
		view int // lines scrolled back before the snapshot
		want []LineAttr
	}{
		{"each size", "\x1b#3\n\x1b#4\n\x1b#6\n\x1b#5", 0, []LineAttr{T, B, W, N}},
		{"unknown ESC # is ignored", "\x1b#6\x1b#7\x1b#1", 0, []LineAttr{W, N, N, N}},
		{"scrolls up with the text", "\x1b#6\x1b[4H\n", 0, []LineAttr{N, N, N, N}},
		{"moves with the line", "\x1b[2H\x1b#3\r\n\x1b#4\x1b[4H\n", 0, []LineAttr{T, B, N, N}},
		{"kept in scrollback", "\x1b#6\x1b[4H\n", 1, []LineAttr{W, N, N, N}},
		{"scrolled down", "\x1b#6\x1bM", 0, []LineAttr{N, W, N, N}},
		{"IL and DL move it", "\x1b[2H\x1b#6\x1b[H\x1b[L\x1b[3H\x1b[M", 0, []LineAttr{N, N, N, N}},
		{"IL moves it down", "\x1b[2H\x1b#6\x1b[H\x1b[L", 0, []LineAttr{N, N, W, N}},
		{"ED 2 resets", "\x1b#6\n\x1b#3\x1b[2J", 0, []LineAttr{N, N, N, N}},
		{"ED 0 keeps the cursor line", "\x1b#6\n\x1b#3\x1b[H\x1b[J", 0, []LineAttr{W, N, N, N}},
		{"ED 1 keeps the cursor line", "\x1b#6\n\x1b#3\x1b[1J", 0, []LineAttr{N, T, N, N}},
		{"EL 2 keeps it", "\x1b#6\x1b[2K", 0, []LineAttr{W, N, N, N}},
		{"DECALN resets", "\x1b#6\n\x1b#3\x1b#8", 0, []LineAttr{N, N, N, N}},
		{"DECCOLM clears", "\x1b#6\x1b[?40h\x1b[?3h", 0, []LineAttr{N, N, N, N}},
		{"RIS resets", "\x1b#6\x1bc", 0, []LineAttr{N, N, N, N}},
		{"alternate screen has its own", "\x1b#6\x1b[?1049h", 0, []LineAttr{N, N, N, N}},
		{"back from the alternate screen", "\x1b#6\x1b[?1049h\x1b#3\x1b[?1049l", 0, []LineAttr{W, N, N, N}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(10, 4, 10)
			feed(s, tc.in)
			s.ScrollView(tc.view)
			if got := attrs(s); !slices.Equal(got, tc.want) {
				t.Errorf("line sizes %v, want %v", got, tc.want)
			}
		})
	}
}
