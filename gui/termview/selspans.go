package termview

import "github.com/tern-telnet/tern/gui/paint"

// SelectionSpans appends to spans (indexed by view row) the cells the
// selection covers among rows lines from the absolute line first, cols
// wide: a run of text from its start to its end, or the same columns on
// every line of a rectangle. It may be called from any goroutine.
func (v *View) SelectionSpans(first int64, rows, cols int, spans [][]paint.Span) {
	v.mu.Lock()
	s := v.sel
	v.mu.Unlock()
	if !s.on {
		return
	}
	a, b := s.a, s.b
	if b.Before(a) {
		a, b = b, a
	}
	left, right := min(s.a.Col, s.b.Col), max(s.a.Col, s.b.Col)
	top, bottom := max(int(a.Line-first), 0), min(int(b.Line-first), rows-1, len(spans)-1)
	for r := top; r <= bottom; r++ {
		from, to := 0, cols-1
		switch {
		case s.rect:
			from, to = left, min(right, cols-1)
		default:
			if r == int(a.Line-first) {
				from = a.Col
			}
			if r == int(b.Line-first) {
				to = b.Col
			}
		}
		if to >= from {
			spans[r] = append(spans[r], paint.Span{Col: from, Len: to - from + 1, Mark: paint.MarkSelected})
		}
	}
}
