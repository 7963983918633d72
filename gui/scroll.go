package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// termFrame holds the terminal widget. It takes the mouse wheel (taps,
// drags and keys still reach the terminal inside), which scrolls Tern's
// scrollback: the widget has none. Being scrollable, it also clips what
// it holds: the widget keeps drawing cells it had before it was made
// smaller (Fyne's TextGrid never drops a row's cell objects), and those
// must not show beside or below it.
type termFrame struct {
	widget.BaseWidget
	content fyne.CanvasObject
	scroll  func(lines int)
	rest    float32
}

func newTermFrame(content fyne.CanvasObject, scroll func(lines int)) *termFrame {
	f := &termFrame{content: content, scroll: scroll}
	f.ExtendBaseWidget(f)
	return f
}

// Scrolled turns wheel movement into whole lines (up is back in history).
func (f *termFrame) Scrolled(ev *fyne.ScrollEvent) {
	f.rest += ev.Scrolled.DY / 16
	lines := int(f.rest)
	if lines != 0 {
		f.rest -= float32(lines)
		f.scroll(lines)
	}
}

func (f *termFrame) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(f.content)
}
