package termtab

import "github.com/tern-telnet/tern/gui/settings"

// ChangeSettings gives the running tab new settings, as PuTTY's Change
// Settings does: the colours, bell, what the server may change, the
// answerback, the font size, the character set, the line ends, the
// session log, the keyboard (Backspace, Enter, the Telnet keys, function
// keys), local echo and line editing and the escape character apply at
// once. It returns, in the dialog's words, what changed but applies only
// from the next connection (Reconnect), and a session log that could not
// be opened. UI goroutine.
func (t *Tab) ChangeSettings(st settings.Session) (later []string) {
	old := t.Settings()
	later = t.Controller.ChangeSettings(st) // the session's side (gui/session)
	t.host.Retitle(t, "", false)
	t.applyTerminal()
	t.scr.SetClearDropsText(st.ClearDropsText)
	if st.FontSize != old.FontSize {
		t.font.size = st.FontSize
		t.fontBox.Refresh()
	}
	t.redraw(true)
	return later
}
