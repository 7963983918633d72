package gui

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// tabHost is the window as its tabs see it (termtab.Host): the few
// things a tab may ask of the window that holds it.
type tabHost struct{ w *mainWindow }

func (h tabHost) Window() fyne.Window                      { return h.w.win }
func (h tabHost) SessionChanged(t *termtab.Tab)            { h.w.sessionChanged(t) }
func (h tabHost) FrameShown(t *termtab.Tab)                { h.w.frameShown(t) }
func (h tabHost) Retitle(t *termtab.Tab, s string, b bool) { h.w.retitle(t, s, b) }
func (h tabHost) CloseTab(t *termtab.Tab, confirm bool)    { h.w.closeTab(t, confirm) }
func (h tabHost) FocusCurrent()                            { h.w.focusCurrent() }
func (h tabHost) MoveFocus(back bool)                      { h.w.moveFocus(back) }
func (h tabHost) GreetingSeen(t *termtab.Tab)              { h.w.followGreeting(t) }
func (h tabHost) IsCurrent(t *termtab.Tab) bool            { return h.w.current() == t }
func (h tabHost) InBackground() bool                       { return h.w.inBackground() }
func (h tabHost) ConfirmPaste() bool                       { return h.w.prefs.confirmPaste }
func (h tabHost) AskPaste(msg string, answer func(bool))   { h.w.askPaste(msg, answer) }

func (h tabHost) AskPassword(t *termtab.Tab, prompt string, answer func(string, bool, bool)) {
	h.w.askLogonPassword(t, loginPassword, prompt, answer)
}

// AskEnable asks for the logon's enable secret ({enable}), kept apart
// from the password (termtab.EnableAsker).
func (h tabHost) AskEnable(t *termtab.Tab, prompt string, answer func(string, bool, bool)) {
	h.w.askLogonPassword(t, enableSecret, prompt, answer)
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

func (h tabHost) VerifyCertificate(ctx context.Context, t *termtab.Tab, where string, info protocol.TLSInfo) error {
	return h.w.verifyCertificate(ctx, t, where, info)
}

func (h tabHost) BroadcastKeys(from *termtab.Tab, p []byte) {
	if h.w.broadcast {
		h.w.broadcastKeys(from, p)
	}
}

func (h tabHost) BroadcastPaste(from *termtab.Tab, text []byte) {
	if h.w.broadcast {
		h.w.broadcastPaste(from, text)
	}
}
