package gui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/tern-telnet/tern/gui/widgets"
)

// Fyne's dialogs ignore Escape and Enter. Dialogs shown through
// showDialog are remembered until they close; when no field in them has
// the focus, Escape closes the one in front (as its Close or Cancel
// would) and Enter presses its default button.

// shownDialog is a dialog on screen and what Enter does in it.
type shownDialog struct {
	d     dialog.Dialog
	enter func()
}

// showDialog shows d; Enter confirms a confirmation, submits a form and
// closes anything else.
func (w *mainWindow) showDialog(d dialog.Dialog) {
	enter := d.Hide
	switch d := d.(type) {
	case *dialog.ConfirmDialog:
		enter = d.Confirm
	case *dialog.FormDialog:
		enter = d.Submit
	}
	w.showDialogWithDefault(d, enter)
}

// showDialogWithDefault shows d with enter as its default action.
func (w *mainWindow) showDialogWithDefault(d dialog.Dialog, enter func()) {
	shown := &shownDialog{d: d, enter: enter}
	w.dialogs = append(w.dialogs, shown)
	d.SetOnClosed(func() {
		if i := slices.Index(w.dialogs, shown); i >= 0 {
			w.dialogs = slices.Delete(w.dialogs, i, i+1)
		}
	})
	d.Show()
}

// showInfo is dialog.ShowInformation that Escape and Enter close.
func (w *mainWindow) showInfo(title, message string) {
	w.showDialog(dialog.NewInformation(title, message, w.win))
}

// showConfirm asks a yes-or-no question; Enter answers yes, Escape no.
func (w *mainWindow) showConfirm(title, message string, answer func(bool)) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, answer, w.win)
	w.showDialog(d)
	return d
}

// showRiskyConfirm asks before something unsafe: the confirm button says
// what it does and is not highlighted, and Enter answers no.
func (w *mainWindow) showRiskyConfirm(title, message, confirm string, answer func(bool)) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, answer, w.win)
	d.SetConfirmText(confirm)
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.WarningImportance)
	w.showDialogWithDefault(d, d.Hide)
	return d
}

// showForm shows a form dialog with its first field focused; in its
// one-line fields (widgets.EscEntry) Enter submits it, as the confirm button
// would, and Escape cancels.
func (w *mainWindow) showForm(title, confirm string, items []*widget.FormItem, answer func(bool), size fyne.Size) *dialog.FormDialog {
	d := dialog.NewForm(title, confirm, "Cancel", items, answer, w.win)
	var first *widgets.EscEntry
	for _, it := range items {
		if e, ok := it.Widget.(*widgets.EscEntry); ok && !e.MultiLine {
			e.OnSubmitted = func(string) { d.Submit() }
			e.OnEscape = d.Hide
			if first == nil {
				first = e
			}
		}
	}
	d.Resize(w.dialogSize(size.Width, size.Height))
	w.showDialog(d)
	if first != nil {
		w.win.Canvas().Focus(first)
	}
	return d
}

// unfocusedKey receives the keys no widget takes: with a dialog in front
// and nothing in it focused, that is every key.
func (w *mainWindow) unfocusedKey(k *fyne.KeyEvent) {
	if len(w.dialogs) == 0 {
		return
	}
	front := w.dialogs[len(w.dialogs)-1]
	switch k.Name {
	case fyne.KeyEscape:
		front.d.Hide()
	case fyne.KeyReturn, fyne.KeyEnter:
		front.enter()
	}
}

// connectedText says how many sessions are connected, in words.
func connectedText(n int) string {
	if n == 1 {
		return "1 session is still connected."
	}
	return sessionsText(n) + " are still connected."
}

// sessionsText is "1 session", "2 sessions".
func sessionsText(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}
