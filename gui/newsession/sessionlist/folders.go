package sessionlist

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// listFolders lays the session list's entries out in folders: the first
// entry (Default Settings) first when it is at the top level, then each
// folder's header and, unless it is closed, its entries, then the other
// top-level entries (sessions, templates). While a filter is typed every
// folder is open, so that a match is never hidden.
type listFolders struct {
	entries func() int
	label   func(id int) string
	// folderOf is an entry's folder ("" top level); nil shows no folders.
	folderOf  func(id int) string
	filtering func() bool
	closed    map[string]bool // by lower-case folder path
	rows      []folderRow
	syncing   bool // the list's selection is being set to match

	// The dialog's actions, from a row's menu, F2 or a drag.
	onMove         func(id int)
	onRenameFolder func(folder string)
	onDrop         func(id int, folder string)

	made     []*Row        // every row widget the list made, to find a drop's
	dragAt   fyne.Position // where a dragged session is (absolute)
	dragging bool
}

// folderRow is one row: an entry (id ≥ 0) or a folder's header (id -1).
type folderRow struct {
	id     int
	folder string
	depth  int
	count  int // a header's entries, its sub-folders' included
}

func (f *listFolders) rebuild() {
	n := f.entries()
	f.rows = f.rows[:0]
	if f.folderOf == nil {
		for id := range n {
			f.rows = append(f.rows, folderRow{id: id})
		}
		return
	}
	byFolder := map[string][]int{}
	var top []int
	for id := range n {
		if folder := f.folderOf(id); folder != "" {
			byFolder[folder] = append(byFolder[folder], id)
		} else {
			top = append(top, id)
		}
	}
	if len(top) > 0 && top[0] == 0 {
		f.rows = append(f.rows, folderRow{id: 0})
		top = top[1:]
	}
	for _, dir := range folderTree(byFolder) {
		if f.hidden(dir) {
			continue
		}
		depth := strings.Count(dir, "/")
		f.rows = append(f.rows, folderRow{id: -1, folder: dir, depth: depth, count: countIn(byFolder, dir)})
		if f.isClosed(dir) {
			continue
		}
		for _, id := range byFolder[dir] {
			f.rows = append(f.rows, folderRow{id: id, folder: dir, depth: depth + 1})
		}
	}
	for _, id := range top {
		f.rows = append(f.rows, folderRow{id: id})
	}
}

// folderTree is every folder holding entries, with the folders they are
// in, in tree order (a folder's sub-folders right after it).
func folderTree(byFolder map[string][]int) []string {
	seen := map[string]bool{}
	var out []string
	for dir := range byFolder {
		parts := strings.Split(dir, "/")
		for i := range parts {
			if d := strings.Join(parts[:i+1], "/"); !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		return slices.CompareFunc(strings.Split(a, "/"), strings.Split(b, "/"), func(x, y string) int {
			return cmp.Or(strings.Compare(strings.ToLower(x), strings.ToLower(y)), strings.Compare(x, y))
		})
	})
	return out
}

func countIn(byFolder map[string][]int, dir string) int {
	n := 0
	for d, ids := range byFolder {
		if d == dir || strings.HasPrefix(d, dir+"/") {
			n += len(ids)
		}
	}
	return n
}

func (f *listFolders) isClosed(dir string) bool {
	return f.closed[strings.ToLower(dir)] && (f.filtering == nil || !f.filtering())
}

// hidden reports whether a folder is inside a closed one.
func (f *listFolders) hidden(dir string) bool {
	for i := range len(dir) {
		if dir[i] == '/' && f.isClosed(dir[:i]) {
			return true
		}
	}
	return false
}

func (f *listFolders) at(row int) (id int, folder string) {
	if row < 0 || row >= len(f.rows) {
		return -1, ""
	}
	return f.rows[row].id, f.rows[row].folder
}

// text is what a row shows: entries indented under their folder, a
// header with ▸ (closed) or ▾ and its count.
func (f *listFolders) text(row int) string {
	r := f.rows[row]
	indent := strings.Repeat("    ", r.depth)
	if r.id >= 0 {
		return indent + f.label(r.id)
	}
	mark := "▾"
	if f.isClosed(r.folder) {
		mark = "▸"
	}
	return fmt.Sprintf("%s%s %s  (%d)", indent, mark, r.folder[strings.LastIndex(r.folder, "/")+1:], r.count)
}

func (f *listFolders) rowOf(id int) int {
	for i, r := range f.rows {
		if r.id == id && id >= 0 {
			return i
		}
	}
	return -1
}

// headerRow is the row of folder dir's header, -1 when none shows.
func (f *listFolders) headerRow(dir string) int {
	for i, r := range f.rows {
		if r.id < 0 && r.folder == dir && dir != "" {
			return i
		}
	}
	return -1
}

func (f *listFolders) firstEntryRow() int {
	for i, r := range f.rows {
		if r.id >= 0 {
			return i
		}
	}
	return -1
}

// reveal opens the folders entry id is in.
func (f *listFolders) reveal(id int) {
	if f.folderOf == nil {
		return
	}
	dir := f.folderOf(id)
	for dir != "" {
		delete(f.closed, strings.ToLower(dir))
		dir = dir[:max(strings.LastIndex(dir, "/"), 0)]
	}
	f.rebuild()
}

// toggleFolder opens or closes a folder.
func (l *List) toggleFolder(dir string) {
	if l.folders.closed == nil {
		l.folders.closed = map[string]bool{}
	}
	key := strings.ToLower(dir)
	l.folders.closed[key] = !l.folders.closed[key]
	l.Refresh()
}

// SecondaryTapped shows the row's menu: Move to folder… for a session,
// Rename folder… and Open/Close for a header.
func (r *Row) SecondaryTapped(e *fyne.PointEvent) {
	f := &r.list.folders
	var items []*fyne.MenuItem
	if r.id >= 0 {
		id := r.id
		r.list.Choose(id)
		if f.onMove != nil {
			items = append(items, fyne.NewMenuItem("Move to folder… (F2)", func() { f.onMove(id) }))
		}
		if dir := r.folder; dir != "" && f.onRenameFolder != nil {
			items = append(items, fyne.NewMenuItem("Rename or move folder "+dir+"…", func() { f.onRenameFolder(dir) }))
		}
	} else {
		dir := r.folder
		open := "Close folder"
		if f.isClosed(dir) {
			open = "Open folder"
		}
		items = append(items, fyne.NewMenuItem(open, func() { r.list.toggleFolder(dir) }))
		if f.onRenameFolder != nil {
			items = append(items, fyne.NewMenuItem("Rename or move folder… (F2)", func() { f.onRenameFolder(dir) }))
		}
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil && len(items) > 0 {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, e.AbsolutePosition)
	}
}

// Dragged follows a session dragged onto another row: DragEnd files it
// in that row's folder (a header's, or the session's there).
func (r *Row) Dragged(e *fyne.DragEvent) {
	if r.id < 0 {
		return
	}
	at := e.AbsolutePosition
	if at.IsZero() { // Fyne's test driver gives the start and the move only
		at = fyne.CurrentApp().Driver().AbsolutePositionForObject(r).Add(e.Position).AddXY(e.Dragged.DX, e.Dragged.DY)
	}
	r.list.folders.dragAt, r.list.folders.dragging = at, true
}

// DragEnd drops the dragged session on the row under the pointer.
func (r *Row) DragEnd() {
	f := &r.list.folders
	if !f.dragging || r.id < 0 || f.onDrop == nil {
		return
	}
	f.dragging = false
	if target, ok := r.list.rowAt(f.dragAt); ok && target != r {
		f.onDrop(r.id, target.folder)
	}
}

// rowAt is the row widget shown at an absolute position inside the list.
func (l *List) rowAt(pos fyne.Position) (*Row, bool) {
	d := fyne.CurrentApp().Driver()
	if !inside(pos, d.AbsolutePositionForObject(l), l.Size()) {
		return nil, false
	}
	for _, r := range l.folders.made {
		if r.Visible() && r.row < len(l.folders.rows) && inside(pos, d.AbsolutePositionForObject(r), r.Size()) {
			return r, true
		}
	}
	return nil, false
}

func inside(p, at fyne.Position, size fyne.Size) bool {
	return p.X >= at.X && p.Y >= at.Y && p.X < at.X+size.Width && p.Y < at.Y+size.Height
}
