package assist

import (
	"sync"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// What the person chose to keep until Tern closes, for every tab: a
// password given with Remember ticked, bound to where it was given for
// (placeOf: host, port, TLS, proxy), so that a new tab to the same server
// does not ask again while no keychain keeps it, and no other server ever
// gets it.

// runMemory is the process's memory of remembered passwords.
type runMemory struct {
	mu        sync.Mutex
	passwords map[string]string // by placeOf
}

var memory = &runMemory{passwords: map[string]string{}}

// RunPassword is the password the person chose to remember until Tern
// closes for a session configured as cfg.
func RunPassword(cfg protocol.Config) (string, bool) {
	memory.mu.Lock()
	defer memory.mu.Unlock()
	pw, ok := memory.passwords[placeOf(cfg)]
	return pw, ok
}

// KeepRunPassword remembers pw until Tern closes, for sessions configured
// as cfg only.
func KeepRunPassword(cfg protocol.Config, pw string) {
	memory.mu.Lock()
	defer memory.mu.Unlock()
	memory.passwords[placeOf(cfg)] = pw
}

// ForgetRunPasswords forgets every password remembered until Tern closes.
func ForgetRunPasswords() {
	memory.mu.Lock()
	defer memory.mu.Unlock()
	clear(memory.passwords)
}

// KeychainUsable reports whether a saved session called name may keep its
// password in the keychain: it is saved, and this computer has one.
func KeychainUsable(name string) bool {
	return name != "" && profiles.KeychainReady() == nil
}

// RememberLabel is the Remember check box's text for a session called
// name ("" when unsaved): the keychain when it can keep the password,
// else until Tern closes, saying why.
func RememberLabel(name string) string {
	switch {
	case KeychainUsable(name):
		return "Remember password in this computer's keychain"
	case name == "":
		return "Remember password until Tern closes (this server only; save the session to use the keychain)"
	default:
		return "Remember password until Tern closes (this server only): this computer has no keychain"
	}
}
