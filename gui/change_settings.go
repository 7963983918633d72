package gui

import (
	"strings"

	"github.com/tern-telnet/tern/gui/newsession"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
)

// changeSettings is Session ▸ Change settings…, as PuTTY's Change
// Settings: the current tab's settings in the New session dialog, whose
// Apply gives them to the running session without reconnecting
// (termtab.Tab.ChangeSettings). What only a new connection can take is
// named, to be applied with Reconnect. The dialog's Save keeps them in
// the saved session.
func (h sessionDialogs) changeSettings() {
	w := h.w
	t := w.current()
	if t == nil {
		h.showNew()
		return
	}
	if c := w.connecting; c != nil {
		c.Hide()
	}
	h.show(newsession.Options{Title: "Change settings — " + t.Settings().Title(), Settings: t.Settings(), OpenText: "Apply",
		Open: func(st settings.Session) { h.applySettings(t, st) }})
}

// applySettings is the dialog's Apply: t's session takes st at once, and
// what waits for Reconnect is named.
func (h sessionDialogs) applySettings(t *termtab.Tab, st settings.Session) {
	w := h.w
	later := t.ChangeSettings(st)
	tabHost{w}.SessionChanged(t)
	w.focusCurrent()
	if note := laterNote(later); note != "" {
		w.dialogs.Info("Change settings", note)
	}
}

// laterNote says what Apply left for the next connection ("" for none).
func laterNote(later []string) string {
	if len(later) == 0 {
		return ""
	}
	what := strings.Join(later, ", ")
	return "Applied. " + strings.ToUpper(what[:1]) + what[1:] + " will change at the next connection: Session ▸ Reconnect."
}
