package gui

// pasteClipboard is Edit ▸ Paste: the clipboard into the current tab.
func (w *mainWindow) pasteClipboard() {
	if t := w.current(); t != nil {
		t.Paste([]byte(w.app.Clipboard().Content()))
	}
	w.focusCurrent()
}
