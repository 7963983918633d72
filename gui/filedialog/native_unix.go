//go:build !windows && !darwin

package filedialog

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/godbus/dbus/v5"
	"github.com/rymdport/portal/filechooser"
)

// On Linux and the BSDs the desktop's own dialog is reached through the
// XDG desktop portal's FileChooser on the session bus (GNOME, KDE and
// others run one), else zenity or kdialog when installed; without any,
// Fyne's dialog is shown. Nothing of them is linked in: Tern runs where
// they are not.

// helpers are the dialog programs tried, in order, with their arguments
// for saving (name in dir) and opening (from dir).
var helpers = []struct {
	program    string
	save, open func(name, dir string) []string
}{
	{"zenity",
		func(name, dir string) []string {
			return []string{"--file-selection", "--save", "--confirm-overwrite", "--filename=" + filepath.Join(dir, name)}
		},
		func(_, dir string) []string { return []string{"--file-selection", "--filename=" + dir + "/"} }},
	{"kdialog",
		func(name, dir string) []string { return []string{"--getsavefilename", filepath.Join(dir, name)} },
		func(_, dir string) []string { return []string{"--getopenfilename", dir} }},
}

func nativeSave(name, dir string) (string, error) {
	if hasPortal() {
		uris, err := filechooser.SaveFile("", "Save", &filechooser.SaveFileOptions{CurrentName: name, CurrentFolder: dir})
		return fromPortal(uris, err)
	}
	return run(name, dir, true)
}

func nativeOpen(dir string) (string, error) {
	if hasPortal() {
		uris, err := filechooser.OpenFile("", "Open", &filechooser.OpenFileOptions{CurrentFolder: dir})
		return fromPortal(uris, err)
	}
	return run("", dir, false)
}

// portalName is the XDG desktop portal's well-known name.
const portalName = "org.freedesktop.portal.Desktop"

// hasPortal reports whether the session bus has the desktop portal,
// running or started on demand (asked each time: it costs two calls).
func hasPortal() bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	bus := conn.BusObject()
	var running bool
	if bus.Call("org.freedesktop.DBus.NameHasOwner", 0, portalName).Store(&running) == nil && running {
		return true
	}
	var names []string
	return bus.Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&names) == nil && slices.Contains(names, portalName)
}

// fromPortal is the portal's answer as a path (file:// URIs).
func fromPortal(uris []string, err error) (string, error) {
	switch {
	case err != nil:
		return "", err
	case len(uris) == 0:
		return "", errCancelled
	}
	u, err := url.Parse(uris[0])
	if err != nil || u.Scheme != "file" {
		return "", fmt.Errorf("filedialog: the portal chose %q, not a local file", uris[0])
	}
	return u.Path, nil
}

// run shows the first helper installed; errNoNative when none is.
func run(name, dir string, save bool) (string, error) {
	for _, h := range helpers {
		path, err := exec.LookPath(h.program)
		if err != nil {
			continue
		}
		args := h.open(name, dir)
		if save {
			args = h.save(name, dir)
		}
		var out bytes.Buffer
		cmd := exec.Command(path, args...)
		cmd.Stdout = &limited{&out, 64 << 10}
		err = cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 1 { // both say Cancel so
			return "", errCancelled
		}
		if err != nil {
			return "", err
		}
		chosen := strings.TrimRight(out.String(), "\r\n")
		if chosen == "" {
			return "", errCancelled
		}
		return chosen, nil
	}
	return "", errNoNative
}

// limited keeps at most n bytes of what is written to it (a path).
type limited struct {
	b *bytes.Buffer
	n int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.n - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
