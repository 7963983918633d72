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
	usage := slices.IndexFunc(objects, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, "usage: tern") && l.TextStyle.Monospace && l.Alignment == fyne.TextAlignLeading
	})
	if usage < 0 {
		t.Fatal("no usage text shown, monospaced and left-aligned")
	}
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
