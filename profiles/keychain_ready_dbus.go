//go:build linux || freebsd || openbsd || netbsd || dragonfly

package profiles

import (
	"errors"
	"slices"

	"github.com/godbus/dbus/v5"
)

// secretServiceName is the Secret Service's well-known name on the
// session bus (freedesktop.org Secret Service API).
const secretServiceName = "org.freedesktop.secrets"

// probeKeychain looks for the Secret Service on the session bus: running
// now, or started by the bus when asked (activatable). It opens no
// collection, so nothing asks the person to unlock one.
func probeKeychain() error {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return err // "exec: \"dbus-launch\": executable file not found" without a bus
	}
	defer conn.Close()
	bus := conn.BusObject()
	var running bool
	if err := bus.Call("org.freedesktop.DBus.NameHasOwner", 0, secretServiceName).Store(&running); err != nil {
		return err
	}
	if running {
		return nil
	}
	var names []string
	if err := bus.Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&names); err != nil {
		return err
	}
	if slices.Contains(names, secretServiceName) {
		return nil
	}
	return errors.New("no Secret Service (such as GNOME Keyring or KWallet) on the session bus")
}
