package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
)

// The keyboard reaches an assistant's fields: the window's F6 and the
// assistant's opening focus the first empty field (FocusField), and the
// fields' scroll follows the focus, so that Tab never fills a field out
// of sight.

// fieldsIn are the entries in a panel's fields, in Tab order.
func fieldsIn(o fyne.CanvasObject) []*widgets.EscEntry {
	switch v := o.(type) {
	case *widgets.EscEntry:
		return []*widgets.EscEntry{v}
	case *fyne.Container:
		var all []*widgets.EscEntry
		for _, c := range v.Objects {
			all = append(all, fieldsIn(c)...)
		}
		return all
	case *widget.Form:
		var all []*widgets.EscEntry
		for _, it := range v.Items {
			all = append(all, fieldsIn(it.Widget)...)
		}
		return all
	}
	return nil
}

// FollowFocus makes the fields' scroll bring each field into view as it
// gets the focus.
func (b *Base) FollowFocus(scroll *container.Scroll, fields fyne.CanvasObject) {
	b.fields = fieldsIn(fields)
	for _, e := range b.fields {
		e.OnFocus = func() { scrollTo(scroll, e) }
	}
}

// scrollTo scrolls so that o, inside scroll's content, is in view.
func scrollTo(scroll *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(scroll.Content).Y
	bottom := top + o.Size().Height
	view := scroll.Size().Height
	y := scroll.Offset.Y
	switch {
	case top < y:
		y = top
	case bottom > y+view:
		y = bottom - view
	default:
		return
	}
	scroll.ScrollToOffset(fyne.NewPos(scroll.Offset.X, max(y, 0)))
}

// FocusField gives the keyboard to the first empty field (the first
// field when all are filled), in view; it reports false when the panel
// has no field.
func (b *Base) FocusField(c fyne.Canvas) bool {
	if len(b.fields) == 0 || c == nil {
		return false
	}
	target := b.fields[0]
	for _, e := range b.fields {
		if e.Text == "" && !e.Disabled() {
			target = e
			break
		}
	}
	c.Focus(target)
	return true
}

// HasFocus reports whether one of the panel's fields has the keyboard.
func (b *Base) HasFocus(c fyne.Canvas) bool {
	if c == nil {
		return false
	}
	f := c.Focused()
	for _, e := range b.fields {
		if fyne.Focusable(e) == f {
			return true
		}
	}
	return false
}
