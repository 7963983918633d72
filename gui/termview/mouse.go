package termview

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/screen"
)

// Mouse buttons as xterm numbers them in reports.
const (
	buttonLeft      = 0
	buttonMiddle    = 1
	buttonRight     = 2
	buttonWheelUp   = 64
	buttonWheelDown = 65
)

// cellAt maps a point in the view to a cell of the screen shown.
func (v *View) cellAt(p fyne.Position) (row, col int) {
	if v.cell.Width <= 0 || v.cell.Height <= 0 {
		return 0, 0
	}
	col = min(max(int(p.X/v.cell.Width), 0), max(v.cols-1, 0))
	row = min(max(int(p.Y/v.cell.Height), 0), max(v.rows-1, 0))
	return row, col
}

func (v *View) posAt(p fyne.Position) screen.Pos {
	row, col := v.cellAt(p)
	return screen.Pos{Line: v.first + int64(row), Col: col}
}

// reporting tells whether a mouse event goes to the server: it asked for
// reports, and Shift is not held (Shift selects, as in xterm and PuTTY).
func (v *View) reporting(mods fyne.KeyModifier) bool {
	return v.modes.Mouse != 0 && mods&fyne.KeyModifierShift == 0 && v.OnReport != nil
}

func (v *View) report(button int, press, motion bool, p fyne.Position, mods fyne.KeyModifier) {
	row, col := v.cellAt(p)
	if seq := encodeMouse(v.modes, button, press, motion, row, col, mods); seq != nil {
		v.OnReport(seq)
	}
}

func xtermButton(b desktop.MouseButton) int {
	switch b {
	case desktop.MouseButtonSecondary:
		return buttonRight
	case desktop.MouseButtonTertiary:
		return buttonMiddle
	}
	return buttonLeft
}

// MouseDown gives the terminal the keyboard, then reports the press,
// pastes (right: the clipboard, middle: the primary selection), selects
// the line (a triple click) or starts over with no selection.
func (v *View) MouseDown(ev *desktop.MouseEvent) {
	if v.OnFocus != nil {
		v.OnFocus()
	}
	v.downMods = ev.Modifier
	if v.reporting(ev.Modifier) {
		v.button = xtermButton(ev.Button)
		v.report(v.button, true, false, ev.Position, ev.Modifier)
		return
	}
	switch ev.Button {
	case desktop.MouseButtonPrimary:
		if p := v.posAt(ev.Position); v.clicks.press(p, time.Now()) == 3 {
			v.selectLine(p)
		}
	case desktop.MouseButtonSecondary:
		if v.OnPaste != nil {
			v.OnPaste(false)
		}
	case desktop.MouseButtonTertiary:
		if v.OnPaste != nil {
			v.OnPaste(true)
		}
	}
}

// MouseUp reports the release.
func (v *View) MouseUp(ev *desktop.MouseEvent) {
	if v.reporting(ev.Modifier) {
		v.report(xtermButton(ev.Button), false, false, ev.Position, ev.Modifier)
	}
}

// Dragged extends the selection, or reports motion with a button held
// when the server asked for it (modes 1002 and 1003) and Shift was not
// held when the button went down. With Alt held then, the selection is
// a rectangle (PuTTY's Alt-drag).
func (v *View) Dragged(ev *fyne.DragEvent) {
	if v.reporting(v.downMods) && !v.dragging {
		if v.modes.Mouse >= 1002 {
			v.report(v.button, true, true, ev.Position, 0)
		}
		return
	}
	here := v.posAt(ev.Position)
	if !v.dragging {
		v.dragging = true
		v.anchor = v.posAt(ev.Position.Subtract(fyne.NewPos(ev.Dragged.DX, ev.Dragged.DY)))
	}
	rect := v.downMods&fyne.KeyModifierAlt != 0
	v.setSelection(selection{a: v.anchor, b: here, on: true, rect: rect})
}

// DragEnd copies what was selected.
func (v *View) DragEnd() {
	if !v.dragging {
		return
	}
	v.dragging = false
	v.copySelection()
	if v.downMods&fyne.KeyModifierAlt != 0 && v.OnAltDragEnd != nil {
		v.OnAltDragEnd()
	}
}

// DoubleTapped selects the word under the pointer and copies it.
func (v *View) DoubleTapped(ev *fyne.PointEvent) {
	if v.modes.Mouse != 0 && v.OnReport != nil {
		return
	}
	a, b := v.src.WordAt(v.posAt(ev.Position))
	v.setSelection(selection{a: a, b: b, on: true})
	v.copySelection()
}

func (v *View) copySelection() {
	if text := v.SelectedText(); text != "" && v.OnCopy != nil {
		v.OnCopy(text)
	}
}

// Scrolled turns wheel movement into whole lines: back into history, or
// wheel reports when the server asked for the mouse.
func (v *View) Scrolled(ev *fyne.ScrollEvent) {
	v.wheelRest += ev.Scrolled.DY / 16
	lines := int(v.wheelRest)
	if lines == 0 {
		return
	}
	v.wheelRest -= float32(lines)
	if v.reporting(0) {
		button := buttonWheelUp
		if lines < 0 {
			button, lines = buttonWheelDown, -lines
		}
		for range lines {
			v.report(button, true, false, ev.Position, 0)
		}
		return
	}
	if v.OnScroll != nil {
		v.OnScroll(lines)
	}
}

// MouseIn, MouseMoved and MouseOut make the view a desktop.Hoverable,
// which is what shows the text cursor over it.
func (v *View) MouseIn(*desktop.MouseEvent)    {}
func (v *View) MouseMoved(*desktop.MouseEvent) {}
func (v *View) MouseOut()                      {}

// Cursor is the text-selection pointer.
func (v *View) Cursor() desktop.Cursor { return desktop.TextCursor }

var (
	_ desktop.Mouseable   = (*View)(nil)
	_ desktop.Cursorable  = (*View)(nil)
	_ fyne.Draggable      = (*View)(nil)
	_ fyne.DoubleTappable = (*View)(nil)
	_ fyne.Scrollable     = (*View)(nil)
)
