package gui

import (
	"fyne.io/fyne/v2/theme"

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
	choices := []widgets.Choice{{Label: cancelPasteLabel, Icon: theme.CancelIcon()}}
	answers := []termtab.PasteAnswer{termtab.PasteCancelled}
	if offerLineByLine {
		choices = append(choices, widgets.Choice{Label: lineByLineButton, Icon: theme.MediaPlayIcon()})
		answers = append(answers, termtab.PasteLineByLine)
	}
	choices = append(choices, widgets.Choice{Label: pasteButton, Icon: theme.ConfirmIcon()})
	answers = append(answers, termtab.PasteNow)
	d, buttons := widgets.NewQuestion("Paste?", message, choices, func(i int) { answer(answers[i]) }, w.win)
	w.dialogs.ShowWithDefault(d, buttons[len(buttons)-1].OnTapped)
}
