//go:build e2e

// Package e2e drives the real Tern binary in a real X window (under Xvfb)
// with xdotool, and takes screenshots with ImageMagick's import. Run it
// with `make test-e2e` or `make test`; it needs DISPLAY.
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/testwait"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binary returns the Tern binary under test: TERN_BIN, or one built once
// with the race detector, so the real driver's threading is checked.
func binary(t *testing.T) string {
	t.Helper()
	if b := os.Getenv("TERN_BIN"); b != "" {
		return b
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tern-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "tern")
		out, err := exec.Command("go", "build", "-race", "-tags", "no_emoji", "-o", builtBin, "../..").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// ShotDir is where screenshots go (E2E_SHOTS, or a temp folder).
func ShotDir(t *testing.T) string {
	dir := os.Getenv("E2E_SHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tern-e2e-shots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// App is one running Tern.
type App struct {
	t      *testing.T
	cmd    *exec.Cmd
	stderr *syncBuffer
	done   chan error
	Window string // X window id
	Home   string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Launch starts Tern with args in a fresh home folder and waits for its
// window.
func Launch(t *testing.T, args ...string) *App {
	t.Helper()
	return LaunchWith(t, nil, args...)
}

// LaunchWith is Launch with extra environment (such as FYNE_SCALE=2).
// Xvfb sometimes refuses a connection while it is still tearing down the
// previous test's window; such a start is tried again once.
func LaunchWith(t *testing.T, env []string, args ...string) *App {
	t.Helper()
	for try := 0; ; try++ {
		a, displayRefused := launch(t, env, args...)
		if !displayRefused || try > 0 {
			return a
		}
		time.Sleep(time.Second)
	}
}

// ternWindowName matches the main window's name: "Tern", or "host - Tern"
// with a tab in front (xdotool's extended expressions).
const ternWindowName = "(^| - )Tern$"

func launch(t *testing.T, env []string, args ...string) (*App, bool) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("DISPLAY is not set: run under xvfb-run (make test-e2e)")
	}
	home := t.TempDir()
	a := &App{t: t, stderr: &syncBuffer{}, done: make(chan error, 1), Home: home}
	a.cmd = exec.Command(binary(t), args...)
	a.cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "LANG=C.UTF-8", "FYNE_SCALE=1")
	a.cmd.Env = append(a.cmd.Env, env...)
	a.cmd.Stderr = a.stderr
	a.cmd.Stdout = a.stderr
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.done <- a.cmd.Wait() }()
	t.Cleanup(a.stop)
	deadline := time.Now().Add(60 * time.Second)
	for {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", ternWindowName).Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			a.Window = ids[len(ids)-1]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no Tern window after 60 s; output:\n%s", a.stderr.String())
		}
		select {
		case err := <-a.done:
			if strings.Contains(a.stderr.String(), "Failed to open display") {
				a.done <- err
				return a, true
			}
			t.Fatalf("Tern exited early (%v):\n%s", err, a.stderr.String())
		case <-time.After(200 * time.Millisecond):
		}
	}
	exec.Command("xdotool", "windowactivate", "--sync", a.Window).Run()
	w, h := "1100", "680"
	for _, e := range env {
		if e == "FYNE_SCALE=2" {
			w, h = "2200", "1360" // pixels: the same window in logical units
		}
	}
	a.resize(w, h)
	return a, false
}

// resize sets the window's size and waits until it has held for a while:
// the window may still apply its own first size just after it appears.
func (a *App) resize(w, h string) {
	want := w + "x" + h
	held := 0
	for try := 0; try < 40 && held < 3; try++ {
		out, _ := exec.Command("xdotool", "getwindowgeometry", a.Window).Output()
		if strings.Contains(string(out), "Geometry: "+want) {
			held++
		} else {
			held = 0
			exec.Command("xdotool", "windowsize", "--sync", a.Window, w, h).Run()
		}
		time.Sleep(150 * time.Millisecond)
	}
	if held < 3 {
		a.t.Logf("the window did not keep the size %s", want)
	}
	time.Sleep(300 * time.Millisecond)
}

func (a *App) stop() {
	if a.cmd.ProcessState == nil {
		a.cmd.Process.Kill()
		<-a.done
	}
	if strings.Contains(a.stderr.String(), "DATA RACE") {
		a.t.Errorf("the race detector reported a race:\n%s", a.stderr.String())
	}
}

// Title is the window's title.
func (a *App) Title() string {
	out, _ := exec.Command("xdotool", "getwindowname", a.Window).Output()
	return strings.TrimSpace(string(out))
}

// Type types text as keystrokes.
func (a *App) Type(text string) {
	a.run("xdotool", "type", "--delay", "30", "--window", a.Window, text)
}

// Key presses keys such as "Return" or "ctrl+bracketright".
func (a *App) Key(keys ...string) {
	for _, k := range keys {
		a.run("xdotool", "key", "--window", a.Window, k)
		time.Sleep(80 * time.Millisecond)
	}
}

// Click clicks at x, y (pixels from the window's top left corner).
func (a *App) Click(x, y int) { a.clickButton(x, y, "1") }

// RightClick clicks the right button at x, y.
func (a *App) RightClick(x, y int) { a.clickButton(x, y, "3") }

func (a *App) clickButton(x, y int, button string) {
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(x), fmt.Sprint(y), "click", button)
	time.Sleep(200 * time.Millisecond)
}

// SetClipboard puts text on the X clipboard: xclip holds it, answering
// every request, until the test ends.
func (a *App) SetClipboard(text string) {
	a.t.Helper()
	cmd := exec.Command("xclip", "-quiet", "-selection", "clipboard", "-i")
	cmd.Stdin = strings.NewReader(text)
	if err := cmd.Start(); err != nil {
		a.t.Fatalf("xclip (package xclip): %v", err)
	}
	a.t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	time.Sleep(300 * time.Millisecond) // let xclip own the selection
}

// DoubleClick double-clicks at x, y (pixels from the window's top left).
func (a *App) DoubleClick(x, y int) {
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(x), fmt.Sprint(y), "click", "--repeat", "2", "--delay", "80", "1")
	time.Sleep(500 * time.Millisecond)
}

func (a *App) run(name string, args ...string) {
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		a.t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// Screenshot saves the screen as NAME.png in ShotDir and returns its path.
// It fails the test if Tern is no longer running.
func (a *App) Screenshot(name string) string {
	// The binary is built with -race, which makes the widget's drawing
	// several times slower: give the last frame time to land.
	time.Sleep(1500 * time.Millisecond)
	a.AssertAlive()
	path := filepath.Join(ShotDir(a.t), name+".png")
	a.run("import", "-window", "root", path)
	a.t.Logf("screenshot: %s", path)
	return path
}

// AssertAlive fails the test when Tern has exited (or crashed).
func (a *App) AssertAlive() {
	a.t.Helper()
	select {
	case err := <-a.done:
		a.done <- err
		a.t.Fatalf("Tern is no longer running (%v):\n%s", err, a.stderr.String())
	default:
	}
}

// ScreenshotWindow saves only Tern's window as path.
func (a *App) ScreenshotWindow(path string) {
	time.Sleep(400 * time.Millisecond)
	a.AssertAlive()
	a.run("import", "-window", a.Window, path)
	a.t.Logf("screenshot: %s", path)
}

// WaitExit waits for Tern to exit by itself.
func (a *App) WaitExit(timeout time.Duration) error {
	select {
	case err := <-a.done:
		return err
	case <-time.After(timeout):
		a.t.Fatalf("Tern did not exit within %s", timeout)
	}
	return nil
}

// Output is what Tern printed.
func (a *App) Output() string { return a.stderr.String() }

// Eventually polls cond (which may take a screenshot) every 50 ms for up
// to 10 s.
func Eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testwait.Every(t, 10*time.Second, 50*time.Millisecond, what, cond)
}

// writeProfiles writes a profiles file holding sessions and returns the
// environment that points Tern at it.
func writeProfiles(t *testing.T, sessions ...map[string]any) (env []string, path string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "profiles.json")
	data, _ := json.Marshal(map[string]any{"version": 1, "profiles": sessions})
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{"TERN_PROFILES=" + path}, path
}

// peer is the address (or host) of a real test peer from the environment
// variable name that testdata/peers/start-all.sh prints; the test skips
// without it, and fails in CI.
func peer(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set: the CI must start the real peers (testdata/peers/start-all.sh)", name)
		}
		t.Skip("start the peers: eval \"$(testdata/peers/start-all.sh)\"")
	}
	return v
}

// Where Copy is in the summary dialog of a 1366x768 window.
const copyX, copyY = 618, 576

// copySummary presses Copy in the Run test's summary (in a 1366x768
// window) and returns the clipboard once it holds want.
func (a *App) copySummary(want string) string {
	a.t.Helper()
	a.Click(copyX, copyY)
	var clip string
	Eventually(a.t, "the summary on the clipboard", func() bool {
		out, _ := exec.Command("xclip", "-o", "-selection", "clipboard").Output()
		clip = string(out)
		return strings.Contains(clip, want)
	})
	return clip
}
