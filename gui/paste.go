package gui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
)

// pasteClipboard is Edit ▸ Paste: the clipboard into the current tab.
func (w *mainWindow) pasteClipboard() {
	if t := w.current(); t != nil {
		t.Paste([]byte(w.app.Clipboard().Content()))
	}
	w.focusCurrent()
}

// Labels of the paste question's buttons.
const (
	pasteButton      = "Paste"
	lineByLineButton = "Paste line by line"
	cancelPasteLabel = "Cancel"
)

// askPaste asks before a paste of several lines or of removed characters:
// Enter presses Paste, the default, and Escape cancels. offerLineByLine
// adds Paste line by line, which sends this paste paced
// (termtab.LineByLine) while the tab's pacing is off.
func (w *mainWindow) askPaste(message string, offerLineByLine bool, answer func(termtab.PasteAnswer)) {
	chosen := termtab.PasteCancelled
	var d *dialog.CustomDialog
	choose := func(a termtab.PasteAnswer) func() {
		return func() { chosen = a; d.Hide() }
	}
	paste := widgets.NewButtonWithIcon(pasteButton, theme.ConfirmIcon(), choose(termtab.PasteNow))
	paste.Importance = widget.HighImportance
	buttons := []*widgets.Button{widgets.NewButtonWithIcon(cancelPasteLabel, theme.CancelIcon(), choose(termtab.PasteCancelled))}
	if offerLineByLine {
		buttons = append(buttons, widgets.NewButtonWithIcon(lineByLineButton, theme.MediaPlayIcon(), choose(termtab.PasteLineByLine)))
	}
	buttons = append(buttons, paste)
	d = widgets.NewTextDialog("Paste?", message, theme.QuestionIcon(), w.win, buttons...)
	for _, b := range buttons {
		b.OnEscape = d.Hide
	}
	d.SetOnClosed(func() { answer(chosen) })
	w.dialogs.ShowWithDefault(d, paste.OnTapped)
}
