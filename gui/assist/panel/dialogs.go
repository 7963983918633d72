package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
)

// The assistants' own dialogs use Tern's buttons (widgets.Button), as the
// window's do: Space or Enter on a button presses it without the key
// reaching the terminal once the dialog closes (issue 26 major 6), and
// Escape from any control closes the dialog (the window knows it through
// ShowDialog / ShowDialogWithDefault).

// ShowAsk shows content over Cancel and a confirm button; confirm runs on
// that button or Enter, then closes the dialog. Escape or Cancel only
// closes it. It returns the dialog and what Enter does, for its fields.
func ShowAsk(w Window, title, confirm string, content fyne.CanvasObject, size fyne.Size, then func()) (d *dialog.CustomDialog, submit func()) {
	d = dialog.NewCustomWithoutButtons(title, content, w.Window())
	submit = func() {
		d.Hide()
		then()
	}
	ok := widgets.NewButtonWithIcon(confirm, theme.ConfirmIcon(), submit)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widgets.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.Hide), ok})
	d.Resize(w.DialogSize(size.Width, size.Height))
	w.ShowDialogWithDefault(d, submit)
	return d, submit
}

// ShowClosable shows content over one Close button (Enter, Escape).
func ShowClosable(w Window, title string, content fyne.CanvasObject, size fyne.Size) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, w.Window())
	closeButton := widgets.NewButton("Close", d.Hide)
	closeButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{closeButton})
	d.Resize(w.DialogSize(size.Width, size.Height))
	w.ShowDialog(d)
	return d
}
