package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TipLayer draws one tooltip above the window's content. It is a plain
// layer of the window, not a pop-up: a pop-up would take the pointer
// from the button under it, which would hide the tip again at once.
type TipLayer struct {
	bg    *canvas.Rectangle
	text  *widget.Label
	box   *fyne.Container // the tip: background and words
	Layer *fyne.Container // where the box is placed by hand; it goes over the window's content
	ui    func(func())    // the window's bridge, for the tip's timer
}

// NewTipLayer is an empty layer; ui is the window's bridge, for the
// tip's timer.
func NewTipLayer(ui func(func())) *TipLayer {
	l := &TipLayer{ui: ui,
		bg:   canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)),
		text: widget.NewLabel(""),
	}
	l.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	l.bg.StrokeWidth = 1
	l.bg.CornerRadius = theme.InputRadiusSize()
	l.box = container.NewStack(l.bg, l.text)
	l.box.Hide()
	l.Layer = container.NewWithoutLayout(l.box)
	return l
}

// show puts the tip with its top left corner at pos (in canvas
// coordinates), moved left if it would leave the window.
func (l *TipLayer) show(text string, pos fyne.Position) {
	if d := fyne.CurrentApp().Driver(); d.CanvasForObject(l.Layer) != nil {
		pos = pos.Subtract(d.AbsolutePositionForObject(l.Layer))
	}
	l.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	l.text.SetText(text)
	size := l.box.MinSize()
	if room := l.Layer.Size().Width; room > 0 && pos.X+size.Width > room {
		pos.X = max(0, room-size.Width)
	}
	l.box.Move(pos)
	l.box.Resize(size)
	l.box.Show()
	l.Layer.Refresh()
}

func (l *TipLayer) hide() {
	if l.box.Visible() {
		l.box.Hide()
		l.Layer.Refresh()
	}
}

// Shown is the tip's text while it is visible, for tests.
func (l *TipLayer) Shown() string {
	if !l.box.Visible() {
		return ""
	}
	return l.text.Text
}
