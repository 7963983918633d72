package paint

import (
	"image"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Characters of the DEC special graphics set that the bundled fonts lack
// are drawn here: the control pictures as two small letters, one above
// the other (as the VT100 showed them), and the scan lines as lines.
var controlPictures = map[rune][2]string{
	'␉': {"H", "T"}, '␌': {"F", "F"}, '␍': {"C", "R"},
	'␊': {"L", "F"}, '␤': {"N", "L"}, '␋': {"V", "T"},
}

// scanLines are the horizontal scan lines 1, 3, 7 and 9, as tenths of a
// cell's height from its top.
var scanLines = map[rune]int{'⎺': 1, '⎻': 3, '⎼': 7, '⎽': 9}

// drawSpecial draws r by hand if it is one of those; it reports whether
// it did.
func (g *Glyphs) drawSpecial(mask *image.Alpha, r rune) bool {
	if tenth, ok := scanLines[r]; ok {
		b := mask.Bounds()
		y := b.Dy() * tenth / 10
		draw.Draw(mask, image.Rect(0, y, b.Dx(), y+max(1, b.Dy()/16)), image.Opaque, image.Point{}, draw.Src)
		return true
	}
	pair, ok := controlPictures[r]
	if !ok {
		return false
	}
	small := g.smallFace()
	if small == nil {
		hollowBox(mask)
		return true
	}
	b := mask.Bounds()
	half := b.Dy() / 2
	top := font.Drawer{Dst: mask, Src: image.Opaque, Face: small, Dot: fixed.P(0, half-1)}
	top.DrawString(pair[0])
	bottom := font.Drawer{Dst: mask, Src: image.Opaque, Face: small, Dot: fixed.P(b.Dx()/2-1, b.Dy()-2)}
	bottom.DrawString(pair[1])
	return true
}

// smallFace is the first font at half the text size, made on first use.
func (g *Glyphs) smallFace() font.Face {
	if g.small == nil && len(g.fonts) > 0 {
		face, err := opentype.NewFace(g.fonts[0], &opentype.FaceOptions{Size: g.m.TextPx / 2, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			return nil
		}
		g.small = face
	}
	return g.small
}
