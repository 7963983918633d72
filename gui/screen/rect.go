package screen

import "strings"

// TextRect returns the text of the rectangle with corners a and b (in
// any order): from the leftmost to the rightmost column on every line
// between them, one line a row, blanks at each line's end dropped. This
// is what an Alt-drag copies, a column out of a table.
func (s *Screen) TextRect(a, b Pos) string {
	top, bottom := min(a.Line, b.Line), max(a.Line, b.Line)
	left, right := min(a.Col, b.Col), max(a.Col, b.Col)
	s.mu.Lock()
	defer s.mu.Unlock()
	top = max(top, s.firstKept())
	bottom = min(bottom, s.sb.total+int64(s.rows)-1)
	var out strings.Builder
	for n := top; n <= bottom; n++ {
		if n != top {
			out.WriteByte('\n')
		}
		l := s.lineAt(n)
		out.WriteString(cellText(l.Cells, rectStart(l.Cells, left), right, true))
	}
	return out.String()
}

// rectStart moves a rectangle's left edge off the right half of a wide
// character onto the character itself, so a CJK column is not cut.
func rectStart(cells []Cell, col int) int {
	if col > 0 && col < len(cells) && cells[col].Width == 0 {
		return col - 1
	}
	return col
}
