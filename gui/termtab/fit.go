package termtab

import (
	"time"

	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/termview"
)

// A session's Columns and Rows (PuTTY's Window settings) size the window
// when that session is the window's only tab: once the widget has a size,
// the window grows or shrinks by the difference, so the terminal has
// exactly those columns and rows.

// windowFit sizes the window for the terminal's columns and rows, or the
// model for the view's.
type windowFit struct {
	host    Host
	ui      uiBridge
	view    *termview.View
	scr     *screen.Screen
	current func() bool          // the tab is the one the window shows
	resized func(cols, rows int) // the tab follows a new size in cells
}

// window resizes the window so that the terminal gets cols x rows. It
// runs on the UI goroutine.
func (w windowFit) window(cols, rows int) {
	cell := w.view.CellSize()
	have := w.view.Size()
	if cell.Width <= 0 || cell.Height <= 0 || have.Width <= 0 {
		return
	}
	// The view counts whole cells; half a cell of slack keeps rounding
	// from losing one.
	dw := float32(cols)*cell.Width + cell.Width/2 - have.Width
	dh := float32(rows)*cell.Height + cell.Height/2 - have.Height
	win := w.host.Window()
	win.Resize(win.Canvas().Size().AddWidthHeight(dw, dh))
}

// columnsWanted makes the window follow the server's 80/132-column switch
// (DECCOLM, serial counting the requests): the model has taken the width
// already, and the window is sized so the view holds it, as xterm and
// PuTTY do. Where the window cannot follow (the tab is not the one shown,
// or the window keeps its size for followWait) the model takes what the
// view holds, as for any other resize.
func (w windowFit) columnsWanted(cols, rows int, serial uint64) {
	w.ui.do(func() {
		if have, _ := w.view.Cells(); have == cols {
			return
		}
		if !w.current() {
			w.modelToView()
			return
		}
		w.window(cols, rows)
		time.AfterFunc(followWait, func() {
			w.ui.do(func() {
				var snap screen.Snapshot
				if w.scr.Snapshot(&snap); snap.ColumnsSerial == serial {
					w.modelToView()
				}
			})
		})
	})
}

// followWait is how long a window has to take the size DECCOLM asked
// for: a window manager answers in milliseconds or not at all.
const followWait = time.Second

// modelToView resizes the model to the cells the view holds, if they
// differ. It runs on the UI goroutine.
func (w windowFit) modelToView() {
	cols, rows := w.view.Cells()
	if have, haveRows := w.scr.Size(); cols > 0 && (have != cols || haveRows != rows) {
		w.resized(cols, rows)
	}
}
