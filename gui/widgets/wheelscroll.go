package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// WheelSpeed multiplies the wheel's steps in a wheel scroller: Fyne moves
// 25 px a notch on Linux and Windows, so the New session form with
// Advanced open took some sixty notches from top to bottom.
const WheelSpeed = 3

// NewWheelScroll is a vertical scroller of content that the mouse wheel
// moves wherever the pointer rests on it. In a plain Fyne scroller an
// entry under the pointer takes the wheel (each entry scrolls its own
// line) and nothing moves; here a layer over the content that draws
// nothing takes the wheel alone, so taps, hovering and the keyboard still
// reach the fields under it.
func NewWheelScroll(content fyne.CanvasObject) fyne.CanvasObject {
	s := container.NewVScroll(content)
	c := &wheelCatcher{scroll: s}
	c.ExtendBaseWidget(c)
	return container.NewStack(s, c)
}

// wheelCatcher lies over a scroller and hands it the wheel, faster.
type wheelCatcher struct {
	widget.BaseWidget
	scroll *container.Scroll
}

// Scrolled moves the scroller WheelSpeed times the wheel's step.
func (c *wheelCatcher) Scrolled(e *fyne.ScrollEvent) {
	faster := *e
	faster.Scrolled = fyne.NewDelta(e.Scrolled.DX*WheelSpeed, e.Scrolled.DY*WheelSpeed)
	c.scroll.Scrolled(&faster)
}

// CreateRenderer draws nothing.
func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
