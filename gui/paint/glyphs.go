package paint

import (
	"fmt"
	"image"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Metrics is the size of one cell in pixels and the text size the glyphs
// are drawn at.
type Metrics struct {
	CellW, CellH int
	TextPx       float64 // the font's size in pixels (points at 72 dpi)
}

// Glyphs turns characters into cell-sized alpha masks and keeps them. The
// first font that has a character draws it; a character no font has is a
// hollow box. Glyphs belongs to one goroutine at a time (the painter's).
type Glyphs struct {
	m        Metrics
	fonts    []*sfnt.Font
	faces    []font.Face
	buf      sfnt.Buffer
	baseline int       // from the cell's top
	small    font.Face // half size, for the control pictures
	cache    map[glyphKey]*image.Alpha
	doubled  map[doubleKey]*image.Alpha // cells of double-size lines
	big      *Glyphs                    // twice the size, for double-height lines

	// Fallback, if set, gives more fonts (such as the system's CJK font)
	// the first time a character is in none of the others. It is called
	// at most once, on the painter's goroutine.
	Fallback     func() [][]byte
	fellBackOnce bool
}

type glyphKey struct {
	r          rune
	bold, wide bool
}

// NewGlyphs parses the given TrueType/OpenType fonts (the first is the
// terminal's monospaced font, the rest fallbacks) for cells of size m.
func NewGlyphs(fonts [][]byte, m Metrics) (*Glyphs, error) {
	if m.CellW < 1 || m.CellH < 1 || m.TextPx <= 0 {
		return nil, fmt.Errorf("paint: cell size %dx%d at %.1f px is not drawable", m.CellW, m.CellH, m.TextPx)
	}
	g := &Glyphs{m: m, cache: map[glyphKey]*image.Alpha{}}
	for _, data := range fonts {
		if err := g.add(data); err != nil {
			return nil, err
		}
	}
	if len(g.faces) == 0 {
		return nil, fmt.Errorf("paint: no font")
	}
	met := g.faces[0].Metrics()
	ascent, descent := met.Ascent.Ceil(), met.Descent.Ceil()
	g.baseline = (m.CellH-(ascent+descent))/2 + ascent
	return g, nil
}

// add parses a font (or the first of a collection) and adds its face.
func (g *Glyphs) add(data []byte) error {
	f, err := opentype.Parse(data)
	if err != nil {
		c, cerr := opentype.ParseCollection(data)
		if cerr != nil {
			return fmt.Errorf("paint: font: %w", err)
		}
		if f, err = c.Font(0); err != nil {
			return fmt.Errorf("paint: font: %w", err)
		}
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: g.m.TextPx, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return fmt.Errorf("paint: font face: %w", err)
	}
	g.fonts = append(g.fonts, f)
	g.faces = append(g.faces, face)
	return nil
}

// Metrics returns the cell size the glyphs are made for.
func (g *Glyphs) Metrics() Metrics { return g.m }

// Baseline is the distance from a cell's top to the text's baseline.
func (g *Glyphs) Baseline() int { return g.baseline }

// Mask returns r drawn white on transparent in a cell (two cells when
// wide), emboldened by a second pass one pixel to the right when bold.
func (g *Glyphs) Mask(r rune, bold, wide bool) *image.Alpha {
	key := glyphKey{r, bold, wide}
	if m, ok := g.cache[key]; ok {
		return m
	}
	w := g.m.CellW
	if wide {
		w *= 2
	}
	mask := image.NewAlpha(image.Rect(0, 0, w, g.m.CellH))
	if drawBox(mask, r) || g.drawSpecial(mask, r) {
		// drawn by hand: lines must meet, or the fonts lack it
	} else if face := g.faceFor(r); face != nil {
		g.drawRune(mask, face, r, w, 0)
		if bold {
			g.drawRune(mask, face, r, w, 1)
		}
	} else {
		hollowBox(mask)
	}
	g.cache[key] = mask
	return mask
}

func (g *Glyphs) faceFor(r rune) font.Face {
	for i, f := range g.fonts {
		if idx, err := f.GlyphIndex(&g.buf, r); err == nil && idx != 0 {
			return g.faces[i]
		}
	}
	if g.Fallback != nil && !g.fellBackOnce {
		g.fellBackOnce = true
		n := len(g.fonts)
		for _, data := range g.Fallback() {
			_ = g.add(data) // a font that does not parse is skipped
		}
		if len(g.fonts) > n {
			return g.faceFor(r)
		}
	}
	return nil
}

// drawRune draws r centred in a cell of width w, shifted dx pixels.
func (g *Glyphs) drawRune(mask *image.Alpha, face font.Face, r rune, w, dx int) {
	adv, ok := face.GlyphAdvance(r)
	if !ok {
		adv = fixed.I(w)
	}
	x := (fixed.I(w) - adv) / 2
	if x < 0 {
		x = 0
	}
	d := font.Drawer{Dst: mask, Src: image.Opaque, Face: face, Dot: fixed.Point26_6{X: x + fixed.I(dx), Y: fixed.I(g.baseline)}}
	d.DrawString(string(r))
}

// hollowBox is what a character no font has looks like.
func hollowBox(mask *image.Alpha) {
	b := mask.Bounds().Inset(max(1, mask.Bounds().Dx()/6))
	b.Min.Y += b.Dy() / 6
	outline(mask, b)
}

func outline(mask *image.Alpha, b image.Rectangle) {
	on := image.Opaque
	draw.Draw(mask, image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+1), on, image.Point{}, draw.Src)
	draw.Draw(mask, image.Rect(b.Min.X, b.Max.Y-1, b.Max.X, b.Max.Y), on, image.Point{}, draw.Src)
	draw.Draw(mask, image.Rect(b.Min.X, b.Min.Y, b.Min.X+1, b.Max.Y), on, image.Point{}, draw.Src)
	draw.Draw(mask, image.Rect(b.Max.X-1, b.Min.Y, b.Max.X, b.Max.Y), on, image.Point{}, draw.Src)
}
