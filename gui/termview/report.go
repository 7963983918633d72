package termview

import (
	"strconv"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/screen"
)

// encodeMouse is xterm's mouse report for an event at a 0-based cell, in
// the mode the server asked for: X10 (9) reports presses only; 1000 also
// releases; 1002 and 1003 also motion with a button held (+32). The SGR
// form (1006) says which button was released; the legacy form says 3 and
// cannot encode columns or rows past 223. Nil means nothing to send.
func encodeMouse(m screen.Modes, button int, press, motion bool, row, col int, mods fyne.KeyModifier) []byte {
	if m.Mouse == 0 || (m.Mouse == 9 && (!press || motion)) {
		return nil
	}
	if motion && m.Mouse < 1002 {
		return nil
	}
	b := button
	if m.Mouse != 9 {
		if mods&fyne.KeyModifierAlt != 0 {
			b |= 8
		}
		if mods&fyne.KeyModifierControl != 0 {
			b |= 16
		}
	}
	if motion {
		b |= 32
	}
	if m.MouseSGR {
		seq := []byte("\x1b[<")
		seq = strconv.AppendInt(seq, int64(b), 10)
		seq = append(seq, ';')
		seq = strconv.AppendInt(seq, int64(col+1), 10)
		seq = append(seq, ';')
		seq = strconv.AppendInt(seq, int64(row+1), 10)
		if press {
			return append(seq, 'M')
		}
		return append(seq, 'm')
	}
	if !press {
		b = b&^3 | 3
	}
	if col+1+32 > 255 || row+1+32 > 255 {
		return nil
	}
	return []byte{0x1b, '[', 'M', byte(32 + b), byte(32 + col + 1), byte(32 + row + 1)}
}
