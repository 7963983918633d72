package gui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/tern-telnet/tern/gui/widgets"
)

// Fyne's dialogs ignore Escape and Enter. Dialogs shown through
// showDialog are remembered until they close; when no field in them has
// the focus, or a Tern control that passes Escape on (widgets.Button,
// Select, Check, EscEntry), Escape closes the one in front (as its Close
// or Cancel would) and Enter presses its default button.

// shownDialog is a dialog on screen and what Enter does in it.
type shownDialog struct {
	d      dialog.Dialog
	enter  func()
	escape func() // what Escape does: d.Hide unless set
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
func (w *mainWindow) showDialogWithDefault(d dialog.Dialog, enter func()) *shownDialog {
	shown := &shownDialog{d: d, enter: enter, escape: d.Hide}
	w.dialogs = append(w.dialogs, shown)
	d.SetOnClosed(func() {
		if i := slices.Index(w.dialogs, shown); i >= 0 {
			w.dialogs = slices.Delete(w.dialogs, i, i+1)
		}
	})
	d.Show()
	return shown
}

// Fyne's own message, question and form dialogs have buttons that swallow
// Escape and press on Space before its character arrives, which then went
// to the terminal. Tern's are the same dialogs with widgets.Button.

// buttons is a dialog's button row.
func buttons(bs ...*widgets.Button) []fyne.CanvasObject {
	row := make([]fyne.CanvasObject, len(bs))
	for i, b := range bs {
		row[i] = b
	}
	return row
}

// closableDialog shows content over one button, labelled closeText, that
// closes it (dialog.NewCustom with Tern's button).
func (w *mainWindow) closableDialog(title, closeText string, content fyne.CanvasObject) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, w.win)
	d.SetButtons(buttons(widgets.NewButton(closeText, d.Hide)))
	return d
}

// showInfo tells the person something; Escape and Enter close it.
func (w *mainWindow) showInfo(title, message string) {
	var d *dialog.CustomDialog
	ok := widgets.NewButton("OK", func() { d.Hide() })
	ok.Importance = widget.HighImportance
	d = widgets.NewTextDialog(title, message, theme.InfoIcon(), w.win, ok)
	w.showDialog(d)
}

// question asks title's question; answer hears true once for yes, false
// for no, Escape or closing. Enter presses yes, or no when the question is
// risky (yes is then not highlighted; no is).
func (w *mainWindow) question(title, message, yes, no string, risky bool, answer func(bool)) *dialog.CustomDialog {
	d, confirm, dismiss := widgets.NewConfirm(title, message, yes, no, answer, w.win)
	enter := func() { confirm.OnTapped() }
	if risky { // the safe answer is the default
		confirm.Importance, dismiss.Importance, enter = widget.WarningImportance, widget.HighImportance, d.Hide
	}
	w.showDialogWithDefault(d, enter)
	return d
}

// showConfirm asks a yes-or-no question; Enter answers yes, Escape no.
func (w *mainWindow) showConfirm(title, message string, answer func(bool)) *dialog.CustomDialog {
	return w.question(title, message, "Yes", "No", false, answer)
}

// showRiskyConfirm asks before something unsafe: the confirm button says
// what it does and is not highlighted, and Enter answers no.
func (w *mainWindow) showRiskyConfirm(title, message, confirm string, answer func(bool)) *dialog.CustomDialog {
	return w.question(title, message, confirm, "Cancel", true, answer)
}

// formDialog is a form in a dialog with Cancel and a confirm button.
type formDialog struct {
	d    *dialog.CustomDialog
	form *widget.Form
	ok   bool
}

// Submit confirms the form when its fields are valid.
func (f *formDialog) Submit() {
	if f.form.Validate() != nil {
		return
	}
	f.ok = true
	f.d.Hide()
}

// Hide cancels the form.
func (f *formDialog) Hide() { f.d.Hide() }

// showForm shows a form dialog with its first field focused; in its
// one-line fields (widgets.EscEntry) Enter submits it, as the confirm button
// would, and Escape cancels.
func (w *mainWindow) showForm(title, confirm string, items []*widget.FormItem, answer func(bool), size fyne.Size) *formDialog {
	f := &formDialog{form: widget.NewForm(items...)}
	f.d = dialog.NewCustomWithoutButtons(title, f.form, w.win)
	ok := widgets.NewButtonWithIcon(confirm, theme.ConfirmIcon(), f.Submit)
	ok.Importance = widget.HighImportance
	f.d.SetButtons(buttons(widgets.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.Hide), ok))
	f.d.SetOnClosed(func() { answer(f.ok) })
	var first *widgets.EscEntry
	for _, it := range items {
		if e, ok := it.Widget.(*widgets.EscEntry); ok && !e.MultiLine {
			e.OnSubmitted = func(string) { f.Submit() }
			e.OnEscape = f.Hide
			if first == nil {
				first = e
			}
		}
	}
	f.d.Resize(w.dialogSize(size.Width, size.Height))
	w.showDialogWithDefault(f.d, f.Submit)
	if first != nil {
		w.win.Canvas().Focus(first)
	}
	return f
}

// unfocusedKey receives the keys no widget takes: with a dialog in front
// and nothing in it focused, that is every key.
func (w *mainWindow) unfocusedKey(k *fyne.KeyEvent) {
	if len(w.dialogs) == 0 {
		switch k.Name {
		case fyne.KeyF6:
			w.moveFocus(w.shiftHeld())
		case fyne.KeyEscape: // from the assistant or the toolbar: back to the terminal
			w.focusCurrent()
		}
		return
	}
	front := w.dialogs[len(w.dialogs)-1]
	switch k.Name {
	case fyne.KeyEscape:
		front.escape()
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
