package gui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/trust"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// tabHost is the window as its tabs see it (termtab.Host): the few
// things a tab may ask of the window that holds it.
type tabHost struct{ w *mainWindow }

func (h tabHost) Window() fyne.Window                   { return h.w.win }
func (h tabHost) CloseTab(t *termtab.Tab, confirm bool) { h.w.closeTab(t, confirm) }
func (h tabHost) FocusCurrent()                         { h.w.focusCurrent() }
func (h tabHost) MoveFocus(back bool)                   { h.w.moveFocus(back) }
func (h tabHost) GreetingSeen(t *termtab.Tab)           { assistants(h).followGreeting(t) }
func (h tabHost) IsCurrent(t *termtab.Tab) bool         { return h.w.current() == t }
func (h tabHost) InBackground() bool                    { return h.w.background.inBackground() }
func (h tabHost) ConfirmPaste() bool                    { return h.w.prefs.ConfirmPaste }
func (h tabHost) AskPaste(msg string, offerLineByLine bool, answer func(termtab.PasteAnswer)) {
	h.w.askPaste(msg, offerLineByLine, answer)
}

func (h tabHost) AskPassword(t *termtab.Tab, prompt string, answer func(string, bool, bool)) {
	h.askLogonSecret(t, trust.LoginPassword, prompt, answer)
}

// AskEnable asks for the logon's enable secret ({enable}), kept apart
// from the password (termtab.EnableAsker).
func (h tabHost) AskEnable(t *termtab.Tab, prompt string, answer func(string, bool, bool)) {
	h.askLogonSecret(t, trust.EnableSecret, prompt, answer)
}

func (h tabHost) askLogonSecret(t *termtab.Tab, sec trust.LogonSecret, prompt string, answer func(string, bool, bool)) {
	trust.AskLogonPassword(h.w.dialogs, h.w.store, t.Settings(), sec, prompt, func(pw string, remember, ok bool) {
		answer(pw, remember, ok)
		h.w.focusCurrent()
	})
}

// SavedEnable reads a profile's enable secret from its own keychain entry.
func (h tabHost) SavedEnable(profile string) (string, bool) {
	v, err := profiles.Secrets{Enable: true}.Get(profile)
	return v, err == nil
}

// SavedPassword reads the keychain: a profile's logon password, or its
// proxy's.
func (h tabHost) SavedPassword(profile string, proxy bool) (string, bool) {
	pw, err := profiles.Secrets{Proxy: proxy}.Get(profile)
	return pw, err == nil
}

func (h tabHost) VerifyCertificate(ctx context.Context, t *termtab.Tab, where string, info tlscheck.Info) error {
	return h.w.certs.Verify(ctx, where, info, func(s string) { t.Print(s) }, func() { h.SessionChanged(t) })
}

func (h tabHost) BroadcastKeys(from *termtab.Tab, p []byte) {
	if h.w.broadcast.On() {
		h.w.broadcast.Keys(from, p)
	}
}

func (h tabHost) BroadcastPaste(from *termtab.Tab, text []byte, lineByLine bool) {
	if h.w.broadcast.On() {
		h.w.broadcast.Paste(from, text, lineByLine)
	}
}
