package highlight

import (
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/screen"
)

// cacheRows bounds the styler's cache of rows seen: past it the cache
// starts again (a flood shows each row once; a quiet screen fits).
const cacheRows = 1024

// Styler applies a Set to rows of cells, as gui/paint's RowStyler. It
// remembers each row's matches by the row's text, so a row drawn again,
// or moved up by a scroll, is not matched again. A Styler belongs to one
// goroutine (a tab's render loop).
type Styler struct {
	set     *Set
	cache   map[string][]Span
	key     []byte        // a row's text, reused
	runes   []rune        // a row's runes, reused
	scratch []screen.Cell // a styled row, reused

	// Matched counts rows matched against the rules (cache misses), for
	// tests.
	Matched int
}

// NewStyler returns a styler for set (nil for none: rows pass unchanged).
func NewStyler(set *Set) *Styler {
	return &Styler{set: set, cache: map[string][]Span{}}
}

// StyleRow returns line with the matched cells restyled: line itself
// when nothing matches, else a copy that is valid until the next call.
func (s *Styler) StyleRow(line []screen.Cell) []screen.Cell {
	if s.set.Empty() {
		return line
	}
	s.key = s.key[:0]
	for _, c := range line {
		s.key = utf8.AppendRune(s.key, cellRune(c))
	}
	spans, ok := s.cache[string(s.key)]
	if !ok {
		spans = s.match(line)
	}
	if len(spans) == 0 {
		return line
	}
	s.scratch = append(s.scratch[:0], line...)
	for _, sp := range spans {
		for i := sp.Start; i < sp.End && i < len(s.scratch); i++ {
			restyle(&s.scratch[i], sp.Style)
		}
	}
	return s.scratch
}

func (s *Styler) match(line []screen.Cell) []Span {
	s.Matched++
	s.runes = s.runes[:0]
	for _, c := range line {
		s.runes = append(s.runes, cellRune(c))
	}
	spans := s.set.Match(s.runes, nil)
	if len(s.cache) >= cacheRows {
		clear(s.cache)
	}
	s.cache[string(s.key)] = spans
	return spans
}

// cellRune is what a cell holds as text: a blank or a wide character's
// right half is a space.
func cellRune(c screen.Cell) rune {
	if c.Rune == 0 || c.Width == 0 {
		return ' '
	}
	return c.Rune
}

func restyle(c *screen.Cell, st Style) {
	if st.FG != screen.ColorDefault {
		c.FG = st.FG
		c.Attr &^= screen.AttrDim | screen.AttrHidden
	}
	if st.BG != screen.ColorDefault {
		c.BG = st.BG
	}
	if st.FG != screen.ColorDefault || st.BG != screen.ColorDefault {
		c.Attr &^= screen.AttrReverse
	}
	if st.Bold {
		c.Attr |= screen.AttrBold
	}
}
