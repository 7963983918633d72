package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's message and question dialogs have buttons that swallow Escape
// and press on Space before its character arrives, which then goes to
// whatever has the focus once the dialog closed (the terminal). These are
// the same dialogs with Tern's Button.

// NewTextDialog is message with icon over buttons, as wide as the message
// needs, up to 600 and nine tenths of parent (Fyne's text dialogs' rule).
func NewTextDialog(title, message string, icon fyne.Resource, parent fyne.Window, buttons ...*Button) *dialog.CustomDialog {
	label := &widget.Label{Text: message, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomWithoutButtons(title, label, parent)
	d.SetIcon(icon)
	d.SetButtons(Buttons(buttons...))
	width := max(min(widget.NewLabel(message).MinSize().Width+8*theme.Padding(), 600), 320)
	if c := parent.Canvas().Size(); c.Width > 100 {
		width = min(width, c.Width*0.9)
	}
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
	return d
}

// Choice is one answer to a question: its button's label and icon.
type Choice struct {
	Label string
	Icon  fyne.Resource
}

// NewQuestion asks a question with a button for each choice, left to
// right. The first choice is the way out (Cancel, No): answer hears its
// index, 0, for Escape on a button or closing; otherwise the index of the
// button pressed, once. The last choice is the default, shown as such;
// the buttons are returned in order, for Enter.
func NewQuestion(title, message string, choices []Choice, answer func(int), parent fyne.Window) (*dialog.CustomDialog, []*Button) {
	chosen := 0
	var d *dialog.CustomDialog
	buttons := make([]*Button, len(choices))
	for i, c := range choices {
		buttons[i] = NewButtonWithIcon(c.Label, c.Icon, func() { chosen = i; d.Hide() })
	}
	buttons[len(buttons)-1].Importance = widget.HighImportance
	d = NewTextDialog(title, message, theme.QuestionIcon(), parent, buttons...)
	for _, b := range buttons {
		b.OnEscape = d.Hide
	}
	answered := false // Fyne calls OnClosed on every Hide
	d.SetOnClosed(func() {
		if !answered {
			answered = true
			answer(chosen)
		}
	})
	return d, buttons
}
