package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Disclosure is a one-item widget.Accordion that stays still when idle: a
// header button with a drop-down arrow, and a detail shown below it while
// open. Fyne 2.7.2's Accordion refreshes its header button from inside
// MinSize, and the driver asks every widget on screen for its MinSize
// each time it paints, so one Accordion on screen makes every frame ask
// for the next: the window repaints 60 times a second for as long as it
// is open. This draws the same header and layout without that.
type Disclosure struct {
	header *Button
	detail fyne.CanvasObject
	Box    *fyne.Container // what to put on screen
}

// NewDisclosure is a closed disclosure: title over detail.
func NewDisclosure(title string, detail fyne.CanvasObject) *Disclosure {
	d := &Disclosure{detail: detail}
	d.header = NewButtonWithIcon(title, theme.MenuDropDownIcon(), d.Toggle)
	d.header.Alignment = widget.ButtonAlignLeading
	d.header.IconPlacement = widget.ButtonIconLeadingText
	d.header.Importance = widget.LowImportance
	detail.Hide()
	d.Box = container.New(disclosureLayout{}, d.header, detail)
	return d
}

// IsOpen reports whether the detail is shown.
func (d *Disclosure) IsOpen() bool { return d.detail.Visible() }

// Toggle opens a closed disclosure and closes an open one.
func (d *Disclosure) Toggle() { d.SetOpen(!d.IsOpen()) }

// SetOpen opens or closes the detail.
func (d *Disclosure) SetOpen(open bool) {
	if open == d.IsOpen() {
		return
	}
	if open {
		d.header.SetIcon(theme.MenuDropUpIcon())
		d.detail.Show()
	} else {
		d.header.SetIcon(theme.MenuDropDownIcon())
		d.detail.Hide()
	}
	d.Box.Refresh()
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
