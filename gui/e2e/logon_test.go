//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/logon"
)

// Where the Logon actions header is in Edit and reconnect, in a 1100x680
// window.
const logonActionsX, logonActionsY = 700, 349 // the header under Proxy (closed)

// shotPath is where a window screenshot goes: name in the shots folder,
// or docs/readme.png for the README when README_SHOT=1.
func shotPath(t *testing.T, name, readme string) string {
	if os.Getenv("README_SHOT") == "1" {
		return filepath.Join("..", "..", "docs", readme+".png")
	}
	return filepath.Join(ShotDir(t), name+".png")
}

// TestLogonActionsLogIn opens a saved profile with the Unix template
// against the real inetutils telnetd peer: Tern asks the password once,
// logs in by itself and hands over the shell; the session log has the
// prompt, a timestamp on each line, and not the password. The window is
// saved as docs/logon.png and docs/logon-actions.png when README_SHOT=1.
func TestLogonActionsLogIn(t *testing.T) {
	addr := os.Getenv("TERN_PEER_TELNETD")
	if addr == "" {
		t.Skip("TERN_PEER_TELNETD is not set: eval \"$(testdata/peers/start-all.sh)\"")
	}
	host, port, _ := strings.Cut(addr, ":")
	const password = "E2e-Logon-Pw-5"
	log := filepath.Join(t.TempDir(), "session.log")
	env, _ := writeProfiles(t, map[string]any{"name": "Peer login", "host": host, "port": port, "user": "tester",
		"negotiation": "active", "closeOnExit": "never", "logMode": "printable", "logFile": log,
		"logTimestamp": "[&T] ", "logon": logon.Unix})
	a := LaunchWith(t, env, "-load", "Peer login")
	a.resize("1100", "680")
	time.Sleep(2 * time.Second) // the password question, asked before Tern dials
	a.Screenshot("40-logon-password-question")
	a.Type(password) // the password field has the focus
	a.Key("Return")
	read := func() string { b, _ := os.ReadFile(log); return string(b) }
	Eventually(t, "the shell prompt in the session log", func() bool {
		return strings.Contains(read(), "Welcome tester.") && strings.Contains(read(), "peer$")
	})
	time.Sleep(time.Second) // the -race binary draws the last frame
	a.ScreenshotWindow(shotPath(t, "41-logon-done", "logon"))
	a.Type("echo $((6*7))-by-hand")
	a.Key("Return")
	Eventually(t, "the command's output", func() bool { return strings.Contains(read(), "42-by-hand") })
	a.Key("ctrl+shift+e") // Edit and reconnect shows the steps
	waitForDialog(t, a)
	a.Click(logonActionsX, logonActionsY)
	time.Sleep(time.Second)
	a.ScreenshotWindow(shotPath(t, "42-logon-actions-in-the-form", "logon-actions"))
	text := read()
	if strings.Contains(text, password) {
		t.Fatalf("the session log holds the password:\n%s", text)
	}
	if !stampedLine(text, "Welcome tester.") {
		t.Fatalf("no timestamped Welcome line in the session log:\n%s", text)
	}
}

// stampedLine reports whether a line of log is "[hh:mm:ss] " (the
// profile's timestamp "[&T] ") and then text.
func stampedLine(log, text string) bool {
	for _, line := range strings.Split(log, "\n") {
		stamp, rest, ok := strings.Cut(line, "] ")
		if ok && strings.HasPrefix(rest, text) && len(stamp) == 9 && stamp[0] == '[' && stamp[3] == ':' && stamp[6] == ':' {
			return true
		}
	}
	return false
}

// waitForDialog waits until a dialog dims the window: the terminal's
// empty background at the bottom left darkens under the dialog's
// overlay. A loaded machine can take seconds to show it.
func waitForDialog(t *testing.T, a *App) {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "dialog.png")
	Eventually(t, "the dialog", func() bool {
		if exec.Command("import", "-window", a.Window, shot).Run() != nil {
			return false
		}
		out, _ := exec.Command("convert", shot, "-format", "%[pixel:p{20,600}]", "info:").Output()
		return len(out) > 0 && string(out) != "srgb(23,23,24)"
	})
	time.Sleep(time.Second) // the dialog's first frame
}
