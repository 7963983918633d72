package paint

import (
	"image"
	"image/color"
	"image/draw"
	"slices"

	"github.com/tern-telnet/tern/gui/screen"
)

// Mark is how a cell is set apart from its own look.
type Mark uint8

// Marks: a search match is drawn reversed, selected text on the
// selection colour; the cursor is a block, or a box when the terminal
// does not have the keyboard.
const (
	MarkFound Mark = 1 << iota
	MarkSelected
	MarkCursor
	MarkHollowCursor
)

// Span marks Len cells of a row from Col.
type Span struct {
	Col, Len int
	Mark     Mark
}

// Overlay is what is drawn over the cells of one snapshot.
type Overlay struct {
	Cursor Mark     // MarkCursor, MarkHollowCursor, or 0 for none
	Spans  [][]Span // by view row (may be shorter than the screen, or nil)
}

// Painter draws snapshots of the screen model into an RGBA image, cell
// by cell, redrawing only the cells whose look changed since the last
// Paint, and moving pixel rows when the screen scrolled. It belongs to
// one goroutine (a tab's render loop).
type Painter struct {
	theme  Theme
	glyphs *Glyphs
	img    *image.RGBA
	shown  [][]drawn // what each cell shows in img
	ink    *image.Uniform
	marks  []Mark    // one row's marks, reused
	spare  [][]drawn // rows moved by a scroll, reused

	reversed bool              // DECSCNM: the screen's default colours swapped
	sizes    []screen.LineAttr // each row's size as drawn
	damage   Damage            // returned by Paint, reused

	// CellsDrawn counts the cells drawn since the painter was made (for
	// tests and statistics).
	CellsDrawn int
}

// drawn is what one cell shows. A Width of 255 means "nothing known":
// the cell is drawn at the next Paint whatever it holds.
type drawn struct {
	cell screen.Cell
	mark Mark
}

var unknown = drawn{cell: screen.Cell{Width: 255}}

// NewPainter returns a painter that draws with g in theme's colours.
func NewPainter(g *Glyphs, theme Theme) *Painter {
	return &Painter{glyphs: g, theme: theme, ink: image.NewUniform(color.RGBA{})}
}

// SetTheme changes the colours; the next Paint redraws every cell.
func (p *Painter) SetTheme(t Theme) {
	p.theme = t
	p.shown = nil
}

// SetGlyphs changes the font or cell size; the next Paint redraws every
// cell into a new image.
func (p *Painter) SetGlyphs(g *Glyphs) {
	p.glyphs = g
	p.img, p.shown = nil, nil
}

// Glyphs returns the glyphs the painter draws with.
func (p *Painter) Glyphs() *Glyphs { return p.glyphs }

// Image is what the painter has drawn. It changes in place at each Paint.
func (p *Painter) Image() *image.RGBA { return p.img }

// Damage is what one Paint changed: the rows of the image moved up by
// Scrolled rows first (the rows that came in are marked changed), then
// the rows marked in Changed were drawn again.
type Damage struct {
	Scrolled int
	Changed  []bool // by row
}

// Any reports whether anything changed.
func (d *Damage) Any() bool {
	if d.Scrolled > 0 {
		return true
	}
	for _, c := range d.Changed {
		if c {
			return true
		}
	}
	return false
}

// Paint brings the image up to date with snap and ov, and returns what
// changed. The Damage's slice is reused by the next Paint.
func (p *Painter) Paint(snap *screen.Snapshot, ov *Overlay) *Damage {
	m := p.glyphs.Metrics()
	size := image.Rect(0, 0, snap.Cols*m.CellW, snap.Rows*m.CellH)
	if p.img == nil || p.img.Rect != size {
		p.img = image.NewRGBA(size)
		p.shown = nil
	}
	if len(p.shown) != snap.Rows || (snap.Rows > 0 && len(p.shown[0]) != snap.Cols) {
		p.sizes = nil
		p.shown = make([][]drawn, snap.Rows)
		for r := range p.shown {
			p.shown[r] = make([]drawn, snap.Cols)
			forget(p.shown[r])
		}
	}
	if snap.ReverseScreen != p.reversed {
		p.reversed = snap.ReverseScreen
		for _, row := range p.shown {
			forget(row)
		}
	}
	d := &p.damage
	d.Scrolled = 0
	d.Changed = slices.Grow(d.Changed[:0], snap.Rows)[:snap.Rows]
	clear(d.Changed)
	if k := p.scrolledBy(snap.Lines); k > 0 {
		p.scroll(k)
		d.Scrolled = k
	}
	for row, line := range snap.Lines {
		if p.resize(row, lineAttr(snap, row)) {
			forget(p.shown[row])
		}
		d.Changed[row] = p.paintRow(row, line, p.rowMarks(row, snap, ov))
	}
	return d
}

// Extent is how many pixels from the left of a row hold anything but the
// default background (the rest need not be shown: the window's own
// background is the same colour). It is the whole width on a reversed
// screen.
func (p *Painter) Extent(row int) int {
	if row < 0 || row >= len(p.shown) {
		return 0
	}
	if p.reversed {
		return p.img.Rect.Dx()
	}
	shown := p.shown[row]
	end := len(shown)
	for end > 0 && plainBlank(shown[end-1]) {
		end--
	}
	px := end * p.glyphs.Metrics().CellW
	if p.sizes[row] != screen.LineNormal {
		px *= 2
	}
	return min(px, p.img.Rect.Dx())
}

// plainBlank is a cell drawn as nothing but the default background.
func plainBlank(d drawn) bool {
	c := d.cell
	return d.mark == 0 && (c.Rune == ' ' || c.Rune == 0) && c.BG == screen.ColorDefault &&
		c.Attr&(screen.AttrReverse|screen.AttrUnderline|screen.AttrStrike) == 0 && c.Width == 1
}

// lineAttr is a row's size (normal when the snapshot has none).
func lineAttr(snap *screen.Snapshot, row int) screen.LineAttr {
	if row < len(snap.LineAttrs) {
		return snap.LineAttrs[row]
	}
	return screen.LineNormal
}

// resize records a row's size, reporting whether it changed.
func (p *Painter) resize(row int, size screen.LineAttr) bool {
	for len(p.sizes) < len(p.shown) {
		p.sizes = append(p.sizes, screen.LineNormal)
	}
	p.sizes = p.sizes[:len(p.shown)]
	if p.sizes[row] == size {
		return false
	}
	p.sizes[row] = size
	return true
}

func forget(row []drawn) {
	for i := range row {
		row[i] = unknown
	}
}

// rowMarks lists the marks of one view row's cells, or nil for none.
func (p *Painter) rowMarks(row int, snap *screen.Snapshot, ov *Overlay) []Mark {
	var spans []Span
	if ov != nil && row < len(ov.Spans) {
		spans = ov.Spans[row]
	}
	cursor := ov != nil && ov.Cursor != 0 && snap.CursorVisible && row == snap.CursorRow && snap.CursorCol < snap.Cols
	if len(spans) == 0 && !cursor {
		return nil
	}
	p.marks = slices.Grow(p.marks[:0], snap.Cols)[:snap.Cols]
	clear(p.marks)
	for _, s := range spans {
		for c := max(s.Col, 0); c < min(s.Col+s.Len, snap.Cols); c++ {
			p.marks[c] |= s.Mark
		}
	}
	if cursor {
		c := snap.CursorCol
		if c > 0 && snap.Lines[row][c].Width == 0 {
			c-- // on the right half of a wide character: mark the character
		}
		p.marks[c] |= ov.Cursor
	}
	return p.marks
}

// paintRow redraws the cells of one row whose look changed, and reports
// whether any did.
func (p *Painter) paintRow(row int, line []screen.Cell, marks []Mark) bool {
	if p.sizes[row] != screen.LineNormal {
		return p.paintDoubleRow(row, line, marks)
	}
	shown := p.shown[row]
	changed := false
	for col := 0; col < len(line); col++ {
		d := drawn{cell: line[col]}
		if marks != nil {
			d.mark = marks[col]
		}
		if shown[col] == d {
			continue
		}
		changed = true
		if d.cell.Width == 0 && col > 0 && line[col-1].Width == 2 {
			col-- // a wide character's right half: draw the whole character
			d = drawn{cell: line[col]}
			if marks != nil {
				d.mark = marks[col]
			}
		}
		wide := d.cell.Width == 2 && col+1 < len(line)
		p.drawCell(row, col, d, wide)
		shown[col] = d
		if wide {
			shown[col+1] = drawn{cell: line[col+1]}
			if marks != nil {
				shown[col+1].mark = marks[col+1]
			}
			col++
		}
	}
	return changed
}

// drawCell paints one cell (two when wide): background, glyph, lines,
// then the cursor's box if it has one.
func (p *Painter) drawCell(row, col int, d drawn, wide bool) {
	m := p.glyphs.Metrics()
	w := m.CellW
	if wide {
		w *= 2
	}
	x := col * m.CellW
	if p.sizes[row] != screen.LineNormal {
		w, x = 2*w, 2*x
	}
	r := image.Rect(x, row*m.CellH, x+w, (row+1)*m.CellH)
	p.CellsDrawn++
	lk := p.theme.resolve(d.cell, p.reversed)
	switch {
	case d.mark&MarkCursor != 0:
		lk.fg, lk.bg = p.theme.cursorText(), p.theme.Cursor
	case d.mark&MarkFound != 0:
		lk.fg, lk.bg = lk.bg, lk.fg
	case d.mark&MarkSelected != 0:
		lk.bg = p.theme.Selection
	}
	p.fill(r, lk.bg)
	ch := d.cell.Rune
	if ch > ' ' && ch != 0x7f && (ch < 0x80 || ch >= 0xa0) {
		p.ink.C = lk.fg
		draw.DrawMask(p.img, r, p.ink, image.Point{}, p.mask(ch, lk.bold, wide, p.sizes[row]), image.Point{}, draw.Over)
	}
	thick := max(1, m.CellH/16)
	base := p.glyphs.Baseline()
	if lk.underline {
		y := min(r.Min.Y+base+1, r.Max.Y-thick)
		p.fill(image.Rect(r.Min.X, y, r.Max.X, y+thick), lk.fg)
	}
	if lk.strike {
		y := r.Min.Y + base - m.CellH/4
		p.fill(image.Rect(r.Min.X, y, r.Max.X, y+thick), lk.fg)
	}
	if d.mark&MarkHollowCursor != 0 {
		p.frame(r, p.theme.Cursor)
	}
}

func (p *Painter) fill(r image.Rectangle, c color.RGBA) {
	p.ink.C = c
	draw.Draw(p.img, r, p.ink, image.Point{}, draw.Src)
}

func (p *Painter) frame(r image.Rectangle, c color.RGBA) {
	p.fill(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+1), c)
	p.fill(image.Rect(r.Min.X, r.Max.Y-1, r.Max.X, r.Max.Y), c)
	p.fill(image.Rect(r.Min.X, r.Min.Y, r.Min.X+1, r.Max.Y), c)
	p.fill(image.Rect(r.Max.X-1, r.Min.Y, r.Max.X, r.Max.Y), c)
}
