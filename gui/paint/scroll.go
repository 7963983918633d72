package paint

import "github.com/tern-telnet/tern/gui/screen"

// scrolledBy finds how many rows the screen moved up since the last Paint
// (0 when it did not), so that a scroll moves pixel rows instead of
// redrawing them: the first new row must be an old row k, and at least
// half of the rows that stay must match.
func (p *Painter) scrolledBy(lines [][]screen.Cell) int {
	rows := len(lines)
	if rows < 4 || len(p.shown) != rows || sameCells(lines[0], p.shown[0]) {
		return 0
	}
	for k := 1; k < rows-1; k++ {
		if !sameCells(lines[0], p.shown[k]) {
			continue
		}
		same := 0
		for r := 0; r < rows-k; r++ {
			if sameCells(lines[r], p.shown[r+k]) {
				same++
			}
		}
		if same*2 >= rows-k {
			return k
		}
	}
	return 0
}

func sameCells(line []screen.Cell, shown []drawn) bool {
	if len(line) != len(shown) {
		return false
	}
	for i := range line {
		if line[i] != shown[i].cell {
			return false
		}
	}
	return true
}

// scroll moves the image and what it shows up by k rows; the k rows
// that come in at the bottom are drawn by the next pass.
func (p *Painter) scroll(k int) {
	ch := p.glyphs.Metrics().CellH
	rows := len(p.shown)
	stride := p.img.Stride
	copy(p.img.Pix, p.img.Pix[k*ch*stride:rows*ch*stride])
	gone := append(p.spare[:0], p.shown[:k]...)
	copy(p.shown, p.shown[k:])
	copy(p.shown[rows-k:], gone)
	for _, row := range gone {
		forget(row)
	}
	p.spare = gone
	if len(p.sizes) == rows {
		copy(p.sizes, p.sizes[k:])
		for i := rows - k; i < rows; i++ {
			p.sizes[i] = 255 // unknown: the row is drawn whatever its size
		}
	}
}
