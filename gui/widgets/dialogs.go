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

// NewConfirm asks a question: answer hears true once when yes is
// pressed, false for no, Escape on a button, or closing. The buttons are
// returned for their importance and for Enter.
func NewConfirm(title, message, yes, no string, answer func(bool), parent fyne.Window) (d *dialog.CustomDialog, yesButton, noButton *Button) {
	confirmed := false
	yesButton = NewButtonWithIcon(yes, theme.ConfirmIcon(), func() { confirmed = true; d.Hide() })
	noButton = NewButtonWithIcon(no, theme.CancelIcon(), func() { d.Hide() })
	yesButton.Importance = widget.HighImportance
	d = NewTextDialog(title, message, theme.QuestionIcon(), parent, noButton, yesButton)
	yesButton.OnEscape, noButton.OnEscape = d.Hide, d.Hide
	d.SetOnClosed(func() { answer(confirmed) })
	return d, yesButton, noButton
}
