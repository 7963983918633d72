package termtab

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/termkeys"
)

// noKeys is a keyboard's target that takes nothing.
type noKeys struct{}

func (noKeys) Type([]byte)                  {}
func (noKeys) KeyContext() termkeys.Context { return termkeys.Context{} }
func (noKeys) CopySelection()               {}
func (noKeys) PasteClipboard()              {}
func (noKeys) ScrollPage(bool)              {}
func (noKeys) MoveFocus(bool)               {}

// Nothing of the hosted widget is drawn: its grid and its cursor (a
// blue bar that showed at the top-left cell whenever that cell was
// blank, even with the cursor hidden) are never on the canvas.
func TestHostedWidgetDrawsNothing(t *testing.T) {
	test.NewTempApp(t)
	k := termkeys.New(noKeys{})
	w := test.NewWindow(newTermHost(k, canvas.NewRectangle(color.Black)))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	w.Canvas().Focus(k)
	k.Resize(fyne.NewSize(60, 30))
	if objs := test.WidgetRenderer(k).Objects(); len(objs) != 0 {
		t.Fatalf("the hosted widget draws %d objects", len(objs))
	}
	if w.Canvas().Focused() != k {
		t.Fatalf("the hosted widget does not take the focus: %T", w.Canvas().Focused())
	}
}
