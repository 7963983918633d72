package render

import (
	"strconv"

	"github.com/tern-telnet/tern/gui/screen"
)

// Theme gives the RGB values used where the widget needs an explicit
// colour: reverse video of default colours, and hidden text.
type Theme struct {
	FG, BG [3]uint8
}

// style is a cell's look reduced to what the widget can show.
type style struct {
	fg, bg screen.Color
	blink  bool
}

func (t Theme) resolve(c screen.Cell) style {
	fg, bg := c.FG, c.BG
	if c.Attr&screen.AttrBold != 0 {
		if n, ok := fg.IsPalette(); ok && n < 8 {
			fg = screen.PaletteColor(n + 8) // bold as bright, as PuTTY does by default
		}
	}
	if c.Attr&screen.AttrReverse != 0 {
		if fg == screen.ColorDefault {
			fg = screen.RGBColor(t.FG[0], t.FG[1], t.FG[2])
		}
		if bg == screen.ColorDefault {
			bg = screen.RGBColor(t.BG[0], t.BG[1], t.BG[2])
		}
		fg, bg = bg, fg
	}
	if c.Attr&screen.AttrHidden != 0 {
		fg = bg
		if fg == screen.ColorDefault {
			fg = screen.RGBColor(t.BG[0], t.BG[1], t.BG[2])
		}
	}
	return style{fg: fg, bg: bg, blink: c.Attr&screen.AttrBlink != 0}
}

// appendSGR appends the SGR sequence that sets st from a reset state.
func appendSGR(dst []byte, st style) []byte {
	dst = append(dst, "\x1b[0"...)
	dst = appendColor(dst, st.fg, 30, 90, "38")
	dst = appendColor(dst, st.bg, 40, 100, "48")
	if st.blink {
		dst = append(dst, ";5"...)
	}
	return append(dst, 'm')
}

func appendColor(dst []byte, c screen.Color, base, bright int, ext string) []byte {
	if n, ok := c.IsPalette(); ok {
		switch {
		case n < 8:
			return strconv.AppendInt(append(dst, ';'), int64(base+int(n)), 10)
		case n < 16:
			return strconv.AppendInt(append(dst, ';'), int64(bright+int(n)-8), 10)
		}
		dst = append(dst, ';')
		dst = append(dst, ext...)
		dst = append(dst, ";5;"...)
		return strconv.AppendInt(dst, int64(n), 10)
	}
	if r, g, b, ok := c.IsRGB(); ok {
		dst = append(dst, ';')
		dst = append(dst, ext...)
		dst = append(dst, ";2;"...)
		dst = strconv.AppendInt(dst, int64(r), 10)
		dst = append(dst, ';')
		dst = strconv.AppendInt(dst, int64(g), 10)
		dst = append(dst, ';')
		return strconv.AppendInt(dst, int64(b), 10)
	}
	return dst
}

// appendCUP appends an absolute cursor position (1-based). The widget
// takes "CSI H" without ";" as home, so both numbers are always written.
func appendCUP(dst []byte, row, col int) []byte {
	dst = append(dst, "\x1b["...)
	dst = strconv.AppendInt(dst, int64(row+1), 10)
	dst = append(dst, ';')
	dst = strconv.AppendInt(dst, int64(col+1), 10)
	return append(dst, 'H')
}
