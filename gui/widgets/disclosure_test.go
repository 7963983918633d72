package gui

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
	d := newDisclosure("Advanced", detail)
	w := test.NewWindow(d.box)
	defer w.Close()
	closed := d.box.MinSize()
	if d.isOpen() || detail.Visible() {
		t.Fatal("a new disclosure should be closed")
	}
	if closed.Width < detail.MinSize().Width || closed.Height != d.header.MinSize().Height {
		t.Fatalf("closed min size %v: want the detail's width and the header's height", closed)
	}
	test.Tap(d.header)
	if !d.isOpen() || !detail.Visible() || d.header.Icon.Name() != theme.MenuDropUpIcon().Name() {
		t.Fatal("tapping the header should open it, its arrow pointing up")
	}
	open := d.box.MinSize()
	if want := closed.Height + theme.Padding() + detail.MinSize().Height; open.Height != want || open.Width != closed.Width {
		t.Fatalf("open min size %v: want %v high, %v wide", open, want, closed.Width)
	}
	w.Resize(fyne.NewSize(600, 400))
	if detail.Position().Y != d.header.Size().Height+theme.Padding() {
		t.Fatalf("detail at %v, header %v high", detail.Position(), d.header.Size().Height)
	}
	test.Tap(d.header)
	if d.isOpen() || d.header.Icon.Name() != theme.MenuDropDownIcon().Name() {
		t.Fatal("tapping again should close it, its arrow pointing down")
	}
}
