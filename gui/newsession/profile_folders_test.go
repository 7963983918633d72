package newsession

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/newsession/sessionlist"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/profiles"
)

// listRows is what the session list's rows say, templates left out.
func listRows(p *profilePanel) []string {
	var out []string
	for _, text := range p.list.Rows() {
		if !strings.HasSuffix(text, "(template)") {
			out = append(out, text)
		}
	}
	return out
}

func storedFolder(t *testing.T, w *testHost, name string) string {
	t.Helper()
	f, _ := w.store.Load()
	p, ok := f.Find(name)
	if !ok {
		t.Fatalf("%s is not saved", name)
	}
	return p.Folder
}

// TestSessionListFolders: saved sessions show in folders (a tree, Default
// Settings first); a header closes and opens its folder; the arrows stop
// on headers and skip closed folders' sessions; the filter finds sessions in closed folders and by folder
// name; Move to folder, a drop on another folder's row and Rename folder
// change the saved profiles (Rename from the keyboard: F2 on the header).
func TestSessionListFolders(t *testing.T) {
	w := newTestHost(t)
	saveProfiles(t, w,
		profiles.Profile{Name: "Top", Host: "top.lan"},
		profiles.Profile{Name: "core1", Host: "10.0.0.1", Folder: "Site A/Core"},
		profiles.Profile{Name: "edge1", Host: "10.0.1.1", Folder: "Site A/Edge"},
		profiles.Profile{Name: "lab1", Host: "10.9.0.1", Folder: "Lab"})
	c, _ := newSessionDialog(t, w)
	p := c.panel
	want := []string{defaultSettingsName, "▾ Lab  (1)", "    lab1", "▾ Site A  (2)", "    ▾ Core  (1)", "        core1",
		"    ▾ Edge  (1)", "        edge1", "Top"}
	if got := listRows(p); !slices.Equal(got, want) {
		t.Fatalf("rows\n%q\nwant\n%q", got, want)
	}

	test.Tap(rowLabelled(t, w, "▾ Site A  (2)"))
	if got := listRows(p); !slices.Equal(got, []string{defaultSettingsName, "▾ Lab  (1)", "    lab1", "▸ Site A  (2)", "Top"}) {
		t.Fatalf("Site A closed: %q", got)
	}
	p.list.Choose(0)
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // Lab's header
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if e, _ := p.current(); e.profile.Name != "lab1" || c.form.host.Text != "10.9.0.1" {
		t.Fatalf("Down from Lab's header selected %q", e.profile.Name)
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // the closed Site A's header
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if e, _ := p.current(); e.profile.Name != "Top" {
		t.Fatalf("Down went into a closed folder: %q", e.profile.Name)
	}

	p.filter.SetText("core1")
	if got := listRows(p); !slices.Contains(got, "        core1") {
		t.Fatalf("the filter does not find a session in a closed folder: %q", got)
	}
	p.filter.SetText("site a")
	if got := listRows(p); !slices.Contains(got, "        edge1") || slices.Contains(got, "    lab1") {
		t.Fatalf("the filter by folder name: %q", got)
	}
	p.filter.SetText("")

	p.moveToFolder("Top", " Lab/ ")
	if got := storedFolder(t, w, "Top"); got != "Lab" {
		t.Fatalf("Top moved to %q", got)
	}
	edge := slices.IndexFunc(p.shown, func(e profileEntry) bool { return e.profile.Name == "edge1" })
	p.dropInFolder(edge, "Lab")
	if got := storedFolder(t, w, "edge1"); got != "Lab" {
		t.Fatalf("edge1 dropped in %q", got)
	}

	p.list.Choose(0)
	widgetstest.PressKey(w.win, fyne.KeyDown) // Lab's header
	widgetstest.PressKey(w.win, fyne.KeyF2)   // Rename or move folder…
	for _, o := range widgetstest.OnScreen(w.win) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "Lab" {
			e.SetText("Campus/Lab")
		}
	}
	test.Tap(widgetstest.Button(t, w.win, "Rename"))
	for _, name := range []string{"lab1", "Top", "edge1"} {
		if got := storedFolder(t, w, name); got != "Campus/Lab" {
			t.Fatalf("%s in %q after renaming the folder", name, got)
		}
	}
	if got := storedFolder(t, w, "core1"); got != "Site A/Core" {
		t.Fatalf("core1 moved to %q", got)
	}
}

// TestDragASessionToAFolder: dragging a session's row onto a folder's
// header files it there.
func TestDragASessionToAFolder(t *testing.T) {
	w := newTestHost(t)
	saveProfiles(t, w,
		profiles.Profile{Name: "Top", Host: "top.lan"},
		profiles.Profile{Name: "lab1", Host: "10.9.0.1", Folder: "Lab"})
	c, _ := newSessionDialog(t, w)
	d := fyne.CurrentApp().Driver()
	from, to := shownRow(t, c.panel.list, "Top"), shownRow(t, c.panel.list, "▾ Lab  (1)")
	start := d.AbsolutePositionForObject(from).AddXY(5, 5)
	end := d.AbsolutePositionForObject(to).AddXY(5, 5)
	test.Drag(w.win.Canvas(), start, end.X-start.X, end.Y-start.Y)
	if got := storedFolder(t, w, "Top"); got != "Lab" {
		t.Fatalf("Top dragged to %q", got)
	}
	if e, ok := c.panel.current(); ok {
		t.Fatalf("the dragged session %q is marked selected, though the form does not hold it", e.profile.Name)
	}
}

// shownRow is the list's laid-out row showing text.
func shownRow(t *testing.T, l *sessionlist.List, text string) *sessionlist.Row {
	t.Helper()
	r := l.RowShowing(text)
	if r == nil {
		t.Fatalf("no row %q laid out", text)
	}
	return r
}
