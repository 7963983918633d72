package profiles

import (
	"errors"

	"github.com/zalando/go-keyring"
)

// keyringService names Tern's entries in the operating system's keychain.
const keyringService = "Tern"

// proxyKeyringService names the proxy passwords' entries, apart from the
// logon passwords' so neither can be mistaken for the other.
const proxyKeyringService = "Tern proxy"

// enableKeyringService names the enable secrets' entries ({enable}), apart
// from the login passwords'.
const enableKeyringService = "Tern enable"

// Secrets keeps passwords out of the profiles file: in the operating
// system's keychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows).
type Secrets struct {
	// Proxy picks the session's proxy password instead of its logon
	// password.
	Proxy bool
	// Enable picks the logon's enable secret instead of its password.
	Enable bool
}

func (s Secrets) service() string {
	switch {
	case s.Proxy:
		return proxyKeyringService
	case s.Enable:
		return enableKeyringService
	}
	return keyringService
}

// ErrNoSecret means nothing is remembered for that profile.
var ErrNoSecret = errors.New("no password remembered")

// Get returns the password remembered for a profile.
func (s Secrets) Get(profile string) (string, error) {
	pw, err := keyring.Get(s.service(), profile)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNoSecret
	}
	return pw, err
}

// Set remembers a password for a profile.
func (s Secrets) Set(profile, password string) error {
	return keyring.Set(s.service(), profile, password)
}

// Delete forgets a profile's password (no error when there was none).
func (s Secrets) Delete(profile string) error {
	err := keyring.Delete(s.service(), profile)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// Move carries a renamed profile's password to its new name, so that it
// stays bound to the session it was saved for and no entry is left
// behind under the old name. Nothing remembered is not an error.
func (s Secrets) Move(from, to string) error {
	if from == to {
		return nil
	}
	pw, err := s.Get(from)
	if errors.Is(err, ErrNoSecret) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.Set(to, pw); err != nil {
		return err
	}
	return s.Delete(from)
}
