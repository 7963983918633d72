package screen

import "testing"

// cellWant is one cell a vttest screen must have: its character and pen.
type cellWant struct {
	row, col int
	r        rune
	fg, bg   Color
	attr     Attr
}

// TestVttestScreenCells: the bytes vttest sends for the screens where Tern
// differed from xterm (issue 25), cut down to what shows the difference,
// and the rows and cells xterm draws for them (testdata/vttest holds
// xterm's and Tern's pictures of the whole screens). The 132-column
// screens (1.2, 8.8) are TestColumnModeInOneRead's.
func TestVttestScreenCells(t *testing.T) {
	blue := PaletteColor(4)
	tests := []struct {
		screen, name string
		cols, rows   int
		in           string
		want         map[int]string
		cells        []cellWant
	}{
		{"3.9", "G1 designated A by a VT220 is Latin-1 (94 characters: space and DEL stay)", 8, 1,
			"\x1b)B\x1b)A\x0e!#~ \x7f\x0f#",
			map[int]string{0: "¡£þ #"},
			[]cellWant{{0, 1, '£', ColorDefault, ColorDefault, 0}, {0, 3, ' ', ColorDefault, ColorDefault, 0}}},
		{"3.8", "in national mode A is British", 8, 1,
			"\x1b[?42h\x1b)A\x0e!#~\x0f",
			map[int]string{0: "!£~"},
			nil},
		{"11.6.4", "DECALN keeps the pen: erases after it take its colour", 6, 3,
			"\x1b[37;44m\x1b#8\x1b[2;3H\x1b[K\x1b[3;1Hx",
			map[int]string{0: "EEEEEE", 1: "EE", 2: "xEEEEE"},
			[]cellWant{
				{0, 0, 'E', ColorDefault, ColorDefault, 0},
				{1, 2, ' ', ColorDefault, blue, 0},
				{1, 5, ' ', ColorDefault, blue, 0},
				{2, 0, 'x', PaletteColor(7), blue, 0},
				{2, 1, 'E', ColorDefault, ColorDefault, 0},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.screen+" "+tc.name, func(t *testing.T) {
			s := New(tc.cols, tc.rows, -1)
			feed(s, tc.in)
			for r, got := range rows(s) {
				if got != tc.want[r] {
					t.Errorf("row %d %q, want %q", r, got, tc.want[r])
				}
			}
			for _, w := range tc.cells {
				c := s.Cell(w.row, w.col)
				if c.Rune == 0 {
					c.Rune = ' '
				}
				if c.Rune != w.r || c.FG != w.fg || c.BG != w.bg || c.Attr != w.attr {
					t.Errorf("cell %d,%d: %q fg %x bg %x attr %x, want %q fg %x bg %x attr %x",
						w.row, w.col, c.Rune, c.FG, c.BG, c.Attr, w.r, w.fg, w.bg, w.attr)
				}
			}
		})
	}
}
