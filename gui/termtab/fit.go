package termtab

// A session's Columns and Rows (PuTTY's Window settings) size the window
// when that session is the window's only tab: once the widget has a size,
// the window grows or shrinks by the difference, so the terminal has
// exactly those columns and rows.

// fitWindow resizes the window so that the terminal gets cols x rows. It
// runs on the UI goroutine.
func (t *Tab) fitWindow(cols, rows int) {
	cell := t.view.CellSize()
	have := t.view.Size()
	if cell.Width <= 0 || cell.Height <= 0 || have.Width <= 0 {
		return
	}
	// The view counts whole cells; half a cell of slack keeps rounding
	// from losing one.
	dw := float32(cols)*cell.Width + cell.Width/2 - have.Width
	dh := float32(rows)*cell.Height + cell.Height/2 - have.Height
	win := t.host.Window()
	win.Resize(win.Canvas().Size().AddWidthHeight(dw, dh))
}

// columnsWanted follows the server's 80/132-column switch (DECCOLM): the
// window is resized so the terminal gets that many columns, as PuTTY does
// when the window may change size. The model has already cleared the
// screen and homed the cursor, whatever the window does.
func (t *Tab) columnsWanted(cols, haveCols, rows int) {
	if cols == 0 || cols == haveCols {
		return
	}
	t.onUI(func() {
		if t.host.IsCurrent(t) {
			t.fitWindow(cols, rows)
		}
	})
}
