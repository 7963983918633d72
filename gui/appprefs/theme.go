package appprefs

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

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
	if n == theme.ColorNameFocus {
		return focusColor(t.Theme.Color(theme.ColorNamePrimary, v))
	}
	return t.Theme.Color(n, v)
}

// focusColor marks the focused button, check or field: the default theme's
// faint tint left a focused Export… unseen (a Space then opened its Save
// dialog), so the mark is the primary colour at 70 %.
func focusColor(primary color.Color) color.Color {
	r, g, b, _ := primary.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0xb3}
}

func (t *ternTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	if n == theme.SizeNameText && t.textScale > 0 {
		return s * t.textScale
	}
	return s
}
