package termview

import (
	"time"

	"github.com/tern-telnet/tern/gui/screen"
)

// multiClickGap is the longest pause between the clicks of a double or
// triple click (Fyne waits 300 ms for a double tap; desktops allow up to
// 500 ms).
const multiClickGap = 500 * time.Millisecond

// clickCount counts presses of the left button that follow each other
// quickly on the same cell: 1, 2, 3, then 1 again.
type clickCount struct {
	n    int
	at   time.Time
	cell screen.Pos
}

// press records a press at p at time now and returns its count.
func (c *clickCount) press(p screen.Pos, now time.Time) int {
	if c.n > 0 && c.n < 3 && p == c.cell && now.Sub(c.at) <= multiClickGap {
		c.n++
	} else {
		c.n = 1
	}
	c.at, c.cell = now, p
	return c.n
}

// selectLine selects the whole line at p and copies it (a triple click,
// as in PuTTY and xterm).
func (v *View) selectLine(p screen.Pos) {
	v.setSelection(selection{a: screen.Pos{Line: p.Line}, b: screen.Pos{Line: p.Line, Col: max(v.cols-1, 0)}, on: true})
	v.copySelection()
}
