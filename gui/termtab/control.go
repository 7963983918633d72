package termtab

import (
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol/logon"
)

// The tab's session commands, for the window: each is its controller's
// (gui/session), with what the window shows following.

// Disconnect is the person's Disconnect (button, menu or telnet> close):
// it ends the session and any pending reconnection.
func (t *Tab) Disconnect() { t.ctl.Disconnect() }

// Reconnect connects the tab again at once (Reconnect, Run test on a
// closed session), dropping any pending attempt.
func (t *Tab) Reconnect() {
	t.ctl.Reconnect()
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
	t.ctl.SetSettings(st)
	t.host.Retitle(t, "", false)
}

// ReconnectStatus is the status bar's note while an attempt is pending.
func (t *Tab) ReconnectStatus() string { return t.ctl.ReconnectStatus() }

// InterruptLogon stops the current session's logon actions before a key
// the person typed (here or in another tab, while typing into all tabs)
// goes out: the session is theirs. It reports whether they were running.
func (t *Tab) InterruptLogon() bool {
	if t.ctl.InterruptLogon() {
		t.host.SessionChanged(t)
		return true
	}
	return false
}

// LogonStatus is the status bar's note on the logon actions.
func (t *Tab) LogonStatus() string { return t.ctl.LogonStatus() }

// ProposeLogon is Record from this session (session.Controller.ProposeLogon).
func (t *Tab) ProposeLogon() []logon.Step { return t.ctl.ProposeLogon() }

// Greeting is the current session's first line from the server, once
// whole ("" before).
func (t *Tab) Greeting() string { return t.ctl.Greeting() }

// OpenPrompt shows telnet> in the terminal; keys go to it until a command
// has run (or an empty line is entered).
func (t *Tab) OpenPrompt() {
	t.scr.ScrollToBottom()
	t.ctl.OpenPrompt()
}

// InPrompt reports whether the tab is at its telnet> prompt, where keys
// go to the prompt rather than the session.
func (t *Tab) InPrompt() bool { return t.ctl.InPrompt() }

// Print shows Tern's own text in the terminal, as if the server sent it.
func (t *Tab) Print(text string) { t.scr.Write([]byte(text)) }
