package session

import (
	"fmt"

	"github.com/tern-telnet/tern/protocol/logon"
)

// A logon's secrets: {password}, and {enable}, a router's enable secret
// apart from the login password. Each is taken from what the controller
// was given earlier for the same place, else from the keychain (its own
// entry) when the profile keeps it there and the session goes where the
// profile was opened for, else asked once; each goes only where it was
// given for.

// The kinds of secret, as the person reads them.
const (
	passwordKind = "password"
	enableKind   = "enable secret"
)

// logonSecrets are the secrets one logon has gathered so far, by kind.
// One goroutine at a time holds it, handing it on.
type logonSecrets map[string]string

// secretKinds are the secrets a logon may need, in the order asked.
var secretKinds = []struct {
	kind   string
	needed func([]logon.Step) bool
}{{passwordKind, logon.NeedsPassword}, {enableKind, logon.NeedsEnable}}

// heldSecret is a secret the controller keeps for its sessions to place.
type heldSecret struct {
	value string
	place secretPlace
	have  bool
}

// EnableHost is a Host that keeps and asks for the enable secret apart
// from the password (its own keychain entry, its own question). A Host
// without it is asked through AskPassword and keeps nothing.
type EnableHost interface {
	// AskEnable asks for the secret the logon actions send as {enable};
	// answer is as AskPassword's.
	AskEnable(prompt string, answer func(secret string, remember, ok bool))
	// SavedEnable is the keychain's enable secret for a profile.
	SavedEnable(profile string) (string, bool)
}

// gatherSecrets gets each secret l's steps send that got lacks — held,
// from the keychain, else asked (going on from here once answered) —
// then hands them to then. A secret declined ends the logon (the session
// is the person's) and runs declined. when follows "waiting for the
// password" in the status bar. It runs on its own goroutine.
func (c *Controller) gatherSecrets(l *logonRun, got logonSecrets, when string, then func(logonSecrets), declined func()) {
	if _, ok := l.toBegin(); !ok { // ended before it began: nothing to ask for
		then(got)
		return
	}
	for _, k := range secretKinds {
		if _, have := got[k.kind]; have || !k.needed(l.plan.steps) {
			continue
		}
		if v, ok := c.knownSecret(k.kind, l.plan); ok {
			got[k.kind] = v
			continue
		}
		l.setStatus("Logon: waiting for the " + k.kind + when)
		c.askOne(k.kind, l.plan, func(v string, ok bool) {
			if !ok {
				l.giveUp("Logon stopped: no " + k.kind + " was given. The session is yours.")
				c.host.Changed()
				declined()
				return
			}
			got[k.kind] = v
			go c.gatherSecrets(l, got, when, then, declined)
		})
		return
	}
	then(got)
}

// knownSecret is a secret of kind held or in the keychain for plan.
func (c *Controller) knownSecret(kind string, plan logonPlan) (string, bool) {
	if kind == passwordKind {
		return c.knownPassword(plan)
	}
	return c.knownEnable(plan)
}

// knownEnable is the enable secret given earlier for the same place, or
// the one the keychain keeps for the profile when the session goes where
// the profile was opened for.
func (c *Controller) knownEnable(plan logonPlan) (string, bool) {
	c.mu.Lock()
	e := c.secrets.enable
	c.mu.Unlock()
	if e.have && e.place == plan.place {
		return e.value, true
	}
	eh, ok := c.host.(EnableHost)
	if !ok || !plan.rememberEnable || plan.name == "" || !plan.home {
		return "", false
	}
	secret, ok := eh.SavedEnable(plan.name)
	if !ok {
		return "", false
	}
	c.setEnable(secret, plan.place)
	return secret, true
}

// setEnable keeps the enable secret for the sessions to place only.
func (c *Controller) setEnable(secret string, place secretPlace) {
	c.mu.Lock()
	c.secrets.enable = heldSecret{value: secret, place: place, have: true}
	c.mu.Unlock()
}

// askOne asks the host for a secret of kind for plan's place, keeps what
// was given for that place (and, when Remember was ticked, marks the
// settings), and hands it to answer; ok is false when the person
// declined.
func (c *Controller) askOne(kind string, plan logonPlan, answer func(v string, ok bool)) {
	c.host.Changed()
	who := plan.vars.User
	if who == "" {
		who = "the user"
	}
	ask := c.host.AskPassword
	prompt := fmt.Sprintf("The logon actions of %s send a password for %s.", c.Settings().Title(), who)
	keep := func(v string, remember bool) {
		c.setPassword(v, plan.place)
		if remember {
			c.mu.Lock()
			c.settings.Profile.RememberPassword = true
			c.mu.Unlock()
		}
	}
	if kind == enableKind {
		prompt = fmt.Sprintf("The logon actions of %s send the enable secret (the password of the enable command, not the login password).", c.Settings().Title())
		keep = func(v string, remember bool) {
			c.setEnable(v, plan.place)
			if remember {
				c.mu.Lock()
				c.settings.Profile.RememberEnable = true
				c.mu.Unlock()
			}
		}
		if eh, ok := c.host.(EnableHost); ok {
			ask = eh.AskEnable
		} else { // the host would keep it as the password: it keeps nothing
			ask = func(prompt string, answer func(string, bool, bool)) {
				c.host.AskPassword(prompt, func(v string, _, ok bool) { answer(v, false, ok) })
			}
		}
	}
	ask(prompt, func(v string, remember, ok bool) {
		if ok {
			keep(v, remember)
		}
		answer(v, ok)
	})
}

// gatherBeforeConnect gets the secrets l's steps send before the session
// dials (issue 26: asked after connecting, a router's login timer ran
// while the person typed), then runs dial; a secret declined dials all
// the same. It runs on its own goroutine.
func (c *Controller) gatherBeforeConnect(l *logonRun, dial func()) {
	c.gatherSecrets(l, logonSecrets{}, " before connecting", func(got logonSecrets) {
		l.setGathered(got)
		dial()
	}, dial)
}
