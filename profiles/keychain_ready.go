package profiles

import (
	"errors"
	"fmt"
	"sync"

	"github.com/zalando/go-keyring"
)

// ErrNoKeychain means this computer has no keychain Tern can use (on
// Linux and the BSDs: no Secret Service on the session bus, such as GNOME
// Keyring or KWallet).
var ErrNoKeychain = errors.New("profiles: no keychain")

var (
	keychainOnce sync.Once
	keychainErr  error
)

// KeychainReady reports whether the operating system's keychain can keep
// passwords: nil when it can, else an error wrapping ErrNoKeychain that
// says what is missing. It asks once, without unlocking anything (no
// prompt), and answers the same for the rest of the process.
func KeychainReady() error {
	keychainOnce.Do(func() {
		if err := probeKeychain(); err != nil {
			keychainErr = fmt.Errorf("%w: %v", ErrNoKeychain, err)
		}
	})
	return keychainErr
}

// MockKeychain makes the keychain an empty one in memory that is ready
// (go-keyring's mock), for tests of code that keeps passwords.
func MockKeychain() {
	keyring.MockInit()
	keychainOnce.Do(func() {})
	keychainErr = nil
}

// MockNoKeychain makes the keychain missing, as on a Linux desktop without
// a Secret Service, for tests: KeychainReady says why, every call fails.
func MockNoKeychain() {
	why := errors.New(`exec: "dbus-launch": executable file not found in $PATH`)
	keyring.MockInitWithError(why)
	keychainOnce.Do(func() {})
	keychainErr = fmt.Errorf("%w: %v", ErrNoKeychain, why)
}
