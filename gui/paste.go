package gui

// pasteClipboard is Edit ▸ Paste: the clipboard into the current tab.
func (w *mainWindow) pasteClipboard() {
	if t := w.current(); t != nil {
		t.Paste([]byte(w.app.Clipboard().Content()))
	}
	w.focusCurrent()
}

// askPaste asks before a paste of several lines or of removed characters:
// Enter presses Paste, the default, and Escape cancels.
func (w *mainWindow) askPaste(message string, answer func(bool)) {
	w.dialogs.Question("Paste?", message, "Paste", "Cancel", false, answer)
}
