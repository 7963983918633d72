package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestWheelScrollTakesOnlyTheWheel: over an entry the wheel moves the
// scroller, WheelSpeed times the step, while a tap still reaches the
// button under the layer and the layer takes neither focus nor hover.
func TestWheelScrollTakesOnlyTheWheel(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	entry := widget.NewEntry()
	button := widget.NewButton("Tap me", func() { taps++ })
	rows := container.NewVBox(entry, button)
	for i := 0; i < 40; i++ {
		rows.Add(widget.NewLabel("a row"))
	}
	ws := NewWheelScroll(rows)
	w := test.NewWindow(ws)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 300))
	layer := ws.(*fyne.Container).Objects[1]
	for name, takes := range map[string]bool{
		"taps":  is[fyne.Tappable](layer),
		"focus": is[fyne.Focusable](layer),
		"hover": is[desktop.Hoverable](layer),
		"drags": is[fyne.Draggable](layer),
	} {
		if takes {
			t.Errorf("the wheel layer takes %s", name)
		}
	}
	d := fyne.CurrentApp().Driver()
	test.TapCanvas(w.Canvas(), d.AbsolutePositionForObject(button).AddXY(5, 5))
	if taps != 1 {
		t.Fatalf("a tap under the layer reached the button %d times", taps)
	}
	test.Scroll(w.Canvas(), d.AbsolutePositionForObject(entry).AddXY(5, 5), 0, -10)
	if off := ws.(*fyne.Container).Objects[0].(*container.Scroll).Offset.Y; off != 10*WheelSpeed {
		t.Fatalf("a notch over the entry scrolled to %v, want %v", off, 10*WheelSpeed)
	}
}

func is[T any](o any) bool {
	_, ok := o.(T)
	return ok
}
