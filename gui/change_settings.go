package gui

import (
	"strings"

	"github.com/tern-telnet/tern/gui/settings"
)

// changeSettings is Session ▸ Change settings…, as PuTTY's Change
// Settings: the current tab's settings in the New session dialog, whose
// Apply gives them to the running session without reconnecting
// (termtab.Tab.ChangeSettings). What only a new connection can take is
// named, to be applied with Reconnect. The dialog's Save keeps them in
// the saved session.
func (w *mainWindow) changeSettings() {
	t := w.current()
	if t == nil {
		w.ShowNewSession()
		return
	}
	if c := w.connecting; c != nil {
		c.d.Hide()
	}
	c := w.showConnectDialog("Change settings — "+t.Settings().Title(), t.Settings(), func(st settings.Session) {
		later := t.ChangeSettings(st)
		w.sessionChanged(t)
		w.focusCurrent()
		if note := laterNote(later); note != "" {
			w.showInfo("Change settings", note)
		}
	})
	c.form.openButton.SetText("Apply")
}

// laterNote says what Apply left for the next connection ("" for none).
func laterNote(later []string) string {
	if len(later) == 0 {
		return ""
	}
	what := strings.Join(later, ", ")
	return "Applied. " + strings.ToUpper(what[:1]) + what[1:] + " will change at the next connection: Session ▸ Reconnect."
}
