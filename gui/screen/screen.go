package screen

import (
	"sync"

	"github.com/tern-telnet/tern/gui/screen/glyph"
	"github.com/tern-telnet/tern/gui/screen/vtparse"
)

// cursor is the state DECSC saves: position, pen and character sets.
type cursor struct {
	row, col int
	fg, bg   Color
	attr     Attr
	wrapNext bool // deferred wrap: the last column was just written
	origin   bool // DECOM
	charsets [2]glyph.Set
	gl       int // which of G0/G1 is in use (SI/SO)
}

// Modes the renderer passes on to the widget's input side.
type Modes struct {
	AppCursor      bool // DECCKM
	AppKeypad      bool // DECKPAM (ESC =): the keypad sends ESC O p and the like
	BracketedPaste bool // 2004
	Mouse          int  // 0, or the xterm mouse mode in effect (9, 1000, 1002, 1003)
	MouseSGR       bool // 1006
	CursorVisible  bool // DECTCEM
	AltScreen      bool
	Newline        bool // LNM (CSI 20 h): LF, VT and FF also return the carriage; Return sends CR LF
}

// ReturnKey is what the Return key sends: CR, or CR LF in newline mode.
func (m Modes) ReturnKey() string {
	if m.Newline {
		return "\r\n"
	}
	return "\r"
}

// Screen is the terminal model. Write feeds it; the renderer reads it with
// Snapshot. All methods are safe for concurrent use.
type Screen struct {
	mu sync.Mutex

	cols, rows int
	main, alt  []*Line
	lines      []*Line // main or alt
	cur        cursor
	savedMain  cursor
	savedAlt   cursor
	top, bot   int // scroll region, inclusive
	tabs       []bool
	insert     bool // IRM
	autowrap   bool // DECAWM
	modes      Modes
	sb         *ring
	spare      *Line // a line to reuse after eviction

	reverseScreen bool // DECSCNM
	allow132      bool // mode 40: DECCOLM is honoured
	national      bool // DECNRCM (mode 42): ESC ( A is British, not Latin-1
	wide          bool // DECCOLM last asked for 132 columns
	columnsWanted int  // the width DECCOLM last asked for (0: never)
	columnsSerial uint64

	p vtparse.Parser

	version    uint64
	changed    chan struct{} // see Changed
	viewOffset int           // how many lines the view is scrolled back
	title      string
	bells      uint64
	// clearDropsText loses what a clear (ED 2) erases instead of pushing
	// it into the scrollback; see SetClearDropsText.
	clearDropsText bool
	refuse         Refusals // what the server may not change (features.go)
	answerback     []byte   // the answer to ENQ; nil for none

	// Reply, if set, receives answers to DA, DSR and CPR, to send to the
	// server. It is called with the screen locked: it must not call back.
	Reply func([]byte)
}

// New returns a screen of cols x rows keeping scrollback lines of history
// (0 means DefaultScrollback, a negative number none).
func New(cols, rows, scrollback int) *Screen {
	if scrollback == 0 {
		scrollback = DefaultScrollback
	}
	cols, rows = max(cols, 2), max(rows, 1)
	s := &Screen{cols: cols, rows: rows, sb: newRing(scrollback)}
	s.main = makeLines(cols, rows)
	s.alt = makeLines(cols, rows)
	s.reset()
	return s
}

func makeLines(cols, rows int) []*Line {
	ls := make([]*Line, rows)
	for i := range ls {
		ls[i] = newLine(cols)
	}
	return ls
}

// reset is RIS: everything but the size and the scrollback. The main
// screen's text goes into the scrollback first, as PuTTY's power-on clear
// does when it pushes erased text there (its default, and Tern's).
func (s *Screen) reset() {
	s.lines = s.main
	if !s.clearDropsText {
		s.pushScreenToScrollback()
	}
	resetLines(s.main, ColorDefault)
	s.cur = cursor{}
	s.savedMain, s.savedAlt = cursor{}, cursor{}
	s.top, s.bot = 0, s.rows-1
	s.resetTabs()
	s.insert, s.autowrap = false, true
	s.modes = Modes{CursorVisible: true}
	s.reverseScreen, s.allow132, s.national = false, false, false
	if s.wide { // back to 80 columns at once, as xterm's RIS
		s.wide, s.columnsWanted = false, 80
		s.columnsSerial++
		s.resize(80, s.rows)
	}
	s.p = vtparse.Parser{}
	s.title = ""
	s.touch()
}

func (s *Screen) resetTabs() {
	s.tabs = s.tabs[:0]
	s.growTabs()
}

// growTabs gives the columns a resize added the default stops, every
// eight. The stops already set stay, also those past a narrower screen's
// edge: xterm keeps them through DECCOLM and window resizes, and PuTTY
// through resizes.
func (s *Screen) growTabs() {
	for i := len(s.tabs); i < s.cols; i++ {
		s.tabs = append(s.tabs, i > 0 && i%8 == 0)
	}
}

func (s *Screen) touch() {
	s.version++
	s.notify()
}

// Write parses p. It never fails.
func (s *Screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.parse(p)
	if s.viewOffset != 0 && len(p) > 0 {
		s.viewOffset = 0 // PuTTY: output returns the view to the bottom
	}
	return len(p), nil
}

// Size returns the columns and rows.
func (s *Screen) Size() (cols, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cols, s.rows
}

// Title is the last title the server set with OSC 0 or 2.
func (s *Screen) Title() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.title
}

// SetClearDropsText chooses what a clear of the whole screen (ED 2, as
// clear(1) sends) does with the text on the main screen: by default (false)
// it goes into the scrollback, as PuTTY's "Push erased text into
// scrollback" does; true loses it, as xterm does.
func (s *Screen) SetClearDropsText(on bool) {
	s.mu.Lock()
	s.clearDropsText = on
	s.mu.Unlock()
}

// Bells counts BEL characters received.
func (s *Screen) Bells() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bells
}

// Modes returns the input modes in effect.
func (s *Screen) Modes() Modes {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.modes
}

// Cursor returns the cursor position (0-based).
func (s *Screen) Cursor() (row, col int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur.row, s.cur.col
}

// Cell returns the cell at row, col of the active screen.
func (s *Screen) Cell(row, col int) Cell {
	s.mu.Lock()
	defer s.mu.Unlock()
	if row < 0 || row >= s.rows || col < 0 || col >= s.cols {
		return Cell{}
	}
	return s.lines[row].Cells[col]
}

// Resize changes the size; text is not reflowed (PuTTY does not either).
// When the screen gets shorter, lines above the cursor go to scrollback.
func (s *Screen) Resize(cols, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resize(cols, rows)
}

// resize is Resize with s.mu held.
func (s *Screen) resize(cols, rows int) {
	cols, rows = max(cols, 2), max(rows, 1)
	if cols == s.cols && rows == s.rows {
		return
	}
	mainRow := s.cur.row
	if s.modes.AltScreen {
		mainRow = s.savedMain.row
	}
	s.main, mainRow = s.resizeBuffer(s.main, cols, rows, mainRow, true)
	s.alt, _ = s.resizeBuffer(s.alt, cols, rows, s.cur.row, false)
	if s.modes.AltScreen {
		s.lines = s.alt
		s.savedMain.row = mainRow
	} else {
		s.lines = s.main
		s.cur.row = mainRow
	}
	s.cols, s.rows = cols, rows
	s.top, s.bot = 0, rows-1
	s.cur.row = min(s.cur.row, rows-1)
	s.cur.col = min(s.cur.col, cols-1)
	s.cur.wrapNext = false
	s.savedMain.row, s.savedMain.col = min(s.savedMain.row, rows-1), min(s.savedMain.col, cols-1)
	s.savedAlt.row, s.savedAlt.col = min(s.savedAlt.row, rows-1), min(s.savedAlt.col, cols-1)
	s.growTabs()
	s.setViewOffset(s.viewOffset) // keep the view where it was, within bounds
	s.touch()
}

func (s *Screen) resizeBuffer(buf []*Line, cols, rows, curRow int, keep bool) ([]*Line, int) {
	for len(buf) > rows {
		if curRow >= rows && len(buf) > 0 { // drop from the top, keeping the cursor line
			if keep {
				s.sb.push(buf[0])
			}
			buf = buf[1:]
			curRow--
			continue
		}
		buf = buf[:len(buf)-1]
	}
	for len(buf) < rows {
		buf = append(buf, newLine(cols))
	}
	out := make([]*Line, rows)
	copy(out, buf)
	for _, l := range out {
		l.resize(cols)
	}
	return out, max(curRow, 0)
}
