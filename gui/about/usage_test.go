package gui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/profiles"
)

// columnsLabel finds the label showing the usage among objects.
func columnsLabel(objects []fyne.CanvasObject) *widget.Label {
	for _, o := range objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "usage: tern") {
			return l
		}
	}
	return nil
}

func assertColumnsLineUp(t *testing.T, l *widget.Label) {
	t.Helper()
	if l == nil {
		t.Fatal("no usage text shown")
	}
	if !l.TextStyle.Monospace || l.Alignment != fyne.TextAlignLeading {
		t.Fatalf("usage shown with style %+v, alignment %d: want monospaced and left-aligned", l.TextStyle, l.Alignment)
	}
}

// TestUsageMistakeDialogLinesUpColumns: a command-line mistake from a
// launcher shows the reason and the usage with its columns lined up.
func TestUsageMistakeDialogLinesUpColumns(t *testing.T) {
	a := test.NewTempApp(t)
	opts, err := cmdline.Parse([]string{"-close", "sometimes", "host"})
	w := newMainWindow(a, Options{Store: &profiles.Store{Path: filepath.Join(t.TempDir(), "profiles.json")}}, fyneDo)
	defer w.ticker.Stop()
	w.openFromCommandLine(&profiles.File{}, opts, err)
	top := w.win.Canvas().Overlays().Top()
	if top == nil || w.dialogs.Len() != 1 {
		t.Fatal("no dialog for the mistake")
	}
	objects := test.LaidOutObjects(top)
	assertColumnsLineUp(t, columnsLabel(objects))
	var said bool
	for _, o := range objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "-close takes always, never or clean") {
			said = true
		}
	}
	if !said {
		t.Fatal("the dialog does not say what was wrong")
	}
}

// TestShowTextWindow: -help without a console gets a window of its own,
// which OK closes.
func TestShowTextWindow(t *testing.T) {
	a := test.NewTempApp(t)
	win := ShowText(a, cmdline.Usage)
	assertColumnsLineUp(t, columnsLabel(test.LaidOutObjects(win.Content())))
	var ok *widget.Button
	for _, o := range test.LaidOutObjects(win.Content()) {
		if b, isButton := o.(*widget.Button); isButton && b.Text == "OK" {
			ok = b
		}
	}
	if ok == nil {
		t.Fatal("no OK button")
	}
	test.Tap(ok)
	if slices.Contains(a.Driver().AllWindows(), win) {
		t.Fatal("OK did not close the window")
	}
}
