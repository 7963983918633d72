package sessionlist

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is the New session dialog's list of saved sessions, as
// PuTTY's: one click selects a session and loads its settings, a double
// click opens it, and the selection stays marked. It is in the Tab order:
// Up and Down move the selection (loading each), Home and End jump to the
// ends, Enter opens, Escape cancels the dialog.
//
// Fyne's List draws keyboard focus on a row of its own choosing that taps
// on our rows never move; List keeps one cursor, the selection,
// and marks it in bold while the list has the focus.
type List struct {
	widget.List
	current  int  // the selected row, -1 for none
	focused  bool // the list has the keyboard focus
	quiet    bool // selecting without loading (keeping a selection)
	onSelect func(id int)
	onOpen   func()
	OnEscape func() // the dialog's Cancel

	folders listFolders // the rows grouped in folders (folders.go)
}

// The list's entries (ids, as the dialog counts them) are shown in rows:
// a folder's header, then its entries, indented; a collapsed folder hides
// them. Without folders a row is an entry.
func New(length func() int, label func(id int) string, onSelect func(id int), onOpen func()) *List {
	l := &List{current: -1, onSelect: onSelect, onOpen: onOpen}
	l.folders.entries, l.folders.label = length, label
	l.Length = func() int { return len(l.folders.rows) }
	l.CreateItem = func() fyne.CanvasObject {
		r := newRow(l)
		l.folders.made = append(l.folders.made, r)
		return r
	}
	l.UpdateItem = func(row widget.ListItemID, o fyne.CanvasObject) {
		r := o.(*Row)
		r.row = row
		r.id, r.folder = l.folders.at(row)
		// The focus shows on the selected row, or on the first while
		// none is (Down or Space selects it): Shift+Tab from Host lands
		// here, and the mark must show where.
		r.TextStyle.Bold = l.focused && r.id >= 0 && (r.id == l.current || (l.current < 0 && row == l.folders.firstEntryRow()))
		r.Text = l.folders.text(row)
		r.Refresh()
	}
	l.OnSelected = func(row widget.ListItemID) {
		id, _ := l.folders.at(row)
		if id < 0 || l.folders.syncing {
			return
		}
		l.current = id
		if !l.quiet {
			l.onSelect(id)
		}
	}
	l.OnUnselected = func(row widget.ListItemID) {
		if id, _ := l.folders.at(row); !l.folders.syncing && id >= 0 && l.current == id {
			l.current = -1
		}
	}
	l.ExtendBaseWidget(l)
	l.folders.rebuild()
	return l
}

// Refresh lays the rows out again from the entries (they changed: a
// filter, a save) and keeps the selection on its entry.
func (l *List) Refresh() {
	l.folders.rebuild()
	l.List.Refresh()
	l.syncSelection()
}

// Select selects entry id (not a row), opening its folder if closed.
func (l *List) Select(id int) {
	if id >= 0 && l.folders.rowOf(id) < 0 {
		l.folders.reveal(id)
		l.List.Refresh()
	}
	if row := l.folders.rowOf(id); row >= 0 {
		l.List.Select(row)
		l.List.ScrollTo(row)
	}
}

// syncSelection marks the selected entry's row, or none when its folder
// is closed (the entry stays selected for the dialog).
func (l *List) syncSelection() {
	l.folders.syncing = true
	defer func() { l.folders.syncing = false }()
	if row := l.folders.rowOf(l.current); l.current >= 0 && row >= 0 {
		l.List.Select(row)
		return
	}
	l.List.UnselectAll()
}

// Choose selects row id (loading it) and takes the keyboard focus, as a
// click on it does.
func (l *List) Choose(id int) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	l.Select(id)
}

// Keep marks row id as selected without loading it into the form again
// (after a save or while filtering); -1 clears the selection.
func (l *List) Keep(id int) {
	l.quiet = true
	defer func() { l.quiet = false }()
	if id < 0 {
		l.UnselectAll()
		l.current = -1
		return
	}
	l.Select(id)
}

// move selects the entry delta entries away from the selection in the
// order shown (skipping folder headers and closed folders), or the first
// (going down) or last (going up) when nothing is selected.
func (l *List) move(delta int) {
	order := l.folders.shownEntries()
	n := len(order)
	if n == 0 {
		return
	}
	at := slices.Index(order, l.current)
	next := at + delta
	if at < 0 {
		next = 0
		if delta < 0 {
			next = n - 1
		}
	}
	l.Select(order[min(max(next, 0), n-1)])
}

// TypedKey moves the selection and opens it; see List.
func (l *List) TypedKey(k *fyne.KeyEvent) {
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
		if l.OnEscape != nil {
			l.OnEscape()
		}
	case fyne.KeyF2: // Move to folder… (the rows' menu has it too)
		if l.current >= 0 && l.folders.onMove != nil {
			l.folders.onMove(l.current)
		}
	}
}

// FocusGained marks the selection; Fyne's own focus row is not used.
func (l *List) FocusGained() {
	l.focused = true
	l.Refresh()
}

// FocusLost unmarks it; the selection itself stays.
func (l *List) FocusLost() {
	l.focused = false
	l.Refresh()
}

// Row is one line of the list: an entry, or a folder's header
// (id -1).
type Row struct {
	widget.Label
	list   *List
	row    int
	id     int
	folder string // the header's folder, or the entry's
}

func newRow(l *List) *Row {
	r := &Row{list: l}
	r.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// Tapped selects the row and loads its settings. The row must take taps
// itself: as it takes double taps, Fyne gives it single ones too, and
// the list never sees them.
// A folder's header opens or closes the folder.
func (r *Row) Tapped(*fyne.PointEvent) {
	if r.id < 0 {
		r.list.toggleFolder(r.folder)
		return
	}
	r.list.Choose(r.id)
}

// DoubleTapped selects the row and opens it, as in PuTTY.
func (r *Row) DoubleTapped(*fyne.PointEvent) {
	if r.id < 0 {
		r.list.toggleFolder(r.folder)
		return
	}
	r.list.Choose(r.id)
	r.list.onOpen()
}
