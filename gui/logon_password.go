package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// logonPassword is the question a tab asks when its logon actions send
// {password} and the keychain does not hold it: the password, and for a
// saved profile whether the keychain should keep it.
type logonPassword struct {
	password *widgets.EscEntry
	remember *widget.Check
	submit   func()
}

// askLogonPassword shows the question; answer gets the password, whether
// the keychain keeps it, and whether the person answered at all. A
// password remembered earlier for the same server (until Tern closes)
// answers at once. Remember keeps it until Tern closes for this server
// only, and for a saved profile in the keychain when this computer has
// one (the profile is marked so), never in the profiles file.
func (w *mainWindow) askLogonPassword(t *termtab.Tab, prompt string, answer func(pw string, remember, ok bool)) {
	st := t.Settings()
	if pw, ok := assist.RunPassword(st.Engine); ok {
		answer(pw, false, true)
		return
	}
	q := &logonPassword{password: widgets.NewEscEntry(false, nil), remember: widget.NewCheck(assist.RememberLabel(st.Name), nil)}
	q.password.Password = true
	why := widget.NewLabel(prompt + " Cancel leaves the login to you.")
	why.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", why), widget.NewFormItem("Password", q.password), widget.NewFormItem("", q.remember)}
	w.passwordQuestion = q
	d := w.showForm("Logon password", "Log on", items, func(ok bool) {
		w.passwordQuestion = nil
		keep := ok && q.remember.Checked && q.password.Text != ""
		inKeychain := keep && assist.KeychainUsable(st.Name)
		if keep {
			assist.KeepRunPassword(st.Engine, q.password.Text)
		}
		if inKeychain {
			inKeychain = w.rememberLogonPassword(st.Name, q.password.Text)
		}
		answer(q.password.Text, inKeychain, ok)
		w.focusCurrent()
	}, fyne.NewSize(460, 260))
	q.submit = d.Submit
}

// rememberLogonPassword keeps the password in the keychain and marks the
// profile as remembering it; false when the keychain refused it.
func (w *mainWindow) rememberLogonPassword(name, password string) bool {
	if err := (profiles.Secrets{}).Set(name, password); err != nil {
		w.showInfo("Logon password", fmt.Sprintf("The password could not be kept in the keychain: %v. It is kept until Tern closes, for this server only.", err))
		return false
	}
	_, err := w.store.Update(func(f *profiles.File) error {
		p, ok := f.Find(name)
		if !ok {
			return nil // an unsaved session has nothing to mark
		}
		p.RememberPassword = true
		f.Put(p)
		return nil
	})
	if err != nil {
		w.showInfo("Logon password", "The profile could not be marked as remembering its password: "+err.Error())
	}
	return true
}
