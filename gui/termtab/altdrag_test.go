package termtab

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestAltReleaseAfterAltDragClosesMenu: once Alt is let go after an
// Alt-drag, the menu Fyne opened for the release is closed and the
// terminal has the keyboard again; without an Alt-drag nothing is closed.
func TestAltReleaseAfterAltDragClosesMenu(t *testing.T) {
	var dismissed atomic.Int32
	var held atomic.Bool
	oldDismiss, oldHeld := dismissMenu, altHeld
	dismissMenu = func(fyne.Window) bool { dismissed.Add(1); return true }
	altHeld = held.Load
	t.Cleanup(func() { dismissMenu, altHeld = oldDismiss, oldHeld })
	srv := newLoopServer(t, "Port      Name      Status\r\n")
	h := newHarness(t, srv.Port())
	v := h.tab.view
	cell := v.CellSize()
	at := func(col int) fyne.Position { return fyne.NewPos((float32(col)+0.5)*cell.Width, cell.Height/2) }
	canvas := h.host.win.Canvas()

	held.Store(true)
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(0)}, Button: desktop.MouseButtonPrimary, Modifier: fyne.KeyModifierAlt})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at(5)}, Dragged: fyne.NewDelta(5*cell.Width, 0)})
	v.DragEnd()
	canvas.Unfocus() // the menu takes the keyboard
	h.runUIFor(150 * time.Millisecond)
	if dismissed.Load() != 0 {
		t.Fatal("the menu was closed while Alt is still held")
	}
	held.Store(false)
	h.waitUntil("the menu closed", func() bool { return dismissed.Load() == 1 })
	if canvas.Focused() != h.tab.keys {
		t.Errorf("the keyboard is with %T, not the terminal", canvas.Focused())
	}
	h.runUIFor(150 * time.Millisecond)
	if dismissed.Load() != 1 {
		t.Errorf("the menu was closed %d times after one Alt-drag", dismissed.Load())
	}
}
