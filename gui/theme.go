package gui

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
	return t.Theme.Color(n, v)
}

func (t *ternTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	if n == theme.SizeNameText && t.textScale > 0 {
		return s * t.textScale
	}
	return s
}
