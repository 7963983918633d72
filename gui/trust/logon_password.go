package trust

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// AskLogonPassword is the question a tab asks when its logon actions
// send {password} and the keychain does not hold it: the password, and
// for a saved profile (name not empty) whether the keychain should keep
// it. answer gets the password, the Remember choice and whether the
// person answered at all. A remembered password goes to the keychain and
// the profile in store is marked so, never into the profiles file.
func AskLogonPassword(dialogs *widgets.Dialogs, store *profiles.Store, name, prompt string, answer func(pw string, remember, ok bool)) {
	password := widgets.NewEscEntry(false, nil)
	password.Password = true
	remember := widget.NewCheck("Remember in this computer's keychain", nil)
	why := widget.NewLabel(prompt + " Cancel leaves the login to you.")
	why.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", why), widget.NewFormItem("Password", password)}
	if name != "" {
		items = append(items, widget.NewFormItem("", remember))
	}
	dialogs.Form("Logon password", "Log on", items, func(ok bool) {
		keep := ok && name != "" && remember.Checked
		if keep {
			rememberLogonPassword(dialogs, store, name, password.Text)
		}
		answer(password.Text, keep, ok)
	}, fyne.NewSize(460, 260))
}

// rememberLogonPassword keeps the password in the keychain and marks the
// profile as remembering it.
func rememberLogonPassword(dialogs *widgets.Dialogs, store *profiles.Store, name, password string) {
	if err := (profiles.Secrets{}).Set(name, password); err != nil {
		dialogs.Info("Logon password", fmt.Sprintf("The password could not be kept in the keychain: %v. It is used for this tab only.", err))
		return
	}
	_, err := store.Update(func(f *profiles.File) error {
		p, ok := f.Find(name)
		if !ok {
			return nil // an unsaved session has nothing to mark
		}
		p.RememberPassword = true
		f.Put(p)
		return nil
	})
	if err != nil {
		dialogs.Info("Logon password", "The profile could not be marked as remembering its password: "+err.Error())
	}
}
