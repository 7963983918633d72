package termtab

// The logon's enable secret ({enable}) is asked and kept apart from the
// password by a Host that can (the window: its own question and keychain
// entry); the tab hands the controller's questions on (session.EnableHost).

// EnableAsker is a Host that asks for and keeps the enable secret apart
// from the password. A Host without it is asked through AskPassword and
// keeps nothing.
type EnableAsker interface {
	// AskEnable asks for the secret the logon actions send as {enable};
	// answer is as AskPassword's, remember meaning the keychain keeps it.
	AskEnable(t *Tab, prompt string, answer func(secret string, remember, ok bool))
	// SavedEnable is the keychain's enable secret for a profile.
	SavedEnable(profile string) (string, bool)
}

func (h sessionHost) AskEnable(prompt string, answer func(string, bool, bool)) {
	h.t.ui.do(func() {
		if ea, ok := h.t.host.(EnableAsker); ok {
			ea.AskEnable(h.t, prompt, answer)
			return
		}
		h.t.host.AskPassword(h.t, prompt, func(v string, _, ok bool) { answer(v, false, ok) })
	})
}

func (h sessionHost) SavedEnable(profile string) (string, bool) {
	if ea, ok := h.t.host.(EnableAsker); ok {
		return ea.SavedEnable(profile)
	}
	return "", false
}
