package termview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// newVeil is the visual bell: a rectangle over the whole view, hidden
// until Flash.
func newVeil() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.Hide()
	return r
}

// Flash shows (on) or hides the visual bell: the view under a veil of the
// text colour, as PuTTY's visual bell turns the screen over for a moment.
// The caller hides it again; call it on the UI goroutine.
func (v *View) Flash(on bool) {
	if !on {
		v.veil.Hide()
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	r, g, b, _ := fg.RGBA()
	v.veil.FillColor = color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0x70}
	v.veil.Resize(v.Size())
	v.veil.Move(fyne.NewPos(0, 0))
	v.veil.Show()
	v.veil.Refresh()
}

// Flashing reports whether the visual bell shows.
func (v *View) Flashing() bool { return v.veil.Visible() }
