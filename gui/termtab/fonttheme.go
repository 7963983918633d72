package termtab

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tabFontTheme gives one tab's terminal the text size its profile asks
// for, scaled by the app's zoom, and follows the app's theme otherwise.
type tabFontTheme struct {
	size float32 // Fyne text size at 100% zoom
}

func (t *tabFontTheme) app() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t *tabFontTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.app().Color(n, v)
}

func (t *tabFontTheme) Font(s fyne.TextStyle) fyne.Resource { return t.app().Font(s) }

func (t *tabFontTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.app().Icon(n) }

func (t *tabFontTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.app().Size(n)
	if n == theme.SizeNameText && t.size > 0 { // 0: the app's size
		zoom := s / theme.DefaultTheme().Size(theme.SizeNameText)
		return t.size * zoom
	}
	return s
}

// rgba flattens a colour to opaque 8-bit RGB.
func rgba(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}
