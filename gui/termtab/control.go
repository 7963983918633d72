package termtab

import (
	"github.com/tern-telnet/tern/gui/settings"
)

// The tab's session commands, for the window: each is its controller's
// (gui/session), with what the window shows following.

// Reconnect connects the tab again at once (Reconnect, Run test on a
// closed session), dropping any pending attempt.
func (t *Tab) Reconnect() {
	t.Controller.Reconnect()
	t.host.SessionChanged(t)
	t.host.FocusCurrent()
}

// ReconnectWith is Edit and reconnect's Open: the tab keeps its place
// and scrollback and connects again with the edited settings.
func (t *Tab) ReconnectWith(st settings.Session) {
	t.SetSettings(st)
	t.Reconnect()
}

// SetSettings takes the settings the next connection uses (and the tab's
// title), leaving the current session as it is.
func (t *Tab) SetSettings(st settings.Session) {
	t.Controller.SetSettings(st)
	t.host.Retitle(t, "", false)
}

// InterruptLogon stops the current session's logon actions before a key
// the person typed (here or in another tab, while typing into all tabs)
// goes out: the session is theirs. It reports whether they were running.
func (t *Tab) InterruptLogon() bool {
	if t.Controller.InterruptLogon() {
		t.host.SessionChanged(t)
		return true
	}
	return false
}

// OpenPrompt shows telnet> in the terminal; keys go to it until a command
// has run (or an empty line is entered).
func (t *Tab) OpenPrompt() {
	t.scr.ScrollToBottom()
	t.Controller.OpenPrompt()
}

// Print shows Tern's own text in the terminal, as if the server sent it.
func (t *Tab) Print(text string) { t.scr.Write([]byte(text)) }
