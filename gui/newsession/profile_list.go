package newsession

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// sessionList is the New session dialog's list of saved sessions, as
// PuTTY's: one click selects a session and loads its settings, a double
// click opens it, and the selection stays marked. It is in the Tab order:
// Up and Down move the selection (loading each), Home and End jump to the
// ends, Enter opens, Escape cancels the dialog.
//
// Fyne's List draws keyboard focus on a row of its own choosing that taps
// on our rows never move; sessionList keeps one cursor, the selection,
// and marks it in bold while the list has the focus.
type sessionList struct {
	widget.List
	current  int  // the selected row, -1 for none
	focused  bool // the list has the keyboard focus
	quiet    bool // selecting without loading (keeping a selection)
	onSelect func(id int)
	onOpen   func()
	onEscape func() // the dialog's Cancel
}

func newSessionList(length func() int, label func(id int) string, onSelect func(id int), onOpen func()) *sessionList {
	l := &sessionList{current: -1, onSelect: onSelect, onOpen: onOpen}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject { return newSessionRow(l) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		r := o.(*sessionRow)
		r.id = id
		// The focus shows on the selected row, or on the first while
		// none is (Down or Space selects it): Shift+Tab from Host lands
		// here, and the mark must show where.
		r.TextStyle.Bold = l.focused && (id == l.current || (l.current < 0 && id == 0))
		r.Text = label(id)
		r.Refresh()
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.current = id
		if !l.quiet {
			l.onSelect(id)
		}
	}
	l.OnUnselected = func(id widget.ListItemID) {
		if l.current == id {
			l.current = -1
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// choose selects row id (loading it) and takes the keyboard focus, as a
// click on it does.
func (l *sessionList) choose(id int) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	l.Select(id)
}

// keep marks row id as selected without loading it into the form again
// (after a save or while filtering); -1 clears the selection.
func (l *sessionList) keep(id int) {
	l.quiet = true
	defer func() { l.quiet = false }()
	if id < 0 {
		l.UnselectAll()
		l.current = -1
		return
	}
	l.Select(id)
}

// move selects the row delta rows away from the selection, or the first
// (going down) or last (going up) when nothing is selected.
func (l *sessionList) move(delta int) {
	n := l.Length()
	if n == 0 {
		return
	}
	next := l.current + delta
	if l.current < 0 {
		next = 0
		if delta < 0 {
			next = n - 1
		}
	}
	l.Select(min(max(next, 0), n-1))
}

// TypedKey moves the selection and opens it; see sessionList.
func (l *sessionList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		l.move(+1)
	case fyne.KeyUp:
		l.move(-1)
	case fyne.KeyHome:
		l.move(-l.Length())
	case fyne.KeyEnd:
		l.move(l.Length())
	case fyne.KeySpace:
		if l.current < 0 {
			l.move(+1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.current >= 0 {
			l.onOpen()
		}
	case fyne.KeyEscape:
		if l.onEscape != nil {
			l.onEscape()
		}
	}
}

// FocusGained marks the selection; Fyne's own focus row is not used.
func (l *sessionList) FocusGained() {
	l.focused = true
	l.Refresh()
}

// FocusLost unmarks it; the selection itself stays.
func (l *sessionList) FocusLost() {
	l.focused = false
	l.Refresh()
}

// sessionRow is one line of the list.
type sessionRow struct {
	widget.Label
	list *sessionList
	id   int
}

func newSessionRow(l *sessionList) *sessionRow {
	r := &sessionRow{list: l}
	r.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// Tapped selects the row and loads its settings. The row must take taps
// itself: as it takes double taps, Fyne gives it single ones too, and
// the list never sees them.
func (r *sessionRow) Tapped(*fyne.PointEvent) { r.list.choose(r.id) }

// DoubleTapped selects the row and opens it, as in PuTTY.
func (r *sessionRow) DoubleTapped(*fyne.PointEvent) {
	r.list.choose(r.id)
	r.list.onOpen()
}
