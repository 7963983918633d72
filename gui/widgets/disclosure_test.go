package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestDisclosureOpensAndClosesLikeAnAccordion(t *testing.T) {
	test.NewTempApp(t)
	detail := widget.NewLabel("a detail wider than its header, as the Advanced form is")
	d := NewDisclosure("Advanced", detail)
	w := test.NewWindow(d.Box)
	defer w.Close()
	closed := d.Box.MinSize()
	if d.IsOpen() || detail.Visible() {
		t.Fatal("a new disclosure should be closed")
	}
	if closed.Width < detail.MinSize().Width || closed.Height != d.header.MinSize().Height {
		t.Fatalf("closed min size %v: want the detail's width and the header's height", closed)
	}
	test.Tap(d.header)
	if !d.IsOpen() || !detail.Visible() || d.header.Icon.Name() != theme.MenuDropUpIcon().Name() {
		t.Fatal("tapping the header should open it, its arrow pointing up")
	}
	open := d.Box.MinSize()
	if want := closed.Height + theme.Padding() + detail.MinSize().Height; open.Height != want || open.Width != closed.Width {
		t.Fatalf("open min size %v: want %v high, %v wide", open, want, closed.Width)
	}
	w.Resize(fyne.NewSize(600, 400))
	if detail.Position().Y != d.header.Size().Height+theme.Padding() {
		t.Fatalf("detail at %v, header %v high", detail.Position(), d.header.Size().Height)
	}
	test.Tap(d.header)
	if d.IsOpen() || d.header.Icon.Name() != theme.MenuDropDownIcon().Name() {
		t.Fatal("tapping again should close it, its arrow pointing down")
	}
}
