package protocol

import "strings"

// CloseOnExit is PuTTY's "Close window on exit": what the tab holding a
// session does when the session ends. It is a session setting (the
// command line, a profile and the New session dialog all set it), so it
// lives here, beside Config, where each of them can reach it.
type CloseOnExit int

// The three close-on-exit settings. Tern's default is CloseNever: a tab
// whose connection ended stays, marked closed, with its transcript, until
// the person closes it. PuTTY's choices remain for those who set them.
const (
	CloseNever  CloseOnExit = iota // never: the tab stays, marked closed (Tern's default)
	CloseClean                     // only on a clean exit (PuTTY's default)
	CloseAlways                    // always
)

// ParseCloseOnExit reads "clean", "always" or "never".
func ParseCloseOnExit(s string) (CloseOnExit, bool) {
	switch strings.ToLower(s) {
	case "clean":
		return CloseClean, true
	case "always":
		return CloseAlways, true
	case "never":
		return CloseNever, true
	}
	return CloseNever, false
}

// String is the setting's name, as ParseCloseOnExit reads it.
func (c CloseOnExit) String() string { return [...]string{"never", "clean", "always"}[c] }
