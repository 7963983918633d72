package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// logonPassword is the question a tab asks when its logon actions send
// {password} (or {enable}) and neither the tab nor the keychain holds
// it: the secret, and whether to remember it.
type logonPassword struct {
	password *widgets.EscEntry
	remember *widget.Check
	why      *widget.Label // the question, and why not the keychain
	submit   func()
}

// logonSecret is one secret the logon actions send: the login password or
// the enable secret, each with its own keychain entry and profile mark.
type logonSecret struct {
	kind     string // assist.RunSecret's kind
	title    string // the question's title
	field    string // the field's label and what Remember names
	keychain profiles.Secrets
	mark     func(p *profiles.Profile) // marks the profile as keeping it
}

var (
	loginPassword = logonSecret{kind: "password", title: "Logon password", field: "password",
		mark: func(p *profiles.Profile) { p.RememberPassword = true }}
	enableSecret = logonSecret{kind: "enable", title: "Enable secret", field: "enable secret",
		keychain: profiles.Secrets{Enable: true}, mark: func(p *profiles.Profile) { p.RememberEnable = true }}
)

// askLogonPassword asks for the logon's password (loginPassword) or
// enable secret: answer gets it, whether the keychain keeps it, and
// whether the person answered at all. One remembered earlier for the same
// server (until Tern closes) answers at once. Remember keeps it until
// Tern closes for this server only, and for a saved profile in the
// keychain when this computer has one (the profile is marked so), never
// in the profiles file.
func (w *mainWindow) askLogonPassword(t *termtab.Tab, sec logonSecret, prompt string, answer func(pw string, remember, ok bool)) {
	st := t.Settings()
	if pw, ok := assist.RunSecret(sec.kind, st.Engine); ok {
		answer(pw, false, true)
		return
	}
	q := &logonPassword{password: widgets.NewEscEntry(false, nil), remember: widget.NewCheck(assist.RememberLabelFor(sec.field, st.Name), nil)}
	q.password.Password = true
	why := widget.NewLabel(strings.TrimSpace(prompt + " Cancel leaves the login to you. " + assist.KeychainWhyNot(st.Name)))
	why.Wrapping = fyne.TextWrapWord
	label := map[string]string{"password": "Password", "enable": "Enable secret"}[sec.kind]
	items := []*widget.FormItem{widget.NewFormItem("", why), widget.NewFormItem(label, q.password), widget.NewFormItem("", q.remember)}
	q.why = why
	w.passwordQuestion = q
	d := w.showForm(sec.title, "Log on", items, func(ok bool) {
		w.passwordQuestion = nil
		keep := ok && q.remember.Checked && q.password.Text != ""
		inKeychain := keep && assist.KeychainUsable(st.Name)
		if keep {
			assist.KeepRunSecret(sec.kind, st.Engine, q.password.Text)
		}
		if inKeychain {
			inKeychain = w.rememberLogonPassword(sec, st.Name, q.password.Text)
		}
		answer(q.password.Text, inKeychain, ok)
		w.focusCurrent()
	}, fyne.NewSize(460, 260))
	q.submit = d.Submit
}

// rememberLogonPassword keeps the secret in the keychain and marks the
// profile as remembering it; false when the keychain refused it.
func (w *mainWindow) rememberLogonPassword(sec logonSecret, name, password string) bool {
	if err := sec.keychain.Set(name, password); err != nil {
		w.showInfo(sec.title, fmt.Sprintf("The %s could not be kept in the keychain: %v. It is kept until Tern closes, for this server only.", sec.field, err))
		return false
	}
	_, err := w.store.Update(func(f *profiles.File) error {
		p, ok := f.Find(name)
		if !ok {
			return nil // an unsaved session has nothing to mark
		}
		sec.mark(&p)
		f.Put(p)
		return nil
	})
	if err != nil {
		w.showInfo(sec.title, "The profile could not be marked as remembering its "+sec.field+": "+err.Error())
	}
	return true
}
