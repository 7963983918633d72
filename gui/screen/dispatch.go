package screen

import (
	"fmt"
	"strconv"

	"github.com/tern-telnet/tern/gui/screen/glyph"
)

// escDispatch handles ESC final (and ESC intermediate final).
func (s *Screen) escDispatch(c byte) {
	switch s.p.Inter {
	case '(':
		s.cur.charsets[0] = glyph.Designate(s.p.Inter, c)
		return
	case ')', '-':
		s.cur.charsets[1] = glyph.Designate(s.p.Inter, c)
		return
	case '#':
		s.lineSize(c)
		return
	case 0:
	default:
		return
	}
	switch c {
	case 'D': // IND
		s.lineFeed()
	case 'E': // NEL
		s.lineFeed()
		s.carriageReturn()
	case 'H': // HTS
		s.tabs[s.cur.col] = true
	case 'M': // RI
		s.reverseIndex()
	case '7': // DECSC
		s.saveCursor()
	case '8': // DECRC
		s.restoreCursor()
	case 'c': // RIS
		s.reset()
	case '=', '>': // DECKPAM, DECKPNM: the keypad's keys, see Modes.AppKeypad
		s.modes.AppKeypad = c == '=' && !s.refuse.AppKeypad
	}
}

// csiDispatch handles CSI params final.
func (s *Screen) csiDispatch(c byte) {
	p := &s.p
	if p.Private == '?' {
		s.decPrivate(c)
		return
	}
	if p.Private != 0 {
		switch {
		case c != 'c' || p.Param(0, 0) != 0:
		case p.Private == '>': // DA2
			s.reply("\x1b[>0;10;1c")
		case p.Private == '=': // DA3: the unit ID, as xterm answers
			s.reply("\x1bP!|00000000\x1b\\")
		}
		return
	}
	if p.Inter != 0 {
		if p.Inter == '!' && c == 'p' { // DECSTR soft reset
			s.softReset()
		}
		return // cursor style (SP q) and others: nothing to draw
	}
	n := p.Param(0, 1)
	switch c {
	case '@':
		s.insertBlanks(n)
	case 'A':
		s.moveRel(-n, 0)
	case 'B', 'e':
		s.moveRel(n, 0)
	case 'C', 'a':
		s.moveRel(0, n)
	case 'D':
		s.moveRel(0, -n)
	case 'E':
		s.moveRel(n, 0)
		s.carriageReturn()
	case 'F':
		s.moveRel(-n, 0)
		s.carriageReturn()
	case 'G', '`':
		s.cur.col = max(0, min(n-1, s.cols-1))
		s.cur.wrapNext = false
	case 'H', 'f':
		s.moveTo(p.Param(0, 1)-1, p.Param(1, 1)-1)
	case 'I':
		s.tab(n)
	case 'J':
		s.eraseInDisplay(p.Param(0, 0))
	case 'K':
		s.eraseInLine(p.Param(0, 0))
	case 'L':
		s.insertLines(n)
	case 'M':
		s.deleteLines(n)
	case 'P':
		s.deleteChars(n)
	case 'S':
		s.scrollUp(n)
	case 'T':
		s.scrollDown(n)
	case 'X':
		s.eraseChars(n)
	case 'Z':
		s.backTab(n)
	case 'b':
		s.repeatLast(n)
	case 'c':
		s.reply("\x1b[?62;22c") // VT220 with ANSI colour
	case 'd':
		s.moveTo(n-1, s.cur.col)
	case 'g':
		s.clearTabs(p.Param(0, 0))
	case 'h', 'l':
		s.ansiMode(c == 'h')
	case 'm':
		s.sgr()
	case 'n':
		s.deviceStatus(p.Param(0, 0))
	case 'r':
		s.setScrollRegion(p.Param(0, 1), p.Param(1, s.rows))
	case 's':
		s.saveCursor()
	case 'u':
		s.restoreCursor()
	case 't':
		// Window operations, including title and size reports: never
		// answered (a known injection vector), nothing to draw.
	}
}

func (s *Screen) repeatLast(n int) {
	col := s.cur.col - 1
	if col < 0 || s.cur.wrapNext {
		col = s.cur.col
	}
	r := s.lines[s.cur.row].Cells[col].Rune
	if r == 0 {
		return
	}
	for i := 0; i < min(n, s.cols*s.rows); i++ {
		s.put(r)
	}
}

func (s *Screen) clearTabs(mode int) {
	switch mode {
	case 0:
		s.tabs[s.cur.col] = false
	case 3:
		for i := range s.tabs {
			s.tabs[i] = false
		}
	}
}

func (s *Screen) softReset() {
	s.cur.origin = false
	s.cur.attr, s.cur.fg, s.cur.bg = 0, ColorDefault, ColorDefault
	s.cur.charsets = [2]glyph.Set{}
	s.cur.gl = 0
	s.insert = false
	s.autowrap = true
	s.modes.CursorVisible = true
	s.modes.AppCursor = false
	s.top, s.bot = 0, s.rows-1
	s.touch()
}

func (s *Screen) ansiMode(on bool) {
	for i := 0; i < max(s.p.NParams, 1); i++ {
		switch s.p.Params[i] {
		case 4:
			s.insert = on
		case 20:
			s.modes.Newline = on
		}
	}
}

// decPrivate handles CSI ? ... h/l and the DEC-private DSR.
func (s *Screen) decPrivate(c byte) {
	if c == 'n' && s.p.Param(0, 0) == 6 { // DECXCPR
		s.reply(fmt.Sprintf("\x1b[?%d;%dR", s.cur.row+1, s.cur.col+1))
		return
	}
	if c != 'h' && c != 'l' {
		return
	}
	on := c == 'h'
	for i := 0; i < max(s.p.NParams, 1); i++ {
		switch s.p.Params[i] {
		case 1:
			s.modes.AppCursor = on
		case 3:
			s.columnMode(on)
		case 5:
			s.reverseScreen = on
		case 40:
			s.allow132 = on
		case 42:
			s.national = on
		case 6:
			s.cur.origin = on
			s.moveTo(0, 0)
		case 7:
			s.autowrap = on
			if !on {
				s.cur.wrapNext = false
			}
		case 25:
			s.modes.CursorVisible = on
		case 47:
			s.useAltScreen(on, false, false)
		case 1047:
			s.useAltScreen(on, false, true)
		case 1048:
			if on {
				s.saveCursor()
			} else {
				s.restoreCursor()
			}
		case 1049:
			s.useAltScreen(on, true, true)
		case 2004:
			s.modes.BracketedPaste = on
		case 9, 1000, 1002, 1003:
			if on && !s.refuse.Mouse {
				s.modes.Mouse = s.p.Params[i]
			} else if s.modes.Mouse == s.p.Params[i] {
				s.modes.Mouse = 0
			}
		case 1006:
			s.modes.MouseSGR = on
		}
	}
	s.touch()
}

// columnMode is DECCOLM, honoured once mode 40 allows it, as in xterm:
// the screen takes the new width at once, so what follows in the same
// read is laid out at that width whenever the window catches up; it is
// cleared, the cursor homed and the margins reset. The GUI learns the
// width from ColumnsWanted and sizes the window to it.
func (s *Screen) columnMode(wide bool) {
	if !s.allow132 {
		return
	}
	if !s.refuse.Resize {
		s.wide = wide
		s.columnsWanted = 80
		if wide {
			s.columnsWanted = 132
		}
		s.columnsSerial++
		s.resize(s.columnsWanted, s.rows)
	}
	s.eraseInDisplay(2)
	s.top, s.bot = 0, s.rows-1
	s.moveTo(0, 0)
}

func (s *Screen) deviceStatus(n int) {
	switch n {
	case 5:
		s.reply("\x1b[0n")
	case 6:
		row := s.cur.row
		if s.cur.origin {
			row -= s.top
		}
		s.reply(fmt.Sprintf("\x1b[%d;%dR", row+1, s.cur.col+1))
	}
}

func (s *Screen) reply(text string) {
	if s.Reply != nil {
		s.Reply([]byte(text))
	}
}

// oscDispatch handles OSC 0/1/2 (titles); everything else is ignored,
// OSC 52 (clipboard) included.
func (s *Screen) oscDispatch() {
	p := &s.p
	if p.OSCTooLong {
		return
	}
	data := p.OSC
	semi := -1
	for i, b := range data {
		if b == ';' {
			semi = i
			break
		}
	}
	if semi < 0 {
		return
	}
	code, err := strconv.Atoi(string(data[:semi]))
	if err != nil {
		return
	}
	switch code {
	case 0, 2:
		if s.refuse.Title {
			return
		}
		s.title = sanitizeTitle(string(data[semi+1:]))
		s.touch()
	}
}

// sanitizeTitle keeps a title printable and short.
func sanitizeTitle(t string) string {
	out := make([]rune, 0, len(t))
	for _, r := range t {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			continue
		}
		out = append(out, r)
		if len(out) == 256 {
			break
		}
	}
	return string(out)
}

// sgrSets and sgrClears map SGR numbers onto the attributes they turn on
// or off.
var (
	sgrSets = [...]Attr{1: AttrBold, 2: AttrDim, 3: AttrItalic, 4: AttrUnderline, 5: AttrBlink, 6: AttrBlink,
		7: AttrReverse, 8: AttrHidden, 9: AttrStrike}
	sgrClears = [...]Attr{21: AttrBold | AttrDim, 22: AttrBold | AttrDim, 23: AttrItalic, 24: AttrUnderline,
		25: AttrBlink, 27: AttrReverse, 28: AttrHidden, 29: AttrStrike}
)

// sgr applies Select Graphic Rendition.
func (s *Screen) sgr() {
	p := &s.p
	if p.NParams == 0 {
		s.cur.attr, s.cur.fg, s.cur.bg = 0, ColorDefault, ColorDefault
		return
	}
	for i := 0; i < p.NParams; i++ {
		v := p.Params[i]
		switch {
		case v == 0:
			s.cur.attr, s.cur.fg, s.cur.bg = 0, ColorDefault, ColorDefault
		case v < len(sgrSets) && sgrSets[v] != 0:
			s.cur.attr |= sgrSets[v]
		case v < len(sgrClears) && sgrClears[v] != 0:
			s.cur.attr &^= sgrClears[v]
		case v >= 30 && v <= 37:
			s.cur.fg = PaletteColor(uint8(v - 30))
		case v == 38:
			s.cur.fg, i = s.extendedColor(i, s.cur.fg)
		case v == 39:
			s.cur.fg = ColorDefault
		case v >= 40 && v <= 47:
			s.cur.bg = PaletteColor(uint8(v - 40))
		case v == 48:
			s.cur.bg, i = s.extendedColor(i, s.cur.bg)
		case v == 49:
			s.cur.bg = ColorDefault
		case v >= 90 && v <= 97:
			s.cur.fg = PaletteColor(uint8(v - 90 + 8))
		case v >= 100 && v <= 107:
			s.cur.bg = PaletteColor(uint8(v - 100 + 8))
		}
	}
}

// extendedColor reads 38/48 ;5;n or ;2;r;g;b starting at params[i].
func (s *Screen) extendedColor(i int, old Color) (Color, int) {
	p := &s.p
	if i+1 >= p.NParams {
		return old, i
	}
	switch p.Params[i+1] {
	case 5:
		if i+2 < p.NParams {
			return PaletteColor(uint8(min(p.Params[i+2], 255))), i + 2
		}
	case 2:
		if i+4 < p.NParams {
			c := func(v int) uint8 { return uint8(min(v, 255)) }
			return RGBColor(c(p.Params[i+2]), c(p.Params[i+3]), c(p.Params[i+4])), i + 4
		}
	}
	return old, p.NParams
}
