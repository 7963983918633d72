package paint

import "github.com/tern-telnet/tern/gui/screen"

// RowStyler changes how a row's cells look before they are drawn (keyword
// highlighting). StyleRow returns line itself or a restyled copy, valid
// until its next call; it is called for the visible rows only, on the
// painter's goroutine.
type RowStyler interface {
	StyleRow(line []screen.Cell) []screen.Cell
}

// SetRowStyler sets the styler (nil for none); a different one makes the
// next Paint draw every cell again.
func (p *Painter) SetRowStyler(s RowStyler) {
	if s == p.styler {
		return
	}
	p.styler = s
	for _, row := range p.shown {
		forget(row)
	}
}

// styleRow is a row as the styler shows it.
func (p *Painter) styleRow(line []screen.Cell) []screen.Cell {
	if p.styler == nil {
		return line
	}
	return p.styler.StyleRow(line)
}
