//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingOpenGLIsExplained: when OpenGL is too old (forced with
// TERN_FAKE_OPENGL_VERSION), Tern opens no window but says what is
// missing and what to do, on stderr and in its startup log, and exits 1.
// gui/e2e/wine_test.go checks the Windows message box.
func TestMissingOpenGLIsExplained(t *testing.T) {
	config := t.TempDir()
	cmd := command(binary(t))
	cmd.Env = append(os.Environ(), "TERN_FAKE_OPENGL_VERSION=1.1", "XDG_CONFIG_HOME="+config)
	out, err := cmd.CombinedOutput()
	logPath := filepath.Join(config, "Tern", "startup.log")
	log, _ := os.ReadFile(logPath)
	want := "Tern needs OpenGL 2.1 or later to draw its window, and this computer offers only OpenGL 1.1"
	if code := exitCode(err); code != 1 || !strings.Contains(string(out), want) || !strings.Contains(string(out), "This message is also in "+logPath) {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	if !strings.Contains(string(log), want) || !strings.Contains(string(log), "What to do:") {
		t.Fatalf("%s:\n%s", logPath, log)
	}
}
