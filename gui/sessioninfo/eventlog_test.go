package sessioninfo

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/tern-telnet/tern/protocol/sessionlog"
)

// TestEventLogWrapsLongLines: a line longer than the dialog is wide is
// shown whole, wrapped over several rows of its own, not cut; the next
// line starts below it.
func TestEventLogWrapsLongLines(t *testing.T) {
	a := test.NewTempApp(t)
	log := sessionlog.NewEventLog(0)
	long := "certificate: CN=mail.example.test, " + strings.Repeat("SAN=host.example.test ", 30) + "END-OF-LINE"
	log.Addf("%s", long)
	log.Addf("after")
	v, content := newEventLogView(log)
	win := a.NewWindow("log")
	win.SetContent(content)
	win.Resize(fyne.NewSize(600, 400))
	v.list.Refresh()
	var row, next *widget.Label
	var rowAt, nextAt fyne.Position
	walkAt(content, fyne.Position{}, func(o fyne.CanvasObject, at fyne.Position) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "END-OF-LINE") {
			row, rowAt = l, at
		}
		if l, ok := o.(*widget.Label); ok && strings.HasSuffix(l.Text, "after") {
			next, nextAt = l, at
		}
	})
	if row == nil || next == nil {
		t.Fatal("the lines are not shown")
	}
	one := widget.NewLabel("x").MinSize().Height
	if row.Size().Height < 3*one || row.Size().Width > 600 {
		t.Fatalf("the long line is %v, one row is %v high: not wrapped", row.Size(), one)
	}
	if nextAt.Y < rowAt.Y+row.Size().Height {
		t.Fatal("the next line overlaps the wrapped one")
	}
}

// walkAt calls f with every visible object under o and its position in
// o's coordinates.
func walkAt(o fyne.CanvasObject, at fyne.Position, f func(fyne.CanvasObject, fyne.Position)) {
	if !o.Visible() {
		return
	}
	at = at.Add(o.Position())
	f(o, at)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkAt(c, at, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkAt(c, at, f)
		}
	}
}
