// Package termview shows a terminal screen that gui/paint drew: one image
// for all the cells, so a frame is one texture however much changed. It
// also takes the mouse over the terminal: selection (copied when the
// button is released, as PuTTY does), double-click on a word, the wheel,
// right- and middle-click paste, and mouse reports when the server asked
// for them. The keyboard stays with the hosted terminal widget.
package termview

import (
	"image"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
)

// Source is the text behind the view, for selections.
type Source interface {
	TextRange(a, b screen.Pos) string
	TextRect(a, b screen.Pos) string
	WordAt(p screen.Pos) (from, to screen.Pos)
}

// View is the terminal's picture and mouse. Its On… hooks are set before
// it is shown; each is called on the UI goroutine.
type View struct {
	widget.BaseWidget

	OnResize     func(cols, rows int)   // the view now holds cols x rows cells
	OnFocus      func()                 // a click: give the terminal the keyboard
	OnScroll     func(lines int)        // the wheel, in lines back into history
	OnPaste      func(primary bool)     // right click (clipboard), middle click (primary selection)
	OnCopy       func(text string)      // a selection was made
	OnReport     func(seq []byte)       // a mouse report for the server
	OnInvalidate func()                 // the picture must be painted again (selection, font)
	OnDrawn      func(first int64)      // a frame reached the view (tests)
	OnAltDragEnd func()                 // an Alt-drag ended, Alt maybe still held
	src          Source                 //
	glyphs       atomic.Pointer[glyphs] // for the painter's goroutine

	// Owned by the UI goroutine.
	pictures   []*rowPicture       // the picture, one raster a row
	objects    []fyne.CanvasObject // the rows' rasters, then the veil
	veil       *canvas.Rectangle   // the visual bell (flash.go)
	scale      float32
	cell       fyne.Size
	cols, rows int
	first      int64 // the absolute line number of the view's top row
	modes      screen.Modes
	wheelRest  float32
	dragging   bool
	anchor     screen.Pos
	button     int              // the button held, for motion reports
	downMods   fyne.KeyModifier // the modifiers when the button went down
	clicks     clickCount       // for a triple click

	mu  sync.Mutex // guards sel, read by the painter's goroutine
	sel selection
}

type selection struct {
	a, b screen.Pos
	on   bool
	rect bool // a rectangle (Alt-drag), not a run of text
}

// glyphs pairs a glyph set with the text size it was made for.
type glyphs struct {
	g   *paint.Glyphs
	key glyphKey
}

type glyphKey struct {
	size, scale float32
	font        string
}

// New returns a view of src.
func New(src Source) *View {
	v := &View{src: src, scale: 1, veil: newVeil()}
	v.objects = []fyne.CanvasObject{v.veil}
	v.ExtendBaseWidget(v)
	return v
}

// Glyphs returns the glyphs for the view's current text size and
// screen scale (nil before the view has a canvas and a font).
func (v *View) Glyphs() *paint.Glyphs {
	if g := v.glyphs.Load(); g != nil {
		return g.g
	}
	return nil
}

// Cells is how many columns and rows the view holds (0 before it has a
// size). Call it on the UI goroutine.
func (v *View) Cells() (cols, rows int) { return v.cols, v.rows }

// CellSize is one cell in the canvas's units.
func (v *View) CellSize() fyne.Size { return v.cell }

// Resize lays the view out and reports a change of cells.
func (v *View) Resize(size fyne.Size) {
	v.BaseWidget.Resize(size)
	v.measure()
	if v.cell.Width <= 0 || v.cell.Height <= 0 {
		return
	}
	cols := int(math.Floor(float64(size.Width / v.cell.Width)))
	rows := int(math.Floor(float64(size.Height / v.cell.Height)))
	if cols > 0 && rows > 0 && (cols != v.cols || rows != v.rows) {
		v.cols, v.rows = cols, rows
		if v.OnResize != nil {
			v.OnResize(cols, rows)
		}
	}
}

// Refresh follows a change of theme or text size.
func (v *View) Refresh() {
	if v.measure() {
		v.Resize(v.Size())
		if v.OnInvalidate != nil {
			v.OnInvalidate()
		}
	}
	v.BaseWidget.Refresh()
}

// measure works out the cell size as Fyne's TextGrid does and makes
// glyphs when the size, scale or font changed; it reports whether they
// did.
func (v *View) measure() bool {
	th := v.Theme()
	size := th.Size(theme.SizeNameText)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Scale() > 0 {
		v.scale = c.Scale()
	}
	mono := th.Font(fyne.TextStyle{Monospace: true})
	key := glyphKey{size: size, scale: v.scale, font: mono.Name()}
	if old := v.glyphs.Load(); old != nil && old.key == key {
		return false
	}
	m := fyne.MeasureText("M", size, fyne.TextStyle{Monospace: true})
	v.cell = fyne.NewSize(float32(math.Round(float64(m.Width))), float32(math.Round(float64(m.Height))))
	px := paint.Metrics{
		CellW:  int(math.Round(float64(v.cell.Width * v.scale))),
		CellH:  int(math.Round(float64(v.cell.Height * v.scale))),
		TextPx: float64(size * v.scale),
	}
	g, err := paint.NewGlyphs(fontData(th), px)
	if err != nil {
		fyne.LogError("terminal font", err)
		return false
	}
	g.Fallback = loadFallbackFonts
	v.glyphs.Store(&glyphs{g: g, key: key})
	return true
}

// fontData is the monospaced font, then the theme's text font for the
// characters it lacks.
func fontData(th fyne.Theme) [][]byte {
	fonts := [][]byte{th.Font(fyne.TextStyle{Monospace: true}).Content()}
	if regular := th.Font(fyne.TextStyle{}); regular != nil {
		fonts = append(fonts, regular.Content())
	}
	return fonts
}

// Frame is one frame for the view: the painter's image, what changed in
// it, how wide each row's used part is (pixels), the absolute number of
// the top row and the screen's input modes (for mouse reports).
type Frame struct {
	Image   *image.RGBA
	Damage  *paint.Damage
	Extents []int
	First   int64
	Modes   screen.Modes
}

// Present takes a frame: rows that only moved (a scroll) are moved, rows
// that changed are copied out of the image. Call it on the UI goroutine;
// the image may change again once it returns.
func (v *View) Present(f Frame) {
	v.first, v.modes = f.First, f.Modes
	if f.Image == nil || f.Damage == nil || len(f.Damage.Changed) == 0 {
		return
	}
	n := len(f.Damage.Changed)
	rowH := f.Image.Rect.Dy() / n
	all := len(v.pictures) != n || v.pictures[0].h != rowH
	if all {
		v.pictures, v.objects = make([]*rowPicture, n), make([]fyne.CanvasObject, n, n+1)
		for i := range v.pictures {
			v.pictures[i] = newRowPicture(rowH)
			v.objects[i] = v.pictures[i].raster
		}
		v.objects = append(v.objects, v.veil)
		v.BaseWidget.Refresh()
	} else if k := f.Damage.Scrolled; k > 0 && k < n {
		slices.Reverse(v.pictures[:k]) // rotate left by k, in place
		slices.Reverse(v.pictures[k:])
		slices.Reverse(v.pictures)
	}
	// A model wider than the view (DECCOLM, until the window follows)
	// draws no further than the view's right edge.
	width := f.Image.Rect.Dx()
	if w := v.Size().Width; w > 0 {
		width = min(width, int(math.Ceil(float64(w*v.scale))))
	}
	for i, rp := range v.pictures {
		rp.moveTo(float32(i*rowH) / v.scale)
		if all || f.Damage.Changed[i] {
			rp.show(f.Image, i, min(f.Extents[i], width), v.scale)
		}
	}
	if v.OnDrawn != nil {
		v.OnDrawn(f.First)
	}
}

// Selection returns the selected cells, from a to b in reading order.
// It may be called from any goroutine.
func (v *View) Selection() (a, b screen.Pos, ok bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	a, b = v.sel.a, v.sel.b
	if b.Before(a) {
		a, b = b, a
	}
	return a, b, v.sel.on
}

// SelectedText is the selection's text, or "" when there is none.
func (v *View) SelectedText() string {
	v.mu.Lock()
	s := v.sel
	v.mu.Unlock()
	switch {
	case !s.on:
		return ""
	case s.rect:
		return v.src.TextRect(s.a, s.b)
	}
	a, b, _ := v.Selection()
	return v.src.TextRange(a, b)
}

func (v *View) setSelection(s selection) {
	v.mu.Lock()
	changed := v.sel != s
	v.sel = s
	v.mu.Unlock()
	if changed && v.OnInvalidate != nil {
		v.OnInvalidate()
	}
}

// ClearSelection removes the selection.
func (v *View) ClearSelection() { v.setSelection(selection{}) }

// CreateRenderer draws the rows of the picture; the window's own
// background shows where no row holds anything.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	v.measure()
	return &renderer{v: v}
}

type renderer struct{ v *View }

func (r *renderer) Layout(fyne.Size) {}

func (r *renderer) MinSize() fyne.Size { return r.v.cell }

func (r *renderer) Refresh() {}

func (r *renderer) Objects() []fyne.CanvasObject { return r.v.objects }

func (r *renderer) Destroy() {}
