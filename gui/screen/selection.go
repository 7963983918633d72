package screen

import (
	"strings"
	"unicode"
)

// Pos is a cell by absolute line number (as Match.Line: it stays valid
// while the text scrolls) and column.
type Pos struct {
	Line int64
	Col  int
}

// Before reports whether p comes before q in reading order.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Col < q.Col)
}

// firstKept is the number of the oldest line still held.
func (s *Screen) firstKept() int64 { return s.sb.total - int64(s.sb.len()) }

// TextRange returns the text from a to b inclusive (in either order), one
// line a row: trailing blanks are dropped and a line that wrapped joins
// the next without a line break, as a person copying it expects.
func (s *Screen) TextRange(a, b Pos) string {
	if b.Before(a) {
		a, b = b, a
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a.Line = max(a.Line, s.firstKept())
	b.Line = min(b.Line, s.sb.total+int64(s.rows)-1)
	var out strings.Builder
	for n := a.Line; n <= b.Line; n++ {
		l := s.lineAt(n)
		from, to := 0, len(l.Cells)-1
		if n == a.Line {
			from = a.Col
		}
		if n == b.Line {
			to = min(b.Col, to)
		}
		out.WriteString(cellText(l.Cells, from, to, n != b.Line))
		if n != b.Line && !l.Wrapped {
			out.WriteByte('\n')
		}
	}
	return out.String()
}

// cellText is the text of cells from..to, blanks at the end of a line cut.
func cellText(cells []Cell, from, to int, lineEnds bool) string {
	var b strings.Builder
	for i := max(from, 0); i <= to && i < len(cells); i++ {
		c := cells[i]
		if c.Width == 0 {
			continue
		}
		r := c.Rune
		if r == 0 {
			r = ' '
		}
		b.WriteRune(r)
	}
	text := b.String()
	if lineEnds || to >= len(cells)-1 {
		text = strings.TrimRight(text, " ")
	}
	return text
}

// WordAt returns the first and last cell of the word at p (letters,
// digits and the characters of addresses and paths: . - _ @ / : ~), or p
// itself when there is none.
func (s *Screen) WordAt(p Pos) (from, to Pos) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.Line < s.firstKept() || p.Line >= s.sb.total+int64(s.rows) {
		return p, p
	}
	cells := s.lineAt(p.Line).Cells
	if p.Col < 0 || p.Col >= len(cells) || !wordRune(cells[p.Col].Rune) {
		return p, p
	}
	a, b := p.Col, p.Col
	for a > 0 && wordRune(cells[a-1].Rune) {
		a--
	}
	for b < len(cells)-1 && wordRune(cells[b+1].Rune) {
		b++
	}
	return Pos{p.Line, a}, Pos{p.Line, b}
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".-_@/:~", r)
}
