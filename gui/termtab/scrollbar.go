package termtab

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scrollBar is the terminal's scrollbar, as PuTTY's: the thumb's length
// is the screen's share of screen plus scrollback and its place is the
// view's place; dragging the thumb scrolls, clicking the track above or
// below it moves a page.
type scrollBar struct {
	widget.BaseWidget
	history int // lines of scrollback
	rows    int // lines on the screen
	offset  int // how far back the view is, in lines (0 at the bottom)

	// onScroll asks for the view to be offset lines back.
	onScroll func(offset int)

	dragging   bool
	dragOffset int     // the offset when the drag began
	dragged    float32 // how far the pointer has moved since
}

func newScrollBar(onScroll func(offset int)) *scrollBar {
	b := &scrollBar{onScroll: onScroll}
	b.ExtendBaseWidget(b)
	return b
}

// set shows a new position; it runs on the UI goroutine.
func (b *scrollBar) set(history, rows, offset int) {
	if b.history == history && b.rows == rows && b.offset == offset {
		return
	}
	b.history, b.rows, b.offset = history, rows, offset
	b.Refresh()
}

// thumb returns the thumb's top and length in a bar of the given height.
func (b *scrollBar) thumb(height float32) (top, length float32) {
	total := b.history + max(b.rows, 1)
	length = height * float32(max(b.rows, 1)) / float32(total)
	length = min(max(length, 2*scrollBarThumbMin()), height)
	if b.history > 0 {
		top = (height - length) * float32(b.history-b.offset) / float32(b.history)
	}
	return top, length
}

// Tapped pages up or down when the track is clicked beside the thumb.
// scrollBarThumbMin is half the shortest thumb, so that it can be grabbed.
func scrollBarThumbMin() float32 { return theme.ScrollBarSize() }

func (b *scrollBar) Tapped(ev *fyne.PointEvent) {
	top, length := b.thumb(b.Size().Height)
	page := max(b.rows-1, 1)
	switch {
	case ev.Position.Y < top:
		b.scrollTo(b.offset + page)
	case ev.Position.Y > top+length:
		b.scrollTo(b.offset - page)
	}
}

// Dragged moves the thumb with the pointer.
func (b *scrollBar) Dragged(ev *fyne.DragEvent) {
	if !b.dragging {
		b.dragging, b.dragOffset, b.dragged = true, b.offset, 0
	}
	b.dragged += ev.Dragged.DY
	_, length := b.thumb(b.Size().Height)
	travel := b.Size().Height - length
	if travel <= 0 || b.history == 0 {
		return
	}
	lines := int(math.Round(float64(b.dragged / travel * float32(b.history))))
	b.scrollTo(b.dragOffset - lines)
}

// DragEnd ends a drag.
func (b *scrollBar) DragEnd() { b.dragging = false }

func (b *scrollBar) scrollTo(offset int) {
	offset = min(max(offset, 0), b.history)
	if offset != b.offset && b.onScroll != nil {
		b.onScroll(offset)
	}
}

func (b *scrollBar) CreateRenderer() fyne.WidgetRenderer {
	r := &scrollBarRenderer{bar: b, track: canvas.NewRectangle(nil), thumb: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

type scrollBarRenderer struct {
	bar          *scrollBar
	track, thumb *canvas.Rectangle
}

func (r *scrollBarRenderer) Layout(size fyne.Size) {
	r.track.Resize(size)
	top, length := r.bar.thumb(size.Height)
	inset := size.Width / 4
	r.thumb.Move(fyne.NewPos(inset, top))
	r.thumb.Resize(fyne.NewSize(size.Width-2*inset, length))
}

func (r *scrollBarRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.ScrollBarSize()+theme.Padding(), 2*theme.ScrollBarSize())
}

func (r *scrollBarRenderer) Refresh() {
	th := r.bar.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.thumb.FillColor = th.Color(theme.ColorNameScrollBar, v)
	r.thumb.CornerRadius = theme.ScrollBarSize() / 2
	r.Layout(r.bar.Size())
	r.track.Refresh()
	r.thumb.Refresh()
}

func (r *scrollBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.thumb}
}

func (r *scrollBarRenderer) Destroy() {}
