package paint

import (
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"github.com/tern-telnet/tern/gui/screen"
)

// Double-width and double-height lines (DECDWL, DECDHL): each cell is
// drawn two cells wide, and on a double-height line twice as tall, the top
// or the bottom half shown. Only the first half of the row's cells fit, as
// in xterm. A double-height line is drawn from the font at twice the text
// size, as xterm draws it, so its letters are as smooth as normal ones and
// its lines as thick as they are tall; a double-width line stretches the
// normal glyph.

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
	if size == screen.LineNormal {
		return p.glyphs.Mask(r, bold, wide)
	}
	return p.glyphs.Double(r, bold, size)
}

type doubleKey struct {
	r    rune
	bold bool
	size screen.LineAttr
}

// Double returns r as one cell of a line of the given double size shows
// it: two cells wide, and on a double-height line the top or the bottom
// half of the character drawn twice as big.
func (g *Glyphs) Double(r rune, bold bool, size screen.LineAttr) *image.Alpha {
	key := doubleKey{r, bold, size}
	if d, ok := g.doubled[key]; ok {
		return d
	}
	var d *image.Alpha
	switch size {
	case screen.LineDoubleTop, screen.LineDoubleBottom:
		d = halfOf(g.twice().Mask(r, bold, false), size == screen.LineDoubleBottom)
	default:
		d = stretch(g.Mask(r, bold, false))
	}
	if g.doubled == nil {
		g.doubled = map[doubleKey]*image.Alpha{}
	}
	g.doubled[key] = d
	return d
}

// twice is the same fonts for cells twice as wide and tall, made on first
// use.
func (g *Glyphs) twice() *Glyphs {
	if g.big != nil {
		return g.big
	}
	m := Metrics{CellW: 2 * g.m.CellW, CellH: 2 * g.m.CellH, TextPx: 2 * g.m.TextPx}
	big := &Glyphs{m: m, baseline: 2 * g.baseline, cache: map[glyphKey]*image.Alpha{}}
	for _, f := range g.fonts {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: m.TextPx, DPI: 72, Hinting: font.HintingFull})
		if err == nil {
			big.fonts = append(big.fonts, f)
			big.faces = append(big.faces, face)
		}
	}
	g.big = big
	return big
}

// halfOf is the top or bottom half of a mask.
func halfOf(m *image.Alpha, bottom bool) *image.Alpha {
	b := m.Bounds()
	h := b.Dy() / 2
	out := image.NewAlpha(image.Rect(0, 0, b.Dx(), h))
	from := 0
	if bottom {
		from = b.Dy() - h
	}
	for y := range h {
		copy(out.Pix[y*out.Stride:(y+1)*out.Stride], m.Pix[(from+y)*m.Stride:(from+y)*m.Stride+b.Dx()])
	}
	return out
}

// stretch doubles a mask's width.
func stretch(m *image.Alpha) *image.Alpha {
	b := m.Bounds()
	out := image.NewAlpha(image.Rect(0, 0, 2*b.Dx(), b.Dy()))
	for y := range b.Dy() {
		for x := range 2 * b.Dx() {
			out.SetAlpha(x, y, m.AlphaAt(x/2, y))
		}
	}
	return out
}
