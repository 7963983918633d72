package screen

import (
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/screen/glyph"
	"golang.org/x/text/unicode/norm"
)

// The grid operations the escape sequences map onto. All run with s.mu held.

// printRun writes printable ASCII bytes at the cursor: the hot path.
func (s *Screen) printRun(run []byte) {
	if cs := s.cur.charsets[s.cur.gl]; s.insert || cs != glyph.ASCII {
		for _, b := range run {
			s.put(cs.Glyph(rune(b), s.national))
		}
		return
	}
	for len(run) > 0 {
		if s.cur.wrapNext {
			s.wrap()
		}
		line := s.lines[s.cur.row]
		col := s.cur.col
		end := s.endCol()
		n := min(len(run), end-col)
		if c := line.Cells[col]; c.Width == 0 && col > 0 {
			line.Cells[col-1] = blank(line.Cells[col-1].BG)
		}
		cell := Cell{FG: s.cur.fg, BG: s.cur.bg, Attr: s.cur.attr, Width: 1}
		cells := line.Cells[col : col+n]
		for i, b := range run[:n] {
			cell.Rune = rune(b)
			cells[i] = cell
		}
		if next := col + n; next < s.cols && line.Cells[next].Width == 0 {
			line.Cells[next] = blank(line.Cells[next].BG)
		}
		run = run[n:]
		s.cur.col = col + n
		if s.cur.col >= end {
			s.cur.col = end - 1
			s.cur.wrapNext = s.autowrap
		}
	}
	s.touch()
}

// endCol is the column after the last one text goes in on the cursor's
// line before it wraps (see lastCol). A cursor put further right by CUP
// writes where it is, as in xterm.
func (s *Screen) endCol() int { return max(s.lastCol(), s.cur.col) + 1 }

// put writes one character, wide or narrow, at the cursor (the character
// set has already been applied).
func (s *Screen) put(r rune) {
	w := glyph.Width(r)
	if w == 0 {
		s.combine(r)
		return
	}
	if s.cur.wrapNext {
		s.wrap()
	}
	end := s.endCol()
	if w == 2 && s.cur.col == end-1 {
		if !s.autowrap {
			return
		}
		s.lines[s.cur.row].Cells[s.cur.col] = blank(s.cur.bg)
		s.wrap()
	}
	line := s.lines[s.cur.row]
	if s.insert {
		s.insertBlanks(w)
	}
	s.clearWide(line, s.cur.col)
	if w == 2 {
		s.clearWide(line, s.cur.col+1)
	}
	line.Cells[s.cur.col] = Cell{Rune: r, FG: s.cur.fg, BG: s.cur.bg, Attr: s.cur.attr, Width: uint8(w)}
	if w == 2 {
		line.Cells[s.cur.col+1] = Cell{FG: s.cur.fg, BG: s.cur.bg, Attr: s.cur.attr, Width: 0}
	}
	s.cur.col += w
	if s.cur.col >= end {
		s.cur.col = end - 1
		s.cur.wrapNext = s.autowrap
	}
	s.touch()
}

// combine joins a combining mark to the character before the cursor when
// Unicode has one precomposed character for the pair (e and U+0301 make
// é), as decomposed (NFD) text from macOS or a mail server needs. A mark
// with no precomposed form is dropped: a cell, like the widget's, holds
// one rune.
func (s *Screen) combine(mark rune) {
	col := s.cur.col
	if !s.cur.wrapNext {
		col--
	}
	if col < 0 {
		return
	}
	line := s.lines[s.cur.row]
	if line.Cells[col].Width == 0 && col > 0 {
		col-- // the right half of a wide character
	}
	c := &line.Cells[col]
	composed := norm.NFC.String(string([]rune{c.Rune, mark}))
	if r, size := utf8.DecodeRuneInString(composed); size == len(composed) && r != utf8.RuneError {
		c.Rune = r
		s.touch()
	}
}

// clearWide blanks the other half of a wide character about to be
// overwritten at col.
func (s *Screen) clearWide(line *Line, col int) {
	if col >= len(line.Cells) {
		return
	}
	switch line.Cells[col].Width {
	case 0:
		if col > 0 {
			line.Cells[col-1] = blank(line.Cells[col-1].BG)
		}
	case 2:
		if col+1 < len(line.Cells) {
			line.Cells[col+1] = blank(line.Cells[col+1].BG)
		}
	}
}

func (s *Screen) wrap() {
	s.cur.wrapNext = false
	s.lines[s.cur.row].Wrapped = true
	s.cur.col = 0
	s.lineFeed()
}

// lineFeed moves down, scrolling at the bottom margin.
func (s *Screen) lineFeed() {
	if s.cur.row == s.bot {
		s.scrollUp(1)
	} else if s.cur.row < s.rows-1 {
		s.cur.row++
	}
	s.touch()
}

// reverseIndex moves up, scrolling down at the top margin.
func (s *Screen) reverseIndex() {
	if s.cur.row == s.top {
		s.scrollDown(1)
	} else if s.cur.row > 0 {
		s.cur.row--
	}
	s.cur.wrapNext = false
	s.touch()
}

// scrollUp moves the scroll region up n lines. Lines leaving the top of a
// full-height region on the main screen go to scrollback.
func (s *Screen) scrollUp(n int) {
	n = min(n, s.bot-s.top+1)
	toScrollback := s.top == 0 && !s.modes.AltScreen
	for i := 0; i < n; i++ {
		gone := s.lines[s.top]
		copy(s.lines[s.top:s.bot], s.lines[s.top+1:s.bot+1])
		var fresh *Line
		if toScrollback {
			fresh = s.sb.push(gone)
		} else {
			fresh = gone
		}
		if fresh == nil {
			fresh = s.spareLine()
		}
		if len(fresh.Cells) != s.cols {
			fresh.resize(s.cols)
		}
		fresh.reset(s.cur.bg)
		s.lines[s.bot] = fresh
	}
	s.touch()
}

func (s *Screen) spareLine() *Line {
	if l := s.spare; l != nil {
		s.spare = nil
		return l
	}
	return newLine(s.cols)
}

func (s *Screen) scrollDown(n int) {
	n = min(n, s.bot-s.top+1)
	for i := 0; i < n; i++ {
		l := s.lines[s.bot]
		copy(s.lines[s.top+1:s.bot+1], s.lines[s.top:s.bot])
		l.reset(s.cur.bg)
		s.lines[s.top] = l
	}
	s.touch()
}

// moveTo places the cursor, honouring origin mode and clamping.
func (s *Screen) moveTo(row, col int) {
	minRow, maxRow := 0, s.rows-1
	if s.cur.origin {
		row += s.top
		minRow, maxRow = s.top, s.bot
	}
	s.cur.row = max(minRow, min(row, maxRow))
	s.cur.col = max(0, min(col, s.cols-1))
	s.cur.wrapNext = false
	s.touch()
}

// moveRel moves within the scroll region when starting inside it, and
// forward no further than the line's last column (half the width on a
// double-width line).
func (s *Screen) moveRel(drow, dcol int) {
	row := s.cur.row + drow
	lo, hi := 0, s.rows-1
	if s.cur.row >= s.top && s.cur.row <= s.bot {
		lo, hi = s.top, s.bot
	}
	s.cur.row = max(lo, min(row, hi))
	if dcol > 0 {
		s.cur.col = min(s.cur.col+dcol, s.lastCol())
	} else {
		s.cur.col = max(0, s.cur.col+dcol)
	}
	s.cur.wrapNext = false
	s.touch()
}

// lastCol is the rightmost column of the cursor's line: on a double-width
// line the middle one, as xterm's LineMaxCol.
func (s *Screen) lastCol() int {
	if s.lines[s.cur.row].Attr != LineNormal {
		return (s.cols - 1) / 2
	}
	return s.cols - 1
}

func (s *Screen) carriageReturn() {
	s.cur.col = 0
	s.cur.wrapNext = false
}

// backspace moves one column left, also from the pending-wrap state after
// the last column was written (xterm and the DEC terminals do; PuTTY stays).
func (s *Screen) backspace() {
	s.cur.wrapNext = false
	if s.cur.col > 0 {
		s.cur.col--
	}
}

func (s *Screen) tab(n int) {
	last := s.lastCol()
	for ; n > 0 && s.cur.col < last; n-- {
		s.cur.col++
		for s.cur.col < last && !s.tabs[s.cur.col] {
			s.cur.col++
		}
	}
	s.cur.wrapNext = false
}

func (s *Screen) backTab(n int) {
	for ; n > 0 && s.cur.col > 0; n-- {
		s.cur.col--
		for s.cur.col > 0 && !s.tabs[s.cur.col] {
			s.cur.col--
		}
	}
	s.cur.wrapNext = false
}

// eraseInLine: 0 to the end, 1 to the start, 2 the whole line.
func (s *Screen) eraseInLine(mode int) {
	line := s.lines[s.cur.row]
	switch mode {
	case 0:
		line.clear(s.cur.col, s.cols, s.cur.bg)
		line.Wrapped = false
	case 1:
		line.clear(0, s.cur.col+1, s.cur.bg)
	case 2:
		line.clear(0, s.cols, s.cur.bg)
		line.Wrapped = false
	}
	s.cur.wrapNext = false
	s.touch()
}

// eraseInDisplay: 0 below, 1 above, 2 all, 3 the scrollback. Lines erased
// whole become normal size again, as in xterm.
func (s *Screen) eraseInDisplay(mode int) {
	switch mode {
	case 0:
		s.eraseInLine(0)
		resetLines(s.lines[s.cur.row+1:], s.cur.bg)
	case 1:
		s.eraseInLine(1)
		resetLines(s.lines[:s.cur.row], s.cur.bg)
	case 2:
		if !s.clearDropsText && !s.modes.AltScreen {
			s.pushScreenToScrollback()
		}
		resetLines(s.lines, s.cur.bg)
	case 3:
		s.sb.clear()
		s.viewOffset = 0
	}
	s.touch()
}

// pushScreenToScrollback keeps the text a clear erases (PuTTY's "Push
// erased text into scrollback"): the main screen's lines down to the last
// that holds text go to the scrollback, as if scrolled off the top.
func (s *Screen) pushScreenToScrollback() {
	last := len(s.lines) - 1
	for last >= 0 && s.lines[last].Text() == "" {
		last--
	}
	for i := 0; i <= last; i++ {
		fresh := s.sb.push(s.lines[i])
		if fresh == nil {
			fresh = s.spareLine()
		}
		if len(fresh.Cells) != s.cols {
			fresh.resize(s.cols)
		}
		s.lines[i] = fresh
	}
}

func resetLines(lines []*Line, bg Color) {
	for _, l := range lines {
		l.reset(bg)
	}
}

func (s *Screen) eraseChars(n int) {
	s.lines[s.cur.row].clear(s.cur.col, s.cur.col+n, s.cur.bg)
	s.cur.wrapNext = false
	s.touch()
}

// insertBlanks is ICH: shift the rest of the line right.
func (s *Screen) insertBlanks(n int) {
	cells := s.lines[s.cur.row].Cells
	n = min(n, s.cols-s.cur.col)
	copy(cells[s.cur.col+n:], cells[s.cur.col:s.cols-n])
	for i := s.cur.col; i < s.cur.col+n; i++ {
		cells[i] = blank(s.cur.bg)
	}
	s.cur.wrapNext = false
	s.touch()
}

// deleteChars is DCH: shift the rest of the line left.
func (s *Screen) deleteChars(n int) {
	cells := s.lines[s.cur.row].Cells
	n = min(n, s.cols-s.cur.col)
	copy(cells[s.cur.col:], cells[s.cur.col+n:])
	for i := s.cols - n; i < s.cols; i++ {
		cells[i] = blank(s.cur.bg)
	}
	s.cur.wrapNext = false
	s.touch()
}

// insertLines is IL: inside the scroll region only.
func (s *Screen) insertLines(n int) {
	if s.cur.row < s.top || s.cur.row > s.bot {
		return
	}
	top := s.top
	s.top = s.cur.row
	s.scrollDown(n)
	s.top = top
	s.cur.col = 0
	s.cur.wrapNext = false
}

// deleteLines is DL: inside the scroll region only, never to scrollback.
func (s *Screen) deleteLines(n int) {
	if s.cur.row < s.top || s.cur.row > s.bot {
		return
	}
	top := s.top
	s.top = s.cur.row
	alt := s.modes.AltScreen
	s.modes.AltScreen = true // keep these lines out of scrollback
	s.scrollUp(n)
	s.modes.AltScreen = alt
	s.top = top
	s.cur.col = 0
	s.cur.wrapNext = false
}

func (s *Screen) setScrollRegion(top, bot int) {
	if bot <= 0 || bot > s.rows {
		bot = s.rows
	}
	top = max(top, 1)
	if top >= bot {
		return
	}
	s.top, s.bot = top-1, bot-1
	s.moveTo(0, 0)
}

func (s *Screen) saveCursor() {
	if s.modes.AltScreen {
		s.savedAlt = s.cur
	} else {
		s.savedMain = s.cur
	}
}

func (s *Screen) restoreCursor() {
	if s.modes.AltScreen {
		s.cur = s.savedAlt
	} else {
		s.cur = s.savedMain
	}
	s.cur.row = min(s.cur.row, s.rows-1)
	s.cur.col = min(s.cur.col, s.cols-1)
	s.touch()
}

// useAltScreen switches buffers (modes 47, 1047, 1049).
func (s *Screen) useAltScreen(on, saveCursor, clearAlt bool) {
	if on == s.modes.AltScreen {
		return
	}
	if on {
		if saveCursor {
			s.savedMain = s.cur
		}
		s.modes.AltScreen = true
		s.lines = s.alt
		if clearAlt {
			resetLines(s.alt, ColorDefault)
		}
	} else {
		if clearAlt {
			resetLines(s.alt, ColorDefault)
		}
		s.modes.AltScreen = false
		s.lines = s.main
		if saveCursor {
			s.cur = s.savedMain
		}
	}
	s.viewOffset = 0
	s.touch()
}

// lineSizes maps the final byte of ESC # 3/4/5/6 onto the line size.
var lineSizes = map[byte]LineAttr{'3': LineDoubleTop, '4': LineDoubleBottom, '5': LineNormal, '6': LineDoubleWidth}

// lineSize handles ESC # F: a line size for the cursor's line, or DECALN.
// On a line made double width the cursor stays in its visible half, as in
// xterm; the cells beyond it are kept but not shown.
func (s *Screen) lineSize(f byte) {
	if f == '8' {
		s.alignmentTest()
		return
	}
	size, ok := lineSizes[f]
	if !ok {
		return
	}
	s.lines[s.cur.row].Attr = size
	s.cur.col = min(s.cur.col, s.lastCol())
	s.touch()
}

// alignmentTest is DECALN: fill the screen with E in normal-size lines,
// in the default colours, with the margins and origin mode reset and the
// cursor home. The pen is kept, as xterm keeps it: what is erased next
// takes the colours set before (vttest 11.6.4).
func (s *Screen) alignmentTest() {
	for _, l := range s.lines {
		for i := range l.Cells {
			l.Cells[i] = Cell{Rune: 'E', Width: 1}
		}
		l.Wrapped, l.Attr = false, LineNormal
	}
	s.cur.origin = false
	s.top, s.bot = 0, s.rows-1
	s.moveTo(0, 0)
}
