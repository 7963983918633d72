package panel

import (
	"cmp"
	"net"
	"sync"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// What the person chose to keep until Tern closes, for every tab: a
// password given with Remember ticked, bound to where it was given for
// (placeOf: host, port, TLS, proxy), so that a new tab to the same server
// does not ask again while no keychain keeps it, and no other server ever
// gets it.

// runMemory is the process's memory of remembered passwords, and of the
// assistants' last field values (never a password) by host:port.
type runMemory struct {
	Mu        sync.Mutex
	passwords map[string]string   // by placeOf
	fields    map[fieldKey]string // by host:port and field
}

// fieldKey is one field of the assistants for one server.
type fieldKey struct{ server, field string }

var memory = &runMemory{passwords: map[string]string{}, fields: map[fieldKey]string{}}

// serverOf is the host:port a session configured as cfg goes to.
func serverOf(cfg protocol.Config) string {
	return net.JoinHostPort(cfg.Host, cmp.Or(cfg.Port, "23"))
}

// KeepFieldsForRun fills the panel's named fields with the values last
// typed in any tab to the same host:port since Tern started (over the
// profile's), and remembers each change, under the server the tab's
// Session goes to then. Never give it a password field.
func (b *Base) KeepFieldsForRun(fields map[string]*widgets.EscEntry) {
	server := serverOf(b.Tab.Settings().Engine)
	memory.Mu.Lock()
	defer memory.Mu.Unlock()
	for name, e := range fields {
		if v, ok := memory.fields[fieldKey{server, name}]; ok {
			e.SetText(v)
		}
		before := e.OnChanged
		e.OnChanged = func(text string) {
			memory.Mu.Lock()
			memory.fields[fieldKey{serverOf(b.Tab.Settings().Engine), name}] = text
			memory.Mu.Unlock()
			if before != nil {
				before(text)
			}
		}
	}
}

// RunPassword is the password the person chose to remember until Tern
// closes for a session configured as cfg.
func RunPassword(cfg protocol.Config) (string, bool) { return RunSecret("password", cfg) }

// KeepRunPassword remembers pw until Tern closes, for sessions configured
// as cfg only.
func KeepRunPassword(cfg protocol.Config, pw string) { KeepRunSecret("password", cfg, pw) }

// RunSecret is the secret of a kind ("password", or "enable" for a
// logon's enable secret) remembered until Tern closes for cfg's place.
func RunSecret(kind string, cfg protocol.Config) (string, bool) {
	memory.Mu.Lock()
	defer memory.Mu.Unlock()
	v, ok := memory.passwords[kind+" "+placeOf(cfg)]
	return v, ok
}

// KeepRunSecret remembers a secret of a kind until Tern closes, for
// sessions configured as cfg only.
func KeepRunSecret(kind string, cfg protocol.Config, v string) {
	memory.Mu.Lock()
	defer memory.Mu.Unlock()
	memory.passwords[kind+" "+placeOf(cfg)] = v
}

// ForgetRunPasswords forgets every password remembered until Tern closes
// (and the assistants' last field values).
func ForgetRunPasswords() {
	memory.Mu.Lock()
	defer memory.Mu.Unlock()
	clear(memory.passwords)
	clear(memory.fields)
}

// KeychainUsable reports whether a saved session called name may keep its
// password in the keychain: it is saved, and this computer has one.
func KeychainUsable(name string) bool {
	return name != "" && profiles.KeychainReady() == nil
}

// RememberLabel is the Remember check box's text for a session called
// name ("" when unsaved): the keychain when it can keep the password,
// else until Tern closes (KeychainWhyNot says why). It is short: a check
// box does not wrap, and a long one widens the assistant.
func RememberLabel(name string) string { return RememberLabelFor("password", name) }

// RememberLabelFor is RememberLabel for a secret called what ("password",
// "enable secret").
func RememberLabelFor(what, name string) string {
	if KeychainUsable(name) {
		return "Remember " + what + " in this computer's keychain"
	}
	return "Remember " + what + " until Tern closes"
}

// KeychainWhyNot says, in plain words, why a secret of a session called
// name is remembered only until Tern closes; "" when the keychain keeps
// it.
func KeychainWhyNot(name string) string {
	switch {
	case KeychainUsable(name):
		return ""
	case name == "":
		return "Remembered until Tern closes, for this server only: save the session to keep it in the keychain."
	default:
		return "This computer has no keychain Tern can use (on Linux: a Secret Service such as GNOME Keyring or KWallet), so it is remembered until Tern closes, for this server only."
	}
}
