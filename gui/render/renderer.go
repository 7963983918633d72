package render

import (
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/screen"
)

// Renderer remembers what the widget shows and encodes the difference to a
// new snapshot.
type Renderer struct {
	Theme Theme

	shown       [][]screen.Cell
	cols, rows  int
	cursorShown bool
	modes       screen.Modes
	started     bool
	highlights  map[int][]span
}

type span struct{ col, len int }

// Invalidate makes the next frame repaint everything (after the widget was
// resized or re-themed).
func (r *Renderer) Invalidate() { r.shown = nil }

// SetHighlights marks cells to draw in reverse (search matches), by view
// row; nil clears them.
func (r *Renderer) SetHighlights(rows map[int][][2]int) {
	r.highlights = nil
	if len(rows) > 0 {
		r.highlights = map[int][]span{}
		for row, spans := range rows {
			for _, s := range spans {
				r.highlights[row] = append(r.highlights[row], span{s[0], s[1]})
			}
		}
	}
	r.shown = nil
}

// Frame appends to dst the bytes that bring the widget from what it shows
// to snap, and returns them (nothing when nothing changed).
func (r *Renderer) Frame(dst []byte, snap *screen.Snapshot) []byte {
	start := len(dst)
	if !r.started {
		dst = append(dst, "\x1b[?7l"...) // no auto-wrap: a full last row must not scroll the widget
		// The widget frames every paste in the bracketed-paste markers, so
		// that Tern can tell a paste (one write) from keys and clean it;
		// whether the server gets markers is the session's business.
		dst = append(dst, "\x1b[?2004h"...)
		r.started = true
		r.modes.CursorVisible = true
		r.cursorShown = true
	}
	if snap.Cols != r.cols || snap.Rows != r.rows || len(r.shown) != snap.Rows {
		r.cols, r.rows = snap.Cols, snap.Rows
		r.shown = make([][]screen.Cell, snap.Rows)
		// The widget keeps the rows it had before a resize and draws them
		// below itself: erase from the last row down (every row, the last
		// one too, is drawn again below).
		dst = appendCUP(dst, snap.Rows-1, 0)
		dst = append(dst, "\x1b[J"...)
	}
	changed := false
	for row, cells := range snap.Lines {
		if r.shown[row] != nil && equalCells(r.shown[row], cells) {
			continue
		}
		dst = r.appendRow(dst, row, cells)
		r.shown[row] = append(r.shown[row][:0], cells...)
		changed = true
	}
	dst = r.appendModes(dst, snap.Modes)
	visible := snap.CursorVisible
	if changed || len(dst) > start || visible != r.cursorShown {
		if visible {
			dst = appendCUP(dst, min(snap.CursorRow, snap.Rows-1), snap.CursorCol)
		}
		if visible != r.cursorShown {
			if visible {
				dst = append(dst, "\x1b[?25h"...)
			} else {
				dst = append(dst, "\x1b[?25l"...)
			}
			r.cursorShown = visible
		}
	}
	return dst
}

// CursorMoved reports whether only the cursor position differs; callers
// use Frame for that too, this is for tests.
func equalCells(a, b []screen.Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// appendRow writes one row: position, runs of text with their SGR, and an
// erase for the blank tail. (Cells the widget keeps beyond its width after
// it was narrowed are hidden by the frame that clips it, see termFrame.)
func (r *Renderer) appendRow(dst []byte, row int, cells []screen.Cell) []byte {
	dst = appendCUP(dst, row, 0)
	end := len(cells)
	for end > 0 && isPlainBlank(cells[end-1]) && !r.highlighted(row, end-1) {
		end--
	}
	var cur style
	have := false
	for col := 0; col < end; col++ {
		c := cells[col]
		if c.Width == 0 {
			dst = append(dst, ' ') // right half of a wide character
			continue
		}
		if r.highlighted(row, col) {
			c.Attr ^= screen.AttrReverse
		}
		st := r.Theme.resolve(c)
		if !have || st != cur {
			dst = appendSGR(dst, st)
			cur, have = st, true
		}
		ch := c.Rune
		if ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch == 0 {
			ch = ' '
		}
		dst = utf8.AppendRune(dst, ch)
	}
	if have {
		dst = append(dst, "\x1b[0m"...)
	}
	if end < len(cells) {
		dst = append(dst, "\x1b[K"...)
	}
	return dst
}

func isPlainBlank(c screen.Cell) bool {
	return (c.Rune == ' ' || c.Rune == 0) && c.BG == screen.ColorDefault && c.Attr&(screen.AttrReverse) == 0 && c.Width == 1
}

func (r *Renderer) highlighted(row, col int) bool {
	for _, s := range r.highlights[row] {
		if col >= s.col && col < s.col+s.len {
			return true
		}
	}
	return false
}

// appendModes passes input modes to the widget: application cursor keys
// (which the widget calls mode 1049) and mouse reporting. Bracketed paste
// stays on in the widget (see Frame).
func (r *Renderer) appendModes(dst []byte, m screen.Modes) []byte {
	set := func(on bool, mode string) {
		if on {
			dst = append(dst, "\x1b[?"+mode+"h"...)
		} else {
			dst = append(dst, "\x1b[?"+mode+"l"...)
		}
	}
	if m.AppCursor != r.modes.AppCursor {
		set(m.AppCursor, "1049")
	}
	if mouseMode(m.Mouse) != mouseMode(r.modes.Mouse) {
		if mouseMode(r.modes.Mouse) != "" {
			set(false, mouseMode(r.modes.Mouse))
		}
		if mouseMode(m.Mouse) != "" {
			set(true, mouseMode(m.Mouse))
		}
	}
	r.modes = m
	return dst
}

// mouseMode maps xterm's mouse modes onto the two the widget knows.
func mouseMode(m int) string {
	switch m {
	case 9:
		return "9"
	case 1000, 1002, 1003:
		return "1000"
	}
	return ""
}
