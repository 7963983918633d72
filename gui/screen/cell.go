package screen

// Color is a cell colour: ColorDefault, a palette index (PaletteColor), or
// a 24-bit RGB value (RGBColor).
type Color uint32

const (
	// ColorDefault is the terminal's default foreground or background.
	ColorDefault Color = 0
	paletteFlag  Color = 1 << 24
	rgbFlag      Color = 2 << 24
)

// PaletteColor is entry n (0-255) of the xterm palette.
func PaletteColor(n uint8) Color { return paletteFlag | Color(n) }

// RGBColor is a 24-bit colour.
func RGBColor(r, g, b uint8) Color { return rgbFlag | Color(r)<<16 | Color(g)<<8 | Color(b) }

// IsPalette reports whether c is a palette entry, and which.
func (c Color) IsPalette() (uint8, bool) { return uint8(c), c&0xFF000000 == paletteFlag }

// IsRGB reports whether c is an RGB colour, and its parts.
func (c Color) IsRGB() (r, g, b uint8, ok bool) {
	return uint8(c >> 16), uint8(c >> 8), uint8(c), c&0xFF000000 == rgbFlag
}

// Attr is a set of character attributes.
type Attr uint16

// Character attributes (SGR).
const (
	AttrBold Attr = 1 << iota
	AttrDim
	AttrItalic
	AttrUnderline
	AttrBlink
	AttrReverse
	AttrHidden
	AttrStrike
)

// Cell is one character cell. Width is 1, 2 for the left half of a wide
// character, or 0 for its right half.
type Cell struct {
	Rune   rune
	FG, BG Color
	Attr   Attr
	Width  uint8
}

// blank is an empty cell with the given background (erase uses the
// current background, as xterm does).
func blank(bg Color) Cell { return Cell{Rune: ' ', BG: bg, Width: 1} }

// LineAttr is a line's size, set by DECDWL, DECDHL and DECSWL. A painter
// draws the first half of a double-width or double-height line's cells
// twice as wide and leaves the rest out, as xterm does; of a double-height
// line it draws the top or the bottom half of each glyph.
type LineAttr uint8

// Line sizes.
const (
	LineNormal       LineAttr = iota // ESC # 5 (DECSWL)
	LineDoubleWidth                  // ESC # 6 (DECDWL)
	LineDoubleTop                    // ESC # 3 (DECDHL, top half)
	LineDoubleBottom                 // ESC # 4 (DECDHL, bottom half)
)

// Line is one row of cells; Wrapped marks a line that continues on the
// next (the text had no line break there), and Attr is its size.
type Line struct {
	Cells   []Cell
	Wrapped bool
	Attr    LineAttr
}

func newLine(cols int) *Line {
	l := &Line{Cells: make([]Cell, cols)}
	l.clear(0, cols, ColorDefault)
	return l
}

func (l *Line) clear(from, to int, bg Color) {
	b := blank(bg)
	for i := from; i < to && i < len(l.Cells); i++ {
		l.Cells[i] = b
	}
}

// reset blanks the whole line, as erasing whole lines and scrolling in
// new ones do: it no longer continues on the next and is normal size.
func (l *Line) reset(bg Color) {
	l.clear(0, len(l.Cells), bg)
	l.Wrapped = false
	l.Attr = LineNormal
}

// resize makes the line cols wide, keeping what fits.
func (l *Line) resize(cols int) {
	if cols <= cap(l.Cells) {
		old := len(l.Cells)
		l.Cells = l.Cells[:cols]
		l.clear(old, cols, ColorDefault)
		return
	}
	cells := make([]Cell, cols)
	copy(cells, l.Cells)
	old := len(l.Cells)
	l.Cells = cells
	l.clear(old, cols, ColorDefault)
}

// Text returns the line's characters with trailing blanks removed.
func (l *Line) Text() string {
	end := len(l.Cells)
	for end > 0 && (l.Cells[end-1].Rune == ' ' || l.Cells[end-1].Rune == 0) {
		end--
	}
	out := make([]rune, 0, end)
	for _, c := range l.Cells[:end] {
		if c.Width == 0 {
			continue
		}
		r := c.Rune
		if r == 0 {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}
