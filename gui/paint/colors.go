package paint

import (
	"image/color"
	"strconv"

	"github.com/tern-telnet/tern/gui/screen"
)

// Theme is the colours cells are drawn with.
type Theme struct {
	FG, BG    color.RGBA // the default foreground and background
	Cursor    color.RGBA // the cursor block
	Selection color.RGBA // the background of selected text
	// BoldFG is bold text in the default foreground (PuTTY's "Default
	// Bold Foreground"); zero means FG.
	BoldFG color.RGBA
	// CursorText is the text under the cursor block; zero means BG.
	CursorText color.RGBA
	// ANSI replaces the 16 base colours of the 256-colour palette (a
	// session's PuTTY palette); nil keeps PuTTY's defaults.
	ANSI *[16]color.RGBA
}

// palette is the xterm 256-colour palette with PuTTY's 16 base colours.
var palette = func() (p [256]color.RGBA) {
	base := [16][3]uint8{
		{0, 0, 0}, {187, 0, 0}, {0, 187, 0}, {187, 187, 0},
		{0, 0, 187}, {187, 0, 187}, {0, 187, 187}, {187, 187, 187},
		{85, 85, 85}, {255, 85, 85}, {85, 255, 85}, {255, 255, 85},
		{85, 85, 255}, {255, 85, 255}, {85, 255, 255}, {255, 255, 255},
	}
	for i, c := range base {
		p[i] = color.RGBA{c[0], c[1], c[2], 255}
	}
	levels := [6]uint8{0, 95, 135, 175, 215, 255}
	for i := range 216 {
		p[16+i] = color.RGBA{levels[i/36], levels[i/6%6], levels[i%6], 255}
	}
	for i := range 24 {
		v := uint8(8 + 10*i)
		p[232+i] = color.RGBA{v, v, v, 255}
	}
	return p
}()

// rgba resolves a cell colour, def standing for ColorDefault.
func (t *Theme) rgba(c screen.Color, def color.RGBA) color.RGBA {
	if n, ok := c.IsPalette(); ok {
		if n < 16 && t.ANSI != nil {
			return t.ANSI[n]
		}
		return palette[n]
	}
	if r, g, b, ok := c.IsRGB(); ok {
		return color.RGBA{r, g, b, 255}
	}
	return def
}

// look is how one cell is drawn.
type look struct {
	fg, bg                  color.RGBA
	bold, underline, strike bool
}

// resolve turns a cell's colours and attributes into a look: bold also
// brightens the eight base colours (as PuTTY does by default), dim mixes
// the text halfway to the background, reverse swaps, hidden hides.
func (t *Theme) resolve(c screen.Cell, screenReversed bool) look {
	defFG, defBG := t.FG, t.BG
	if screenReversed {
		defFG, defBG = defBG, defFG
	}
	fgc := c.FG
	if c.Attr&screen.AttrBold != 0 {
		if n, ok := fgc.IsPalette(); ok && n < 8 {
			fgc = screen.PaletteColor(n + 8)
		}
		if t.BoldFG.A != 0 && !screenReversed {
			defFG = t.BoldFG
		}
	}
	fg, bg := t.rgba(fgc, defFG), t.rgba(c.BG, defBG)
	if c.Attr&screen.AttrDim != 0 {
		fg = mix(fg, bg)
	}
	if c.Attr&screen.AttrReverse != 0 {
		fg, bg = bg, fg
	}
	if c.Attr&screen.AttrHidden != 0 {
		fg = bg
	}
	return look{
		fg: fg, bg: bg,
		bold:      c.Attr&screen.AttrBold != 0,
		underline: c.Attr&screen.AttrUnderline != 0,
		strike:    c.Attr&screen.AttrStrike != 0,
	}
}

func mix(a, b color.RGBA) color.RGBA {
	return color.RGBA{uint8((int(a.R) + int(b.R)) / 2), uint8((int(a.G) + int(b.G)) / 2), uint8((int(a.B) + int(b.B)) / 2), 255}
}

func (t *Theme) cursorText() color.RGBA {
	if t.CursorText.A != 0 {
		return t.CursorText
	}
	return t.BG
}

// PuTTYPalette is PuTTY's Colours panel in its own order (Colour0 to
// Colour21): default foreground, default bold foreground, default
// background, default bold background, cursor text, cursor colour, then
// each ANSI colour followed by its bold (bright) form: black, red,
// green, yellow, blue, magenta, cyan, white.
type PuTTYPalette [22]color.RGBA

// WithPuTTY returns t drawn in palette p: its defaults, bold foreground,
// cursor and 16 ANSI colours (the selection colour stays t's). PuTTY's
// default bold background only shows with blinking text, which Tern
// draws steady: it is kept in the profile but not drawn.
func (t Theme) WithPuTTY(p *PuTTYPalette) Theme {
	if p == nil {
		return t
	}
	t.FG, t.BoldFG, t.BG = p[0], p[1], p[2]
	t.CursorText, t.Cursor = p[4], p[5]
	ansi := new([16]color.RGBA)
	for i := range 8 {
		ansi[i], ansi[i+8] = p[6+2*i], p[7+2*i]
	}
	t.ANSI = ansi
	return t
}

// ParsePuTTYPalette reads a profile's palette (22 "#rrggbb", see
// profiles.Terminal.Colours); nil when it is not exactly that.
func ParsePuTTYPalette(hex []string) *PuTTYPalette {
	if len(hex) != len(PuTTYPalette{}) {
		return nil
	}
	var p PuTTYPalette
	for i, h := range hex {
		c, ok := ParseHexColour(h)
		if !ok {
			return nil
		}
		p[i] = c
	}
	return &p
}

// ParseHexColour reads "#rrggbb".
func ParseHexColour(h string) (color.RGBA, bool) {
	if len(h) != 7 || h[0] != '#' {
		return color.RGBA{}, false
	}
	n, err := strconv.ParseUint(h[1:], 16, 32)
	if err != nil {
		return color.RGBA{}, false
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 255}, true
}

// HexColour writes c as "#rrggbb".
func HexColour(c color.RGBA) string {
	const digits = "0123456789abcdef"
	return string([]byte{'#', digits[c.R>>4], digits[c.R&15], digits[c.G>>4], digits[c.G&15], digits[c.B>>4], digits[c.B&15]})
}
