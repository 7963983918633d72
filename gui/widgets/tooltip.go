package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipLayer draws one tooltip above the window's content. It is a plain
// layer of the window, not a pop-up: a pop-up would take the pointer
// from the button under it, which would hide the tip again at once.
type tipLayer struct {
	bg    *canvas.Rectangle
	text  *widget.Label
	box   *fyne.Container // the tip: background and words
	layer *fyne.Container // where the box is placed by hand
	ui    func(func())    // the window's bridge, for the tip's timer
}

func newTipLayer(ui func(func())) *tipLayer {
	l := &tipLayer{ui: ui,
		bg:   canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)),
		text: widget.NewLabel(""),
	}
	l.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	l.bg.StrokeWidth = 1
	l.bg.CornerRadius = theme.InputRadiusSize()
	l.box = container.NewStack(l.bg, l.text)
	l.box.Hide()
	l.layer = container.NewWithoutLayout(l.box)
	return l
}

// show puts the tip with its top left corner at pos (in canvas
// coordinates), moved left if it would leave the window.
func (l *tipLayer) show(text string, pos fyne.Position) {
	if d := fyne.CurrentApp().Driver(); d.CanvasForObject(l.layer) != nil {
		pos = pos.Subtract(d.AbsolutePositionForObject(l.layer))
	}
	l.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	l.text.SetText(text)
	size := l.box.MinSize()
	if room := l.layer.Size().Width; room > 0 && pos.X+size.Width > room {
		pos.X = max(0, room-size.Width)
	}
	l.box.Move(pos)
	l.box.Resize(size)
	l.box.Show()
	l.layer.Refresh()
}

func (l *tipLayer) hide() {
	if l.box.Visible() {
		l.box.Hide()
		l.layer.Refresh()
	}
}

// shown is the tip's text while it is visible, for tests.
func (l *tipLayer) shown() string {
	if !l.box.Visible() {
		return ""
	}
	return l.text.Text
}
