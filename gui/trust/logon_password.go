package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

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

// askLogonPassword shows the question; answer gets the password, the
// Remember choice and whether the person answered at all. A remembered
// password goes to the keychain and the profile is marked so, never
// into the profiles file.
func (w *mainWindow) askLogonPassword(t *termtab.Tab, prompt string, answer func(pw string, remember, ok bool)) {
	name := t.Settings().Name
	q := &logonPassword{password: widgets.NewEscEntry(false, nil), remember: widget.NewCheck("Remember in this computer's keychain", nil)}
	q.password.Password = true
	why := widget.NewLabel(prompt + " Cancel leaves the login to you.")
	why.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", why), widget.NewFormItem("Password", q.password)}
	if name != "" {
		items = append(items, widget.NewFormItem("", q.remember))
	}
	w.passwordQuestion = q
	d := w.dialogs.Form("Logon password", "Log on", items, func(ok bool) {
		w.passwordQuestion = nil
		remember := ok && name != "" && q.remember.Checked
		if remember {
			w.rememberLogonPassword(name, q.password.Text)
		}
		answer(q.password.Text, remember, ok)
		w.focusCurrent()
	}, fyne.NewSize(460, 260))
	q.submit = d.Submit
}

// rememberLogonPassword keeps the password in the keychain and marks the
// profile as remembering it.
func (w *mainWindow) rememberLogonPassword(name, password string) {
	if err := (profiles.Secrets{}).Set(name, password); err != nil {
		w.dialogs.Info("Logon password", fmt.Sprintf("The password could not be kept in the keychain: %v. It is used for this tab only.", err))
		return
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
		w.dialogs.Info("Logon password", "The profile could not be marked as remembering its password: "+err.Error())
	}
}
