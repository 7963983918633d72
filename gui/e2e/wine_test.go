//go:build e2e && wine

package e2e

// The Windows build in real windows: Tern-windows-amd64.exe (TERN_EXE,
// from make dist-windows) under Wine and Xvfb. .ci/test-windows.sh smoke
// prepares Wine (see .ci/wine-env.sh) and runs these. Screenshots are
// windows-*.png; text on screen is read back with tesseract.

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	exe := os.Getenv("TERN_EXE")
	if exe == "" {
		fmt.Fprintln(os.Stderr, "TERN_EXE must name Tern-windows-amd64.exe: run .ci/test-windows.sh smoke")
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "tern-wine")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// The harness starts TERN_BIN and finds its window by pid: Wine's
	// loader (TERN_WINE_LOADER, set by .ci/wine-env.sh) runs the .exe in
	// the process it was started as, where the wine script starts another.
	loader := os.Getenv("TERN_WINE_LOADER")
	if loader == "" {
		loader = "wine"
	}
	wrapper := filepath.Join(dir, "tern")
	script := fmt.Sprintf("#!/bin/sh\nexec %q %q \"$@\"\n", loader, exe)
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("TERN_BIN", wrapper)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// winPath is path as a Windows program under Wine names it: drive Z: is /.
func winPath(path string) string { return "Z:" + strings.ReplaceAll(path, "/", `\`) }

// wineEnv gives each test its own profiles file and %APPDATA%.
func wineEnv(t *testing.T) (env []string, appData string) {
	dir := t.TempDir()
	appData = filepath.Join(dir, "AppData")
	return []string{"TERN_PROFILES=" + winPath(filepath.Join(dir, "profiles.json")), "APPDATA=" + winPath(appData)}, appData
}

// shot saves Tern's window as testdata/screenshots/windows-NAME.png (or
// in E2E_SHOTS) and returns its path.
func (a *App) shot(name string) string {
	path := filepath.Join(ShotDir(a.t), "windows-"+name+".png")
	a.ScreenshotWindow(path)
	return path
}

// screenText reads the words in a screenshot: grey, enlarged, and dark
// text on light, which is what tesseract reads best.
func screenText(t *testing.T, png string) string {
	t.Helper()
	mean, err := exec.Command("convert", png, "-colorspace", "Gray", "-format", "%[fx:mean]", "info:").Output()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{png, "-colorspace", "Gray", "-resize", "300%"}
	if strings.HasPrefix(string(mean), "0.") && string(mean) < "0.5" {
		args = append(args, "-negate")
	}
	big := filepath.Join(t.TempDir(), "ocr.png")
	if out, err := exec.Command("convert", append(args, big)...).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v\n%s", err, out)
	}
	out, err := exec.Command("tesseract", big, "stdout").Output()
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// eventuallyOnScreen waits until the window shows every one of words.
func (a *App) eventuallyOnScreen(name string, words ...string) {
	a.t.Helper()
	var text string
	for try := 0; try < 10; try++ {
		text = screenText(a.t, a.shot(name))
		missing := false
		for _, w := range words {
			missing = missing || !strings.Contains(text, w)
		}
		if !missing {
			return
		}
	}
	a.t.Fatalf("the window does not show %q; it reads:\n%s", words, text)
}

// Wine takes Shift and Ctrl from the keyboard's real state, not from the
// event, so keys sent to a window (xdotool --window, as Type and Key do)
// lose them: "EHLO" arrives as "ehlo". These press keys on the X server's
// own keyboard (XTEST) instead, with the pointer over the window, which
// then has the keyboard: Xvfb runs no window manager.

func (a *App) wineType(text string) {
	a.pointAt()
	a.run("xdotool", "type", "--delay", "30", text)
}

func (a *App) wineKey(keys ...string) {
	a.pointAt()
	for _, k := range keys {
		a.run("xdotool", "key", k)
		time.Sleep(80 * time.Millisecond)
	}
}

func (a *App) pointAt() { a.run("xdotool", "mousemove", "--window", a.Window, "600", "400") }

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	return port
}

// TestWineNewSessionDialog: Tern.exe alone opens the New session dialog,
// and a host and port typed into it open a session.
func TestWineNewSessionDialog(t *testing.T) {
	srv := NewServer(t, []byte("220 dialog.example.test ESMTP\r\n"), false)
	env, _ := wineEnv(t)
	a := LaunchWith(t, env)
	a.eventuallyOnScreen("01-new-session-dialog", "Host", "Port", "Bind address", "Connection type", "Default Settings")
	a.wineType("127.0.0.1")
	a.wineKey("Tab", "ctrl+a")
	a.wineType(srv.Port())
	a.wineKey("Return")
	Eventually(t, "a connection from the dialog", func() bool { return srv.Connections() == 1 })
}

// TestWineSession: Tern.exe 127.0.0.1 PORT connects, what is typed
// arrives exactly (no Telnet bytes on a port other than 23), the session
// log (a Windows path) holds the banner, and Quit exits with status 0.
func TestWineSession(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP ready\r\n"), false)
	env, _ := wineEnv(t)
	log := filepath.Join(t.TempDir(), "session.log")
	a := LaunchWith(t, env, "-sessionlog", winPath(log), "127.0.0.1", srv.Port())
	Eventually(t, "a connection", func() bool { return srv.Connections() == 1 })
	a.wineType("EHLO x")
	a.wineKey("Return")
	Eventually(t, "EHLO at the server", func() bool { return srv.Received() == "EHLO x\r\n" })
	if got := srv.Received(); got != "EHLO x\r\n" {
		t.Fatalf("server got %q, want %q", got, "EHLO x\r\n")
	}
	Eventually(t, "the banner in the session log", func() bool {
		data, _ := os.ReadFile(log)
		return strings.Contains(string(data), "220 mail.example.test ESMTP ready")
	})
	a.eventuallyOnScreen("02-session", "220 mail.example.test ESMTP ready", "EHLO x")
	a.quitLive()
}

// quitLive chooses Session ▸ Quit (the menu's last item) over a live
// session, answers Yes to "Quit Tern?" (Tab reaches No, then Yes; Space
// presses it) and expects Tern to exit with status 0.
func (a *App) quitLive() {
	a.t.Helper()
	a.Click(30, 12) // the Session menu, first in the window's menu bar
	a.wineKey("Up", "Return")
	a.eventuallyOnScreen("03-quit", "Quit Tern?", "session(s) are still connected")
	a.wineKey("Tab", "Tab", "space")
	if err := a.WaitExit(20 * time.Second); err != nil {
		a.t.Fatalf("Quit: %v\n%s", err, a.Output())
	}
}

// TestWineRefused: a closed port reads as plain words on Windows too.
func TestWineRefused(t *testing.T) {
	port := closedPort(t)
	env, _ := wineEnv(t)
	a := LaunchWith(t, env, "127.0.0.1", port)
	a.eventuallyOnScreen("04-refused", "Nothing is listening on 127.0.0.1 port "+port, "(connection refused)")
}
