package termtab

import (
	"errors"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// Quick commands: a button (or its shortcut) sends a line or keys with
// the logon actions' placeholders into the current session, as if typed:
// it stops a running logon first. {password} is the password the tab
// knows for where the session goes (given earlier, or the profile's
// keychain entry when the session goes where the profile was opened
// for), else the person is asked once.

// ErrNotConnected is why a quick command was not sent.
var ErrNotConnected = errors.New("termtab: the session is not connected")

// SendQuick sends c into the current session (UI goroutine).
func (t *Tab) SendQuick(c profiles.QuickCommand) error {
	s := t.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		return ErrNotConnected
	}
	t.InterruptLogon()
	plan := t.logonPlan(placeOf(t.settings.Engine))
	if _, err := logon.Expand(c.Send, logon.Vars{}, !c.Keys); err != nil {
		return err
	}
	if !logon.NeedsPassword([]logon.Step{{Send: c.Send, NoEnter: c.Keys}}) {
		sendQuick(s, c, plan.vars)
		return nil
	}
	go func() { // the keychain may take a while: not on the UI goroutine
		if pw, ok := t.knownPassword(plan); ok {
			plan.vars.Password = pw
			sendQuick(s, c, plan.vars)
			return
		}
		t.onUI(func() { t.askQuickPassword(s, c, plan) })
	}()
	return nil
}

// askQuickPassword asks for the password a quick command sends, then
// sends it (UI goroutine).
func (t *Tab) askQuickPassword(s *protocol.Session, c profiles.QuickCommand, plan logonPlan) {
	t.host.AskPassword(t, "The quick command “"+c.Label+"” sends a password.", func(pw string, remember, ok bool) {
		if !ok {
			return
		}
		t.setPassword(pw, plan.place)
		if remember {
			t.settings.Profile.RememberPassword = true
		}
		plan.vars.Password = pw
		sendQuick(s, c, plan.vars)
	})
}

func sendQuick(s *protocol.Session, c profiles.QuickCommand, v logon.Vars) {
	lines, _ := logon.Expand(c.Send, v, !c.Keys) // checked by the caller
	for _, l := range lines {
		l.SendTo(s)
	}
}

// SetQuickTools keeps the tab's copy of its profile in step after its
// quick commands or highlighting rules were edited (UI goroutine).
func (t *Tab) SetQuickTools(cmds []profiles.QuickCommand, highlights []string) {
	t.settings.Profile.QuickCommands = cmds
	t.settings.Profile.Highlights = highlights
}
