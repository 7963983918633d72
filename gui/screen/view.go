package screen

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Snapshot is a copy of what the view shows, for the renderer.
type Snapshot struct {
	Cols, Rows    int
	Lines         [][]Cell // Rows lines of Cols cells each
	CursorRow     int
	CursorCol     int
	CursorVisible bool // false while the view is scrolled back
	Modes         Modes
	ViewOffset    int // lines scrolled back
	Scrollback    int // lines of history kept
	FirstLine     int64
	Version       uint64
	Title         string
	Bells         uint64

	// ReverseScreen is DECSCNM (CSI ? 5 h): draw the whole screen in
	// reverse video (default background and foreground swapped).
	ReverseScreen bool
	// LineAttrs is each view row's size (ESC # 3/4/5/6), one per line.
	LineAttrs []LineAttr
	// ColumnsWanted is the width DECCOLM (CSI ? 3 h/l, after CSI ? 40 h)
	// last asked for: 132 or 80, 0 if it never did. The screen has taken
	// that width already; the GUI sizes its window to it, and resizes the
	// screen to what the window holds if the window cannot follow.
	ColumnsWanted int
	// ColumnsSerial counts DECCOLM requests (and RIS leaving 132 columns):
	// a GUI resizes once each time it changes.
	ColumnsSerial uint64
}

// Version changes whenever anything visible may have changed.
func (s *Screen) Version() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Snapshot copies the view into dst, reusing its memory.
func (s *Screen) Snapshot(dst *Snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	dst.Cols, dst.Rows = s.cols, s.rows
	if cap(dst.Lines) < s.rows {
		dst.Lines = make([][]Cell, s.rows)
	}
	dst.Lines = dst.Lines[:s.rows]
	dst.LineAttrs = slices.Grow(dst.LineAttrs[:0], s.rows)[:s.rows]
	first := s.sb.total - int64(s.viewOffset)
	for r := 0; r < s.rows; r++ {
		row := dst.Lines[r]
		if cap(row) < s.cols {
			row = make([]Cell, s.cols)
		}
		row = row[:s.cols]
		src := s.lineAt(first + int64(r))
		n := copy(row, src.Cells)
		for i := n; i < s.cols; i++ {
			row[i] = blank(ColorDefault)
		}
		dst.Lines[r] = row
		dst.LineAttrs[r] = src.Attr
	}
	dst.CursorRow, dst.CursorCol = s.cur.row+s.viewOffset, s.cur.col
	dst.CursorVisible = s.modes.CursorVisible && s.viewOffset == 0
	dst.Modes = s.modes
	dst.ViewOffset, dst.Scrollback = s.viewOffset, s.sb.len()
	dst.FirstLine = first
	dst.Version, dst.Title, dst.Bells = s.version, s.title, s.bells
	dst.ReverseScreen = s.reverseScreen
	dst.ColumnsWanted, dst.ColumnsSerial = s.columnsWanted, s.columnsSerial
}

// lineAt returns the line with absolute number n (see Match.Line).
func (s *Screen) lineAt(n int64) *Line {
	if n >= s.sb.total {
		return s.lines[min(int(n-s.sb.total), s.rows-1)]
	}
	i := int(n - (s.sb.total - int64(s.sb.len())))
	if i < 0 {
		i = 0
	}
	return s.sb.at(i)
}

// ScrollView moves the view delta lines back into history (negative:
// towards the present) and returns the new offset.
func (s *Screen) ScrollView(delta int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setViewOffset(s.viewOffset + delta)
	return s.viewOffset
}

// ScrollToBottom returns the view to the live screen.
func (s *Screen) ScrollToBottom() { s.ScrollView(-1 << 30) }

// ViewOffset is how many lines the view is scrolled back.
func (s *Screen) ViewOffset() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.viewOffset
}

func (s *Screen) setViewOffset(v int) {
	limit := s.sb.len()
	if s.modes.AltScreen {
		limit = 0
	}
	v = max(0, min(v, limit))
	if v != s.viewOffset {
		s.viewOffset = v
		s.touch()
	}
}

// Reset is PuTTY's Reset Terminal and xterm's Full Reset: the same as a
// server's RIS (modes, character sets, colours, margins, tab stops, the
// title and the screen's text), for a screen left in line drawing or
// application keys by an interrupted program; the scrollback stays.
func (s *Screen) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reset()
}

// ClearScrollback forgets the history.
func (s *Screen) ClearScrollback() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sb.clear()
	s.viewOffset = 0
	s.touch()
}

// Text returns the active screen's text, one line a row, trailing blanks
// removed.
func (s *Screen) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for i, l := range s.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text())
	}
	return b.String()
}

// History returns the scrollback and the screen as text, for Copy All and
// Save transcript. Wrapped lines are joined; trailing empty lines dropped.
func (s *Screen) History() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	s.eachLine(func(_ int64, l *Line) {
		b.WriteString(l.Text())
		if !l.Wrapped {
			b.WriteByte('\n')
		}
	})
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func (s *Screen) eachLine(f func(n int64, l *Line)) {
	base := s.sb.total - int64(s.sb.len())
	for i := 0; i < s.sb.len(); i++ {
		f(base+int64(i), s.sb.at(i))
	}
	for r, l := range s.lines {
		f(s.sb.total+int64(r), l)
	}
}

// Match is one hit of Find: Line is an absolute line number (it stays
// valid while the text scrolls), Col and Len count cells.
type Match struct {
	Line     int64
	Col, Len int
}

// Find returns every occurrence of query in scrollback and screen, oldest
// first. Matching ignores case unless caseSensitive. (A literal search
// compares runes: about four times faster than the same regexp.)
func (s *Screen) Find(query string, caseSensitive bool) []Match {
	if query == "" {
		return nil
	}
	fold := func(r rune) rune { return r }
	if !caseSensitive {
		fold = unicode.ToLower
	}
	var q []rune
	for _, r := range query {
		q = append(q, fold(r))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		out   []Match
		runes []rune
		cols  []int // the cell of each rune
	)
	s.eachLine(func(n int64, l *Line) {
		runes, cols = runes[:0], cols[:0]
		for c, cell := range l.Cells {
			if cell.Width != 0 {
				runes = append(runes, fold(cell.Rune))
				cols = append(cols, c)
			}
		}
		for i := 0; i+len(q) <= len(runes); i++ {
			if slices.Equal(runes[i:i+len(q)], q) {
				out = append(out, cellMatch(n, l, cols[i], cols[i+len(q)-1]))
				i += len(q) - 1
			}
		}
	})
	return out
}

// cellMatch is the match from cell first to cell last, whole.
func cellMatch(n int64, l *Line, first, last int) Match {
	return Match{Line: n, Col: first, Len: last + int(max(l.Cells[last].Width, 1)) - first}
}

// FindRegexp returns every match of re in scrollback and screen, line by
// line, oldest first. Empty matches are skipped.
func (s *Screen) FindRegexp(re *regexp.Regexp) []Match {
	s.mu.Lock()
	defer s.mu.Unlock()
	var (
		out  []Match
		text strings.Builder
		cols []int // the cell of each byte of text
	)
	s.eachLine(func(n int64, l *Line) {
		text.Reset()
		cols = cols[:0]
		for c, cell := range l.Cells {
			if cell.Width == 0 {
				continue
			}
			size, _ := text.WriteRune(cell.Rune)
			for range size {
				cols = append(cols, c)
			}
		}
		line := text.String()
		for _, m := range re.FindAllStringIndex(line, -1) {
			if m[0] == m[1] {
				continue
			}
			out = append(out, cellMatch(n, l, cols[m[0]], cols[m[1]-1]))
		}
	})
	return out
}

// Reveal scrolls the view so that absolute line n is visible (near the
// middle when it is in history).
func (s *Screen) Reveal(n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n >= s.sb.total {
		s.setViewOffset(0)
		return
	}
	first := s.sb.total - int64(s.viewOffset)
	if n >= first && n < first+int64(s.rows) {
		return
	}
	s.setViewOffset(int(s.sb.total-n) + s.rows/2)
}
