package termtab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// termHost holds the two halves of a terminal: the fyne-io/terminal
// widget, which has the keyboard (focus, key encoding, shortcuts), and
// Tern's view on top of it, which draws the cells and takes the mouse.
// The widget is kept one row of three cells in the corner, under the
// view: it draws nothing a person sees, and its grid costs nothing to
// paint.
type termHost struct {
	widget.BaseWidget
	keys fyne.CanvasObject
	view fyne.CanvasObject
}

func newTermHost(keys, view fyne.CanvasObject) *termHost {
	h := &termHost{keys: keys, view: view}
	h.ExtendBaseWidget(h)
	return h
}

// termHost is Focusable only so that a click on the view does not take
// the keyboard from the widget (Fyne unfocuses on a click where nothing
// focusable is under the pointer); focus that lands on the host itself,
// as Tab may bring it, goes on to the widget.
func (h *termHost) FocusGained() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(h); c != nil {
		if f, ok := h.keys.(fyne.Focusable); ok {
			fyne.Do(func() { c.Focus(f) })
		}
	}
}

// FocusLost does nothing: the host never keeps the focus.
func (h *termHost) FocusLost() {}

// TypedRune passes a character on to the widget.
func (h *termHost) TypedRune(r rune) {
	if f, ok := h.keys.(fyne.Focusable); ok {
		f.TypedRune(r)
	}
}

// TypedKey passes a key on to the widget.
func (h *termHost) TypedKey(ev *fyne.KeyEvent) {
	if f, ok := h.keys.(fyne.Focusable); ok {
		f.TypedKey(ev)
	}
}

func (h *termHost) CreateRenderer() fyne.WidgetRenderer { return &termHostRenderer{h} }

type termHostRenderer struct{ h *termHost }

func (r *termHostRenderer) Layout(size fyne.Size) {
	cell := fyne.MeasureText("M", r.h.Theme().Size("text"), fyne.TextStyle{Monospace: true})
	r.h.keys.Move(fyne.NewPos(0, 0))
	r.h.keys.Resize(fyne.NewSize(min(cell.Width*3+1, size.Width), min(cell.Height+1, size.Height)))
	r.h.view.Move(fyne.NewPos(0, 0))
	r.h.view.Resize(size)
}

func (r *termHostRenderer) MinSize() fyne.Size { return r.h.view.MinSize() }

func (r *termHostRenderer) Refresh() {
	r.h.keys.Refresh()
	r.h.view.Refresh()
}

func (r *termHostRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.h.keys, r.h.view}
}

func (r *termHostRenderer) Destroy() {}
