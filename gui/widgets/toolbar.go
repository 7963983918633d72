package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a button before its tooltip shows.
const tipDelay = 600 * time.Millisecond

// ToolButton is a toolbar button: icon and words while the toolbar has
// room, the icon alone when it has not. Resting the pointer on it shows
// its tooltip, which says what it does and its keyboard shortcut.
type ToolButton struct {
	widget.Button
	label string
	tip   string
	tips  *TipLayer
	timer *time.Timer

	// The widths with and without the words, measured at measuredAt (the
	// theme's text size); 0 means not measured yet.
	measuredAt      float32
	wide, iconsOnly float32
}

// NewToolButton is a button of the toolbar whose tooltips tips draws.
func NewToolButton(tips *TipLayer, label string, icon fyne.Resource, tip string, tapped func()) *ToolButton {
	b := &ToolButton{label: label, tip: tip, tips: tips}
	b.Text, b.Icon = label, icon
	b.OnTapped = func() {
		b.hideTip()
		tapped()
	}
	b.ExtendBaseWidget(b)
	return b
}

// SetLabel changes the words (e.g. Log / Stop log), keeping compactness.
func (b *ToolButton) SetLabel(label string) {
	compact := b.Text == "" && b.label != ""
	b.label = label
	b.measuredAt = 0
	if !compact {
		b.SetText(label)
	}
}

func (b *ToolButton) setCompact(compact bool) {
	text := b.label
	if compact {
		text = ""
	}
	if b.Text != text {
		b.SetText(text)
	}
}

// MouseIn starts the tooltip's delay.
func (b *ToolButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(tipDelay, func() { b.tips.ui(b.showTip) })
}

// MouseOut hides the tooltip.
func (b *ToolButton) MouseOut() {
	b.Button.MouseOut()
	b.hideTip()
}

func (b *ToolButton) showTip() {
	if b.timer == nil { // the pointer left before the delay ran out
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	text := b.tip
	if b.Text == "" { // the icon alone: say which button it is
		text = b.label + "\n" + b.tip
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	b.tips.show(text, pos.Add(fyne.NewPos(0, b.Size().Height+theme.Padding())))
}

func (b *ToolButton) hideTip() {
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	b.tips.hide()
}

// toolbarLayout lays the buttons out in a row. When the row is narrower
// than all buttons with their words, every button shows its icon alone;
// its minimum is that compact row, so a scroller around it takes over
// only when even the icons do not fit.
type toolbarLayout struct{}

func (toolbarLayout) widths(objects []fyne.CanvasObject) (wide, compact float32) {
	pad := theme.Padding()
	for _, o := range objects {
		b, ok := o.(*ToolButton)
		if !ok {
			w := o.MinSize().Width + pad
			wide, compact = wide+w, compact+w
			continue
		}
		w, c := b.widths()
		wide += w + pad
		compact += c + pad
	}
	return wide - pad, compact - pad
}

// widths measures the button with and without its words, once per text
// size: layout asks often (on every repaint of the window).
func (b *ToolButton) widths() (wide, iconsOnly float32) {
	if size := theme.TextSize(); b.measuredAt != size {
		b.wide = widget.NewButtonWithIcon(b.label, b.Icon, nil).MinSize().Width
		b.iconsOnly = widget.NewButtonWithIcon("", b.Icon, nil).MinSize().Width
		b.measuredAt = size
	}
	return b.wide, b.iconsOnly
}

func (l toolbarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	wide, _ := l.widths(objects)
	compact := size.Width < wide
	x := float32(0)
	for _, o := range objects {
		if b, ok := o.(*ToolButton); ok {
			b.setCompact(compact)
		}
		w := o.MinSize().Width
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

func (l toolbarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	_, compact := l.widths(objects)
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(compact, h)
}

// NewToolbarRow puts buttons in a compacting row inside a horizontal
// scroller (for 200 % scale on a small screen).
func NewToolbarRow(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHScroll(container.New(toolbarLayout{}, buttons...))
}

// Label is the button's words, shown or not.
func (b *ToolButton) Label() string { return b.label }
