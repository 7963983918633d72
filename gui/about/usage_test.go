package about

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/widgets"
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

// TestAboutSaysVersionManualAndLicences: Help ▸ About names the version,
// the README's address and a licence for Fyne.
func TestAboutSaysVersionManualAndLicences(t *testing.T) {
	text := Text("1.2.3")
	for _, want := range []string{"Tern 1.2.3", ReadmeURL, "Go standard library  BSD 3-Clause"} {
		if !strings.Contains(text, want) {
			t.Fatalf("About lacks %q:\n%s", want, text)
		}
	}
	if licenceOf("fyne.io/fyne/v2") != "BSD 3-Clause" || licenceOf("github.com/zalando/go-keyring") != "MIT" {
		t.Fatal("wrong licences")
	}
	a := test.NewTempApp(t)
	win := a.NewWindow("Tern")
	dialogs := widgets.NewDialogs(win)
	Show(dialogs, "1.2.3")
	if dialogs.Len() != 1 {
		t.Fatal("About shows no dialog")
	}
	dialogs.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if dialogs.Len() != 0 {
		t.Fatal("Escape does not close About")
	}
}
