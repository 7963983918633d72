package session

import (
	"errors"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// Quick commands: a button (or its shortcut) sends a line or keys with
// the logon actions' placeholders into the current session, as if typed:
// it stops a running logon first. {password} is the password the
// controller knows for where the session goes (given earlier, or the
// profile's keychain entry when the session goes where the profile was
// opened for), else the person is asked once.

// ErrNotConnected is why a quick command was not sent.
var ErrNotConnected = errors.New("session: the session is not connected")

// SendQuick sends cmd into the current session. Any goroutine; the
// keychain is read and the person asked on another.
func (c *Controller) SendQuick(cmd profiles.QuickCommand) error {
	s := c.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		return ErrNotConnected
	}
	c.InterruptLogon()
	if _, err := logon.Expand(cmd.Send, logon.Vars{}, !cmd.Keys); err != nil {
		return err
	}
	st := c.Settings()
	place := placeOf(st.Engine)
	c.mu.Lock()
	home := c.secrets.home == place
	c.mu.Unlock()
	plan := logonPlanOf(st, place, home)
	if !logon.NeedsPassword([]logon.Step{{Send: cmd.Send, NoEnter: cmd.Keys}}) {
		sendQuick(s, cmd, plan.vars)
		return nil
	}
	go func() { // the keychain may take a while
		if pw, ok := c.knownPassword(plan); ok {
			plan.vars.Password = pw
			sendQuick(s, cmd, plan.vars)
			return
		}
		c.host.AskPassword("The quick command “"+cmd.Label+"” sends a password.", func(pw string, remember, ok bool) {
			if !ok {
				return
			}
			c.setPassword(pw, plan.place)
			if remember {
				c.mu.Lock()
				c.settings.Profile.RememberPassword = true
				c.mu.Unlock()
			}
			plan.vars.Password = pw
			sendQuick(s, cmd, plan.vars)
		})
	}()
	return nil
}

func sendQuick(s *protocol.Session, c profiles.QuickCommand, v logon.Vars) {
	lines, _ := logon.Expand(c.Send, v, !c.Keys) // checked by the caller
	for _, l := range lines {
		l.SendTo(s)
	}
}

// SetQuickTools keeps the controller's copy of its profile in step after
// its quick commands or highlighting rules were edited.
func (c *Controller) SetQuickTools(cmds []profiles.QuickCommand, highlights []string) {
	c.mu.Lock()
	c.settings.Profile.QuickCommands = cmds
	c.settings.Profile.Highlights = highlights
	c.mu.Unlock()
}
