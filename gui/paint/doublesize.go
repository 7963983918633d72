package paint

import (
	"image"

	"github.com/tern-telnet/tern/gui/screen"
)

// Double-width and double-height lines (DECDWL, DECDHL): each cell is
// drawn two cells wide, its glyph stretched, and on a double-height line
// twice as tall, the top or the bottom half shown. Only the first half of
// the row's cells fit, as in xterm.

// paintDoubleRow redraws the changed cells of a double-size row.
func (p *Painter) paintDoubleRow(row int, line []screen.Cell, marks []Mark) bool {
	shown := p.shown[row]
	changed := false
	for col := 0; col < len(line)/2; col++ {
		d := drawn{cell: line[col]}
		if marks != nil {
			d.mark = marks[col]
		}
		if d.cell.Width != 1 {
			d.cell.Rune, d.cell.Width = ' ', 1 // wide characters are not doubled again
		}
		if shown[col] == d {
			continue
		}
		changed = true
		p.drawCell(row, col, d, false)
		shown[col] = d
	}
	return changed
}

// mask is the glyph for one cell of a row of the given size.
func (p *Painter) mask(r rune, bold, wide bool, size screen.LineAttr) *image.Alpha {
	m := p.glyphs.Mask(r, bold, wide)
	if size == screen.LineNormal {
		return m
	}
	key := doubleKey{r, bold, size}
	if d, ok := p.doubled[key]; ok {
		return d
	}
	d := stretch(m, size)
	if p.doubled == nil {
		p.doubled = map[doubleKey]*image.Alpha{}
	}
	p.doubled[key] = d
	return d
}

type doubleKey struct {
	r    rune
	bold bool
	size screen.LineAttr
}

// stretch doubles a mask's width, and for a double-height line its
// height too, keeping the top or bottom half.
func stretch(m *image.Alpha, size screen.LineAttr) *image.Alpha {
	b := m.Bounds()
	out := image.NewAlpha(image.Rect(0, 0, 2*b.Dx(), b.Dy()))
	for y := range b.Dy() {
		sy := y
		switch size {
		case screen.LineDoubleTop:
			sy = y / 2
		case screen.LineDoubleBottom:
			sy = (b.Dy() + y) / 2
		}
		for x := range 2 * b.Dx() {
			out.SetAlpha(x, y, m.AlphaAt(x/2, sy))
		}
	}
	return out
}
