//go:build e2e && wine

package e2e

// The Windows build in real windows: Tern-windows-amd64.exe (TERN_EXE,
// from make dist-windows) under Wine and Xvfb. .ci/test-windows.sh smoke
// prepares Wine (see .ci/wine-env.sh) and runs these. Screenshots are
// windows-*.png; text on screen is read back with tesseract.

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
)

// wineLoader runs Windows programs.
var wineLoader = "wine"

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
	if l := os.Getenv("TERN_WINE_LOADER"); l != "" {
		wineLoader = l
	}
	wrapper := filepath.Join(dir, "tern")
	script := fmt.Sprintf("#!/bin/sh\nexec %q %q \"$@\"\n", wineLoader, exe)
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

// wineEnv gives each test its own profiles file. (%APPDATA% cannot be
// given: Wine sets it from the prefix; see appData.)
func wineEnv(t *testing.T) []string {
	return []string{"TERN_PROFILES=" + winPath(filepath.Join(t.TempDir(), "profiles.json"))}
}

// appData is %APPDATA% in the Wine prefix, as a Linux path.
func appData(t *testing.T) string {
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(os.Getenv("WINEPREFIX"), "drive_c", "users", u.Username, "AppData", "Roaming")
}

// shot saves Tern's window as testdata/screenshots/windows-NAME.png (or
// in E2E_SHOTS) and returns its path.
func (a *App) shot(name string) string {
	path := filepath.Join(ShotDir(a.t), "windows-"+name+".png")
	a.ScreenshotWindow(path)
	return path
}

// ocrWays are the ways a screenshot is read: tesseract misreads a little
// differently when the picture is also cut to black and white.
var ocrWays = [][]string{nil, {"-threshold", "60%"}, {"-threshold", "70%"}}

// screenText reads the words in a screenshot: grey, enlarged, dark on
// light, and prepared the way extra says.
func screenText(t *testing.T, png string, extra []string) string {
	t.Helper()
	mean, err := exec.Command("convert", png, "-colorspace", "Gray", "-format", "%[fx:mean]", "info:").Output()
	if err != nil {
		t.Fatal(err)
	}
	args := []string{png, "-colorspace", "Gray", "-resize", "300%"}
	if strings.HasPrefix(string(mean), "0.") && string(mean) < "0.5" {
		args = append(args, "-negate")
	}
	prepared := filepath.Join(t.TempDir(), "ocr.png")
	if out, err := exec.Command("convert", append(append(args, extra...), prepared)...).CombinedOutput(); err != nil {
		t.Fatalf("convert: %v\n%s", err, out)
	}
	out, err := exec.Command("tesseract", prepared, "stdout").Output()
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// squeeze drops case and spaces, which screen reading gets wrong most.
func squeeze(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }

// eventuallyOnScreen waits until one reading of the window shows every
// one of words.
func (a *App) eventuallyOnScreen(name string, words ...string) {
	a.t.Helper()
	var texts []string
	for try := 0; try < 10; try++ {
		shot := a.shot(name)
		texts = texts[:0]
		for _, way := range ocrWays {
			text := screenText(a.t, shot, way)
			texts = append(texts, text)
			missing := false
			for _, w := range words {
				missing = missing || !strings.Contains(squeeze(text), squeeze(w))
			}
			if !missing {
				return
			}
		}
	}
	a.t.Fatalf("the window does not show %q; it reads:\n%s", words, strings.Join(texts, "\n---\n"))
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

// pointAt puts the pointer in the middle of the window.
func (a *App) pointAt() {
	w, h := a.size()
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(w/2), fmt.Sprint(h/2))
}

// size is the window's width and height in pixels.
func (a *App) size() (w, h int) {
	out, err := exec.Command("xdotool", "getwindowgeometry", "--shell", a.Window).Output()
	if err != nil {
		a.t.Fatalf("xdotool getwindowgeometry: %v", err)
	}
	for _, kv := range strings.Fields(string(out)) {
		fmt.Sscanf(kv, "WIDTH=%d", &w)
		fmt.Sscanf(kv, "HEIGHT=%d", &h)
	}
	return w, h
}

// TestWineNewSessionDialog: Tern.exe alone opens the New session dialog,
// and a host and port typed into it open a session.
func TestWineNewSessionDialog(t *testing.T) {
	srv := NewServer(t, []byte("220 dialog.example.test ESMTP\r\n"), false)
	env := wineEnv(t)
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
// log (a Windows path) holds the banner; once the server has hung up
// (the tab stays: -close never), Quit exits with status 0.
func TestWineSession(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP ready\r\n"), false)
	env := wineEnv(t)
	log := filepath.Join(t.TempDir(), "session.log")
	a := LaunchWith(t, env, "-close", "never", "-sessionlog", winPath(log), "127.0.0.1", srv.Port())
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
	srv.Drop()
	a.eventuallyOnScreen("03-closed", "Connection closed by foreign host.")
	a.quit()
}

// quit chooses Session ▸ Quit (the menu's last item) with no session
// connected (so Tern does not ask) and expects Tern to exit with status 0.
// It waits for the menu to be on screen before choosing, and tries a
// second time if Tern is still running (under Wine a click on the menu
// bar was once lost in a clean-clone CI run).
func (a *App) quit() {
	a.t.Helper()
	for try := 1; ; try++ {
		a.Click(30, 12) // the Session menu, first in the window's menu bar
		a.eventuallyOnScreen(fmt.Sprintf("10-session-menu-%d", try), "Reconnect")
		a.wineKey("Up", "Return")
		select {
		case err := <-a.done:
			if err != nil {
				a.t.Fatalf("Quit: %v\n%s", err, a.Output())
			}
			return
		case <-time.After(15 * time.Second):
			if try == 2 {
				a.t.Fatalf("Tern did not exit within 15 s of Session ▸ Quit, twice\n%s", a.Output())
			}
			a.wineKey("Escape") // a menu left open would close at the next click
		}
	}
}

// TestWineRefused: a closed port reads as plain words on Windows too.
func TestWineRefused(t *testing.T) {
	port := loopserver.ClosedPort(t)
	env := wineEnv(t)
	a := LaunchWith(t, env, "127.0.0.1", port)
	a.eventuallyOnScreen("04-refused", "Nothing is listening on 127.0.0.1 port "+port, "(connection refused)")
}

// startWine starts a Windows program (a path or one of Wine's, such as
// wineconsole) under Wine, not through the harness, whose windows are
// called Tern; it is stopped when the test ends.
func startWine(t *testing.T, env []string, program string, args ...string) (*exec.Cmd, *syncBuffer, chan error) {
	t.Helper()
	cmd := exec.Command(wineLoader, append([]string{program}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	// Programs the Windows program starts (cmd.exe under wineconsole) hold
	// its output open after it ends: do not wait for them.
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-done
		}
	})
	return cmd, out, done
}

// waitWindow waits for a visible window of pid (0: of any process, which
// is then stopped when the test ends, such as a console's conhost.exe)
// whose name matches name.
func waitWindow(t *testing.T, pid int, name string) *App {
	t.Helper()
	if a := findWindow(t, pid, name, 60*time.Second); a != nil {
		return a
	}
	t.Fatalf("no window %q after 60 s; the visible windows: %q", name, visibleWindowNames())
	return nil
}

// findWindow is waitWindow's search: nil when no such window showed
// within d.
func findWindow(t *testing.T, pid int, name string, d time.Duration) *App {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		args := []string{"search", "--onlyvisible"}
		if pid != 0 {
			args = append(args, "--pid", fmt.Sprint(pid))
		}
		args = append(args, "--name", name)
		out, _ := exec.Command("xdotool", args...).Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			a := &App{t: t, Window: ids[0]}
			if pid == 0 {
				a.stopWithTest()
			}
			return a
		}
		time.Sleep(200 * time.Millisecond)
	}
	return nil
}

// visibleWindowNames are the names of the visible windows, for a test
// that did not find the one it waited for.
func visibleWindowNames() []string {
	out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", ".").Output()
	var names []string
	for _, id := range strings.Fields(string(out)) {
		name, _ := exec.Command("xdotool", "getwindowname", id).Output()
		names = append(names, strings.TrimSpace(string(name)))
	}
	return names
}

// TestWineMissingOpenGL: without OpenGL 2.1 (forced) Tern.exe shows a
// native message box that says what is missing and what to do, writes the
// same to %APPDATA%\Tern\startup.log, and exits 1 when it is closed.
func TestWineMissingOpenGL(t *testing.T) {
	logPath := filepath.Join(appData(t), "Tern", "startup.log")
	os.Remove(logPath)
	env := append(wineEnv(t), "TERN_FAKE_OPENGL_VERSION=1.1")
	cmd, out, done := startWine(t, env, os.Getenv("TERN_EXE"))
	box := waitWindow(t, cmd.Process.Pid, "^Tern cannot open its window$")
	box.eventuallyOnScreen("05-opengl-missing", "Tern needs OpenGL 2.1 or later", "Remote Desktop", "What to do", "Mesa")
	box.wineKey("Return") // OK
	select {
	case err := <-done:
		if code := exitCode(err); code != 1 {
			t.Fatalf("exit %d, want 1:\n%s", code, out.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Tern did not exit after OK")
	}
	log, err := os.ReadFile(logPath)
	want := "Tern needs OpenGL 2.1 or later to draw its window, and this computer offers only OpenGL 1.1 (forced by TERN_FAKE_OPENGL_VERSION).\r\n"
	if err != nil || !strings.Contains(string(log), want) || !strings.Contains(string(log), "opengl32.dll") {
		t.Fatalf("%s (%v):\n%s", logPath, err, log)
	}
}

// TestWineConsole: started from cmd.exe, Tern.exe (a GUI program, which
// Windows gives no console) prints -version and a mistake with the usage
// in that console; with its output redirected, a mistake exits 2. (Wine's
// cmd.exe gives it the console's handles, which Windows' does not: see
// TestWineConsoleWithoutHandles for the console Tern attaches to.)
func TestWineConsole(t *testing.T) {
	exe := winPath(os.Getenv("TERN_EXE"))
	line := fmt.Sprintf("%s -version & %s -bogus", exe, exe)
	startWine(t, nil, "wineconsole", "cmd", "/k", line)
	console := waitWindow(t, 0, `cmd\.exe$`) // the console's window belongs to conhost
	console.eventuallyOnScreen("06-console", "Tern 0.1.0", "tern: unknown option -bogus", "usage: tern [options] [host [port]]")

	piped := exec.Command(os.Getenv("TERN_BIN"), "-bogus")
	got, err := piped.CombinedOutput()
	if code := exitCode(err); code != 2 || !strings.Contains(string(got), "tern: unknown option -bogus\nusage: tern") {
		t.Fatalf("exit %d, output:\n%s", code, got)
	}
}

// TestWineConsoleWithoutHandles: the case TestWineConsole cannot reach
// under Wine, whose cmd.exe hands its console's handles to GUI programs
// too: Tern.exe started with no handles at all, as Windows starts a GUI
// program, still prints -help in the console of the program that started
// it, and opens no window.
func TestWineConsoleWithoutHandles(t *testing.T) {
	launcher := filepath.Join(t.TempDir(), "nohandles.exe")
	build := exec.Command("go", "build", "-o", launcher, "./testdata/nohandles")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building nohandles: %v\n%s", err, out)
	}
	// Wine's console once never opened its window in CI (a run of five
	// passed here): a second console is started then, and the first's
	// output and the windows in sight are logged.
	var console *App
	for attempt := 1; console == nil; attempt++ {
		cmd, out, _ := startWine(t, nil, "wineconsole", winPath(launcher), winPath(os.Getenv("TERN_EXE")), "-help")
		console = findWindow(t, 0, `nohandles\.exe$`, 30*time.Second)
		if console == nil {
			_ = cmd.Process.Kill()
			if attempt == 2 {
				t.Fatalf("no console window \"nohandles.exe\" after two tries; the visible windows: %q; wineconsole said:\n%s", visibleWindowNames(), out.String())
			}
			t.Logf("no console window after 30 s; the visible windows: %q; wineconsole said:\n%s", visibleWindowNames(), out.String())
		}
	}
	console.eventuallyOnScreen("06-console-without-handles", "usage: tern [options] [host [port]]", "print this help and exit", "it ended well")
	if len(ternWindows()) > 0 {
		t.Fatal("Tern opened a window although it had a console to print in")
	}
}

// TestWineTelnetLink: docs/windows/telnet-links.reg, imported as a double
// click would, makes telnet:// links open Tern.exe in C:\Program Files\Tern.
// Windows reads a user's handlers from HKEY_CURRENT_USER\Software\Classes,
// where the file puts them; Wine 8 reads only HKEY_CLASSES_ROOT, so the
// test imports the file with that one path changed.
func TestWineTelnetLink(t *testing.T) {
	dir := filepath.Join(os.Getenv("WINEPREFIX"), "drive_c", "Program Files", "Tern")
	exe, err := os.ReadFile(os.Getenv("TERN_EXE"))
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "Tern.exe"), exe, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	reg, err := os.ReadFile("../../docs/windows/telnet-links.reg")
	if err != nil {
		t.Fatal(err)
	}
	forWine := filepath.Join(t.TempDir(), "telnet-links.reg")
	os.WriteFile(forWine, []byte(strings.ReplaceAll(string(reg), `HKEY_CURRENT_USER\Software\Classes\`, `HKEY_CLASSES_ROOT\`)), 0o644)
	if out, err := exec.Command(wineLoader, "regedit", "/S", winPath(forWine)).CombinedOutput(); err != nil {
		t.Fatalf("regedit: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command(wineLoader, "reg", "delete", `HKCR\telnet`, "/f").Run() })

	srv := NewServer(t, []byte("220 link.example.test ESMTP\r\n"), false)
	startWine(t, wineEnv(t), "start", "telnet://127.0.0.1:"+srv.Port()+"/")
	Eventually(t, "a connection from the link", func() bool { return srv.Connections() == 1 })
	a := anyTernWindow(t)
	if a == nil {
		t.Fatal("no Tern window")
	}
	a.eventuallyOnScreen("07-telnet-link", "127.0.0.1:"+srv.Port(), "Connected to 127.0.0.1", "ESMTP")
}

// TestWineHelpWithoutConsole: started with no console at all (as from a
// shortcut; Wine's start /unix gives none), Tern.exe -help shows the
// usage in a window of its own, in columns, which OK closes.
func TestWineHelpWithoutConsole(t *testing.T) {
	startWine(t, wineEnv(t), "start", "/unix", os.Getenv("TERN_EXE"), "-help")
	var a *App
	Eventually(t, "the help window", func() bool { a = anyTernWindow(t); return a != nil })
	a.eventuallyOnScreen("08-help-without-console", "usage: tern [options] [host [port]]", "-sessionlog file", "print this help and exit")
	w, h := a.size()
	a.Click(w/2, h-22) // OK, at the bottom in the middle
	Eventually(t, "the help window to close", func() bool { return len(ternWindows()) == 0 })
}

// TestWineUsageDialog: a mistake from a launcher (-launcher) is shown in
// the window too, the usage in columns.
func TestWineUsageDialog(t *testing.T) {
	a := LaunchWith(t, wineEnv(t), "-launcher", "-close", "sometimes", "host")
	a.eventuallyOnScreen("09-usage-dialog", "The command line was not understood", "-close takes always, never or clean", "-sessionlog file")
}

// anyTernWindow is a visible Tern window of whatever process (one started
// through the shell), or nil. Its process is stopped when the test ends.
func anyTernWindow(t *testing.T) *App {
	ids := ternWindows()
	if len(ids) == 0 {
		return nil
	}
	a := &App{t: t, Window: ids[len(ids)-1]}
	a.stopWithTest()
	return a
}

// stopWithTest stops the window's process when the test ends.
func (a *App) stopWithTest() {
	if pid, err := exec.Command("xdotool", "getwindowpid", a.Window).Output(); err == nil {
		a.t.Cleanup(func() { exec.Command("kill", strings.TrimSpace(string(pid))).Run() })
	}
}

// ternWindows lists the visible windows called Tern (or "host - Tern").
func ternWindows() []string {
	out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", ternWindowName).Output()
	return strings.Fields(string(out))
}
