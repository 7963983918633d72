package sessionlist

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is the New session dialog's list of saved sessions, as
// PuTTY's: one click selects a session and loads its settings, a double
// click opens it, and the selection stays marked. It is in the Tab order:
// Up and Down move the selection (loading each), Home and End jump to the
// ends, Enter opens, Escape cancels the dialog. With folders the keyboard
// stops on their headers too, as in a tree: there Enter or Space opens
// or closes the folder (Left closes, Right opens) and F2 renames it; the
// selected session stays selected meanwhile.
//
// Fyne's List draws keyboard focus on a row of its own choosing that taps
// on our rows never move; List keeps one cursor, the selection,
// and marks it in bold while the list has the focus.
type List struct {
	widget.List
	current  int    // the selected row, -1 for none
	header   string // the folder whose header has the keyboard, "" when the selection has it
	focused  bool   // the list has the keyboard focus
	quiet    bool   // selecting without loading (keeping a selection)
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
		r.TextStyle.Bold = l.focused && l.hasKeyboard(r)
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

// hasKeyboard reports whether r shows the keyboard's place: the header
// it is on, else the selected row, or the first while none is (Down or
// Space selects it): Shift+Tab from Host lands here, and the mark must
// show where.
func (l *List) hasKeyboard(r *Row) bool {
	if l.header != "" {
		return r.id < 0 && r.folder == l.header
	}
	return r.id >= 0 && (r.id == l.current || (l.current < 0 && r.row == l.folders.firstEntryRow()))
}

// Refresh lays the rows out again from the entries (they changed: a
// filter, a save) and keeps the selection on its entry.
func (l *List) Refresh() {
	l.folders.rebuild()
	if l.folders.headerRow(l.header) < 0 {
		l.header = ""
	}
	l.List.Refresh()
	l.syncSelection()
}

// Select selects entry id (not a row), opening its folder if closed; the
// keyboard goes there from a header.
func (l *List) Select(id int) {
	l.header = ""
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
	l.takeFocus()
	l.Select(id)
}

// chooseHeader puts the keyboard on folder dir's header and opens or
// closes the folder, as a click on the header does.
func (l *List) chooseHeader(dir string) {
	l.takeFocus()
	l.header = dir
	l.toggleFolder(dir)
}

func (l *List) takeFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
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

// move moves the keyboard delta rows from where it is (a header, or the
// selection) in the order shown, or to the first (going down) or last
// (going up) row from nowhere; an entry it lands on is selected (and
// loaded), a header only marked.
func (l *List) move(delta int) {
	n := len(l.folders.rows)
	if n == 0 {
		return
	}
	at := l.folders.headerRow(l.header)
	if at < 0 {
		at = l.folders.rowOf(l.current)
	}
	next := at + delta
	if at < 0 {
		next = 0
		if delta < 0 {
			next = n - 1
		}
	}
	next = min(max(next, 0), n-1)
	id, dir := l.folders.at(next)
	if id >= 0 {
		l.Select(id)
		return
	}
	l.header = dir
	l.List.ScrollTo(next)
	l.List.Refresh()
}

// onHeader acts on the header with the keyboard: open (or close) its
// folder when it is not already. It reports false when the keyboard is
// not on a header.
func (l *List) onHeader(open, close bool) bool {
	if l.header == "" {
		return false
	}
	if closed := l.folders.isClosed(l.header); closed && open || !closed && close {
		l.toggleFolder(l.header)
	}
	return true
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
	case fyne.KeyLeft:
		l.onHeader(false, true)
	case fyne.KeyRight:
		l.onHeader(true, false)
	case fyne.KeySpace:
		if !l.onHeader(true, true) && l.current < 0 {
			l.move(+1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !l.onHeader(true, true) && l.current >= 0 {
			l.onOpen()
		}
	case fyne.KeyEscape:
		if l.OnEscape != nil {
			l.OnEscape()
		}
	case fyne.KeyF2: // the rows' menus have it too
		l.f2()
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
// A folder's header opens or closes the folder, and takes the keyboard
// (F2 renames it).
func (r *Row) Tapped(*fyne.PointEvent) {
	if r.id < 0 {
		r.list.chooseHeader(r.folder)
		return
	}
	r.list.Choose(r.id)
}

// DoubleTapped selects the row and opens it, as in PuTTY.
func (r *Row) DoubleTapped(*fyne.PointEvent) {
	if r.id < 0 {
		r.list.chooseHeader(r.folder)
		return
	}
	r.list.Choose(r.id)
	r.list.onOpen()
}

// f2 is F2: Rename or move folder… on a header, Move to folder… on the
// selected session.
func (l *List) f2() {
	f := &l.folders
	switch {
	case l.header != "":
		if f.onRenameFolder != nil {
			f.onRenameFolder(l.header)
		}
	case l.current >= 0 && f.onMove != nil:
		f.onMove(l.current)
	}
}
