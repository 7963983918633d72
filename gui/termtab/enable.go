package termtab

import (
	"fmt"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// A logon's secrets: {password}, and {enable}, a router's enable secret
// apart from the login password. Each is taken from what the tab was
// given earlier for the same place, else from the keychain (its own
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

// tabSecret is a secret the tab keeps for its sessions to place.
type tabSecret struct {
	value string
	place secretPlace
	have  bool
}

// EnableAsker is a Host that asks for the enable secret apart from the
// password (the window keeps it in its own keychain entry). A Host
// without it is asked through AskPassword.
type EnableAsker interface {
	// AskEnable asks for the secret the logon actions send as {enable};
	// answer is as AskPassword's, remember meaning the keychain keeps it.
	AskEnable(t *Tab, prompt string, answer func(secret string, remember, ok bool))
}

// logonWithSecrets gets each secret the steps send that got lacks (from
// the tab or the keychain, else by asking, which goes on from here once
// answered), then runs the logon. It runs on its own goroutine.
func (t *Tab) logonWithSecrets(s *protocol.Session, l *logonRun, got logonSecrets) {
	for _, k := range secretKinds {
		if _, have := got[k.kind]; have || !k.needed(l.plan.steps) {
			continue
		}
		v, ok := t.knownSecret(k.kind, l.plan)
		if !ok {
			l.setStatus("Logon: waiting for the " + k.kind)
			t.onUI(func() { t.askSecret(k.kind, s, l, got) })
			return
		}
		got[k.kind] = v
	}
	t.runLogon(s, l, got)
}

// knownSecret is a secret of kind the tab or the keychain has for plan.
func (t *Tab) knownSecret(kind string, plan logonPlan) (string, bool) {
	if kind == passwordKind {
		return t.knownPassword(plan)
	}
	return t.knownEnable(plan)
}

// knownEnable is the enable secret given earlier in this tab for the same
// place, or the one the keychain keeps for the profile when the session
// goes where the profile was opened for.
func (t *Tab) knownEnable(plan logonPlan) (string, bool) {
	t.mu.Lock()
	e := t.enable
	t.mu.Unlock()
	if e.have && e.place == plan.place {
		return e.value, true
	}
	if !plan.rememberEnable || plan.name == "" || !plan.home {
		return "", false
	}
	secret, err := profiles.Secrets{Enable: true}.Get(plan.name)
	if err != nil {
		return "", false
	}
	t.setEnable(secret, plan.place)
	return secret, true
}

// setEnable keeps the enable secret for the tab's sessions to place only.
func (t *Tab) setEnable(secret string, place secretPlace) {
	t.mu.Lock()
	t.enable = tabSecret{value: secret, place: place, have: true}
	t.mu.Unlock()
}

// askSecret asks the window for a secret of kind, once for the tab's
// life; then the logon goes on with the secrets it has (got).
func (t *Tab) askSecret(kind string, s *protocol.Session, l *logonRun, got logonSecrets) {
	t.host.SessionChanged(t)
	who := l.plan.vars.User
	if who == "" {
		who = "the user"
	}
	ask := t.host.AskPassword
	prompt := fmt.Sprintf("The logon actions of %s send a password for %s.", t.settings.Title(), who)
	keep := func(v string, remember bool) {
		t.setPassword(v, l.plan.place)
		t.settings.Profile.RememberPassword = t.settings.Profile.RememberPassword || remember
	}
	if kind == enableKind {
		prompt = fmt.Sprintf("The logon actions of %s send the enable secret (the password of the enable command, not the login password).", t.settings.Title())
		keep = func(v string, remember bool) {
			t.setEnable(v, l.plan.place)
			t.settings.Profile.RememberEnable = t.settings.Profile.RememberEnable || remember
		}
		if asker, ok := t.host.(EnableAsker); ok {
			ask = asker.AskEnable
		} else { // the window would keep it as the password: it keeps nothing
			ask = func(t *Tab, prompt string, answer func(string, bool, bool)) {
				t.host.AskPassword(t, prompt, func(v string, _, ok bool) { answer(v, false, ok) })
			}
		}
	}
	ask(t, prompt, func(v string, remember, ok bool) {
		if !ok {
			l.giveUp("Logon stopped: no " + kind + " was given. The session is yours.")
			t.host.SessionChanged(t)
			return
		}
		keep(v, remember)
		got[kind] = v
		go t.logonWithSecrets(s, l, got)
	})
}
