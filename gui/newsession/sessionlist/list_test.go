package sessionlist

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestListKeysAndFolders: the rows put the first entry first, then each
// folder's header and entries in tree order, then the other top-level
// entries; Down and Up move the keyboard in that order, selecting
// (loading) each entry and stopping on headers without selecting, End
// goes to the last, Enter opens, F2 asks to move the selected entry.
func TestListKeysAndFolders(t *testing.T) {
	r := newFolderList(t)
	l := r.list
	want := []string{"Default Settings", "▾ Lab  (1)", "    lab1", "▾ Site A  (1)", "    ▾ Core  (1)", "        core1", "Top"}
	if got := l.Rows(); !slices.Equal(got, want) {
		t.Fatalf("rows\n%q\nwant\n%q", got, want)
	}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyEnd} {
		l.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if want := []int{0, 3, 1}; !slices.Equal(r.selected, want) {
		t.Fatalf("selected %v, want %v", r.selected, want)
	}
	if l.Current() != 1 {
		t.Fatalf("current %d after End", l.Current())
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if r.opened != 1 || r.moved != 1 {
		t.Fatalf("Enter opened %d times, F2 moved %d", r.opened, r.moved)
	}
	l.Keep(-1)
	if l.Current() != -1 {
		t.Fatalf("Keep(-1) left %d selected", l.Current())
	}
}

// TestF2RenamesFolder: on a folder's header (reached with the arrows, or
// clicked) F2 asks to rename that folder, not to move the session still
// selected; Left and Right close and open the folder, Enter and Space
// toggle it, and Down goes on to the next row, closed folders skipped.
func TestF2RenamesFolder(t *testing.T) {
	r := newFolderList(t)
	l := r.list
	press := func(keys ...fyne.KeyName) {
		for _, k := range keys {
			l.TypedKey(&fyne.KeyEvent{Name: k})
		}
	}
	press(fyne.KeyDown, fyne.KeyDown, fyne.KeyF2) // Default Settings, then the Lab header
	if !slices.Equal(r.renamed, []string{"Lab"}) || r.moved != -1 || l.Current() != 0 {
		t.Fatalf("F2 on the Lab header: renamed %q, moved %d, selected %d", r.renamed, r.moved, l.Current())
	}
	press(fyne.KeyLeft)
	if got := l.Rows()[1]; got != "▸ Lab  (1)" {
		t.Fatalf("Left left the header %q", got)
	}
	press(fyne.KeyLeft, fyne.KeyRight, fyne.KeyReturn, fyne.KeySpace)
	if got := l.Rows()[1]; got != "▾ Lab  (1)" || r.opened != 0 {
		t.Fatalf("after Left, Right, Enter, Space the header is %q; opened %d", got, r.opened)
	}
	press(fyne.KeyReturn, fyne.KeyDown) // closed Lab: Down goes to Site A's header
	press(fyne.KeyDown, fyne.KeyF2)     // Site A/Core's header
	if !slices.Equal(r.renamed, []string{"Lab", "Site A/Core"}) {
		t.Fatalf("renamed %q", r.renamed)
	}
	press(fyne.KeyDown, fyne.KeyF2, fyne.KeyReturn)
	if l.Current() != 2 || r.moved != 2 || r.opened != 1 {
		t.Fatalf("on core1: selected %d, moved %d, opened %d", l.Current(), r.moved, r.opened)
	}

	w := test.NewWindow(l)
	w.Resize(fyne.NewSize(300, 400))
	l.RowShowing("▸ Lab  (1)").Tapped(&fyne.PointEvent{})
	press(fyne.KeyF2)
	if got := l.Rows()[1]; got != "▾ Lab  (1)" || !slices.Equal(r.renamed, []string{"Lab", "Site A/Core", "Lab"}) {
		t.Fatalf("a click on the header then F2: header %q, renamed %q", got, r.renamed)
	}
}

// folderList is a list of four entries, two in folders, and what it
// handed back.
type folderList struct {
	list     *List
	selected []int
	opened   int
	moved    int // -1 none
	renamed  []string
}

func newFolderList(t *testing.T) *folderList {
	test.NewTempApp(t)
	labels := []string{"Default Settings", "Top", "core1", "lab1"}
	folders := []string{"", "", "Site A/Core", "Lab"}
	r := &folderList{moved: -1}
	r.list = New(func() int { return len(labels) }, func(id int) string { return labels[id] },
		func(id int) { r.selected = append(r.selected, id) }, func() { r.opened++ })
	r.list.ShowFolders(FolderActions{
		FolderOf:       func(id int) string { return folders[id] },
		Filtering:      func() bool { return false },
		OnMove:         func(id int) { r.moved = id },
		OnRenameFolder: func(dir string) { r.renamed = append(r.renamed, dir) },
	})
	return r
}
