package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
)

// disclosure is a one-item widget.Accordion that stays still when idle: a
// header button with a drop-down arrow, and a detail shown below it while
// open. Fyne 2.7.2's Accordion refreshes its header button from inside
// MinSize, and the driver asks every widget on screen for its MinSize
// each time it paints, so one Accordion on screen makes every frame ask
// for the next: the window repaints 60 times a second for as long as it
// is open. This draws the same header and layout without that.
type disclosure struct {
	header *widgets.Button
	detail fyne.CanvasObject
	box    *fyne.Container
}

func newDisclosure(title string, detail fyne.CanvasObject) *disclosure {
	d := &disclosure{detail: detail}
	d.header = widgets.NewButtonWithIcon(title, theme.MenuDropDownIcon(), d.toggle)
	d.header.Alignment = widget.ButtonAlignLeading
	d.header.IconPlacement = widget.ButtonIconLeadingText
	d.header.Importance = widget.LowImportance
	detail.Hide()
	d.box = container.New(disclosureLayout{}, d.header, detail)
	return d
}

// isOpen reports whether the detail is shown.
func (d *disclosure) isOpen() bool { return d.detail.Visible() }

// toggle opens a closed disclosure and closes an open one.
func (d *disclosure) toggle() { d.setOpen(!d.isOpen()) }

func (d *disclosure) setOpen(open bool) {
	if open == d.isOpen() {
		return
	}
	if open {
		d.header.SetIcon(theme.MenuDropUpIcon())
		d.detail.Show()
	} else {
		d.header.SetIcon(theme.MenuDropDownIcon())
		d.detail.Hide()
	}
	d.box.Refresh()
}

// disclosureLayout places the header (Objects[0]) at the top and the
// detail (Objects[1]) below it, one padding apart, as Accordion does: the
// width is the wider of the two even while the detail is hidden, so
// opening it does not widen the dialog.
type disclosureLayout struct{}

func (disclosureLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	header, detail := objects[0].MinSize(), objects[1].MinSize()
	size := fyne.NewSize(max(header.Width, detail.Width), header.Height)
	if objects[1].Visible() {
		size.Height += theme.Padding() + detail.Height
	}
	return size
}

func (disclosureLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	header := objects[0].MinSize().Height
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, header))
	y := header + theme.Padding()
	objects[1].Move(fyne.NewPos(0, y))
	objects[1].Resize(fyne.NewSize(size.Width, max(size.Height-y, objects[1].MinSize().Height)))
}
