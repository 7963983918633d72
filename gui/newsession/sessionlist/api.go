package sessionlist

// FolderActions make a List show its entries in folders and hand what a
// person does with them to the dialog.
type FolderActions struct {
	// FolderOf is an entry's folder ("" top level).
	FolderOf func(id int) string
	// Filtering reports whether a filter is typed: every folder then shows
	// open, so that a match is never hidden.
	Filtering func() bool
	// OnMove asks where entry id goes (its menu, F2); OnRenameFolder
	// renames a folder (its header's menu, F2 on it); OnDrop files entry id in
	// folder (a drag onto a row).
	OnMove         func(id int)
	OnRenameFolder func(folder string)
	OnDrop         func(id int, folder string)
}

// ShowFolders groups the entries in folders, acting on them through a.
func (l *List) ShowFolders(a FolderActions) {
	f := &l.folders
	f.folderOf, f.filtering = a.FolderOf, a.Filtering
	f.onMove, f.onRenameFolder, f.onDrop = a.OnMove, a.OnRenameFolder, a.OnDrop
	l.Refresh()
}

// Current is the selected entry, -1 for none.
func (l *List) Current() int { return l.current }

// Rows is what each row says, in order: folder headers and entries.
func (l *List) Rows() []string {
	out := make([]string, len(l.folders.rows))
	for i := range l.folders.rows {
		out[i] = l.folders.text(i)
	}
	return out
}

// RowShowing is the laid-out row that shows text, nil when none does (a
// test drags it).
func (l *List) RowShowing(text string) *Row {
	for _, r := range l.folders.made {
		if r.Text == text && r.Size().Height > 0 {
			return r
		}
	}
	return nil
}
