package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/tern-telnet/tern/gui/render"
)

// themeColors gives the renderer the theme's text and background colours,
// which reverse video of default colours needs.
func themeColors() render.Theme {
	return render.Theme{FG: rgb(theme.Color(theme.ColorNameForeground)), BG: rgb(theme.Color(theme.ColorNameBackground))}
}

func rgb(c color.Color) [3]uint8 {
	r, g, b, _ := c.RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

// ternTheme scales text (Ctrl+plus/minus) and can force light or dark.
type ternTheme struct {
	fyne.Theme
	textScale float32
	variant   string // "system", "light" or "dark"
}

func (t *ternTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case "light":
		v = theme.VariantLight
	case "dark":
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

func (t *ternTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	if n == theme.SizeNameText && t.textScale > 0 {
		return s * t.textScale
	}
	return s
}
