package sessionlist

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestListKeysAndFolders: the rows put the first entry first, then each
// folder's header and entries in tree order, then the other top-level
// entries; Down and Up move the selection in that order (loading each)
// and skip headers, End goes to the last, Enter opens, F2 asks to move
// the selected entry.
func TestListKeysAndFolders(t *testing.T) {
	test.NewTempApp(t)
	labels := []string{"Default Settings", "Top", "core1", "lab1"}
	folders := []string{"", "", "Site A/Core", "Lab"}
	var selected []int
	opened, moved := 0, -1
	l := New(func() int { return len(labels) }, func(id int) string { return labels[id] },
		func(id int) { selected = append(selected, id) }, func() { opened++ })
	l.ShowFolders(FolderActions{
		FolderOf:  func(id int) string { return folders[id] },
		Filtering: func() bool { return false },
		OnMove:    func(id int) { moved = id },
	})
	want := []string{"Default Settings", "▾ Lab  (1)", "    lab1", "▾ Site A  (1)", "    ▾ Core  (1)", "        core1", "Top"}
	if got := l.Rows(); !slices.Equal(got, want) {
		t.Fatalf("rows\n%q\nwant\n%q", got, want)
	}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyEnd} {
		l.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if want := []int{0, 3, 2, 3, 1}; !slices.Equal(selected, want) {
		t.Fatalf("selected %v, want %v", selected, want)
	}
	if l.Current() != 1 {
		t.Fatalf("current %d after End", l.Current())
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if opened != 1 || moved != 1 {
		t.Fatalf("Enter opened %d times, F2 moved %d", opened, moved)
	}
	l.Keep(-1)
	if l.Current() != -1 {
		t.Fatalf("Keep(-1) left %d selected", l.Current())
	}
}
