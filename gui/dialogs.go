package gui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Fyne's dialogs ignore Escape. Dialogs shown through showDialog are
// remembered until they close, and Escape (when no field in them has
// the focus) closes the one in front, as its Close or Cancel would.

func (w *mainWindow) showDialog(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		if i := slices.Index(w.dialogs, d); i >= 0 {
			w.dialogs = slices.Delete(w.dialogs, i, i+1)
		}
	})
	d.Show()
}

// showInfo is dialog.ShowInformation that Escape closes.
func (w *mainWindow) showInfo(title, message string) {
	w.showDialog(dialog.NewInformation(title, message, w.win))
}

// unfocusedKey receives the keys no widget takes: with a dialog in front
// and nothing in it focused, that is every key.
func (w *mainWindow) unfocusedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && len(w.dialogs) > 0 {
		w.dialogs[len(w.dialogs)-1].Hide()
	}
}
