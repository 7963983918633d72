package gui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A session's Columns and Rows (PuTTY's Window settings) size the window
// when that session is the window's only tab: once the widget has a size,
// the window grows or shrinks by the difference, so the terminal has
// exactly those columns and rows.

// fitWindow resizes the window so that the terminal gets cols x rows. It
// runs on the UI goroutine.
func (t *sessionTab) fitWindow(cols, rows int) {
	cell := t.cellSize()
	have := t.term.Size()
	if cell.Width <= 0 || cell.Height <= 0 || have.Width <= 0 {
		return
	}
	// The widget counts whole cells; half a cell of slack keeps rounding
	// from losing one.
	dw := float32(cols)*cell.Width + cell.Width/2 - have.Width
	dh := float32(rows)*cell.Height + cell.Height/2 - have.Height
	win := t.win.win
	win.Resize(win.Canvas().Size().AddWidthHeight(dw, dh))
}

// cellSize is the widget's cell, measured as the widget measures it.
func (t *sessionTab) cellSize() fyne.Size {
	m := canvas.NewText("M", color.White)
	m.TextStyle.Monospace = true
	scale := t.term.Theme().Size(theme.SizeNameText) / theme.TextSize()
	size := m.MinSize()
	return fyne.NewSize(float32(math.Round(float64(size.Width*scale))), float32(math.Round(float64(size.Height*scale))))
}
