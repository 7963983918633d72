package trust

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// LogonSecret is one secret the logon actions send: the login password or
// the enable secret, each with its own keychain entry and profile mark.
type LogonSecret struct {
	kind     string // panel.RunSecret's kind
	title    string // the question's title
	field    string // what Remember and the messages name
	label    string // the field's label
	keychain profiles.Secrets
	mark     func(p *profiles.Profile) // marks the profile as keeping it
}

var (
	// LoginPassword is what the logon actions send as {password}.
	LoginPassword = LogonSecret{kind: "password", title: "Logon password", field: "password", label: "Password",
		mark: func(p *profiles.Profile) { p.RememberPassword = true }}
	// EnableSecret is what they send as {enable}.
	EnableSecret = LogonSecret{kind: "enable", title: "Enable secret", field: "enable secret", label: "Enable secret",
		keychain: profiles.Secrets{Enable: true}, mark: func(p *profiles.Profile) { p.RememberEnable = true }}
)

// AskLogonPassword asks for the logon's password (LoginPassword) or
// enable secret for a session st: answer gets it, whether the keychain
// keeps it, and whether the person answered at all. One remembered
// earlier for the same server (until Tern closes) answers at once.
// Remember keeps it until Tern closes for this server only, and for a
// saved profile in the keychain when this computer has one (the profile
// in store is marked so), never in the profiles file.
func AskLogonPassword(dialogs *widgets.Dialogs, store *profiles.Store, st settings.Session, sec LogonSecret, prompt string, answer func(pw string, remember, ok bool)) {
	if pw, ok := panel.RunSecret(sec.kind, st.Engine); ok {
		answer(pw, false, true)
		return
	}
	password := widgets.NewEscEntry(false, nil)
	password.Password = true
	remember := widget.NewCheck(panel.RememberLabelFor(sec.field, st.Name), nil)
	why := widget.NewLabel(strings.TrimSpace(prompt + " Cancel leaves the login to you. " + panel.KeychainWhyNot(st.Name)))
	why.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", why), widget.NewFormItem(sec.label, password), widget.NewFormItem("", remember)}
	dialogs.Form(sec.title, "Log on", items, func(ok bool) {
		keep := ok && remember.Checked && password.Text != ""
		inKeychain := keep && panel.KeychainUsable(st.Name)
		if keep {
			panel.KeepRunSecret(sec.kind, st.Engine, password.Text)
		}
		if inKeychain {
			inKeychain = rememberLogonPassword(dialogs, store, sec, st.Name, password.Text)
		}
		answer(password.Text, inKeychain, ok)
	}, fyne.NewSize(460, 260))
}

// rememberLogonPassword keeps the secret in the keychain and marks the
// profile as remembering it; false when the keychain refused it.
func rememberLogonPassword(dialogs *widgets.Dialogs, store *profiles.Store, sec LogonSecret, name, password string) bool {
	if err := sec.keychain.Set(name, password); err != nil {
		dialogs.Info(sec.title, fmt.Sprintf("The %s could not be kept in the keychain: %v. It is kept until Tern closes, for this server only.", sec.field, err))
		return false
	}
	_, err := store.Update(func(f *profiles.File) error {
		p, ok := f.Find(name)
		if !ok {
			return nil // an unsaved session has nothing to mark
		}
		sec.mark(&p)
		f.Put(p)
		return nil
	})
	if err != nil {
		dialogs.Info(sec.title, "The profile could not be marked as remembering its "+sec.field+": "+err.Error())
	}
	return true
}
