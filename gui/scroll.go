package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// scrollCatcher lies over the terminal and takes only mouse-wheel events
// (taps, drags and keys still reach the terminal below): the wheel scrolls
// Tern's scrollback, which the widget does not have.
type scrollCatcher struct {
	widget.BaseWidget
	scroll func(lines int)
	rest   float32
}

func newScrollCatcher(scroll func(lines int)) *scrollCatcher {
	c := &scrollCatcher{scroll: scroll}
	c.ExtendBaseWidget(c)
	return c
}

// Scrolled turns wheel movement into whole lines (up is back in history).
func (c *scrollCatcher) Scrolled(ev *fyne.ScrollEvent) {
	c.rest += ev.Scrolled.DY / 16
	lines := int(c.rest)
	if lines != 0 {
		c.rest -= float32(lines)
		c.scroll(lines)
	}
}

func (c *scrollCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
