//go:build e2e

package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFasttickDeclinesOnAChangedFyne: Tern built against a copy of the
// pinned Fyne whose queue element (glfw.funcData) has one more field, as
// an upstream change could give it, brought in by a replace that leaves
// go.mod's version line as it was. gui/fasttick must see, at run time,
// that the module is replaced and that the queue's element no longer
// has its copy's layout, and decline; Fyne's own loop then reads and
// draws keys as it always does.
func TestFasttickDeclinesOnAChangedFyne(t *testing.T) {
	t.Setenv("TERN_BIN", buildWithChangedFyne(t))
	srv := NewServer(t, []byte("220 ready\r\n"), false)
	a := LaunchWith(t, []string{"TERN_STATS=1"}, "-close", "always", "127.0.0.1", srv.Port())
	before := a.cursorBand(t, "16-changed-fyne")
	time.Sleep(time.Second) // time in which fasttick would have rested
	a.typeLineAndSeeIt(t, srv, before, "17-changed-fyne-typed")
	srv.Drop()
	if err := a.WaitExit(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	out := a.Output()
	for _, why := range []string{
		"keys wait for Fyne's tick",
		"fasttick: fyne.io/fyne/v2 is replaced by",
		"fasttick: fasttick.unboundedChan.in element is a 24-byte struct in this binary, not a 16-byte struct",
	} {
		if !strings.Contains(out, why) {
			t.Errorf("Tern did not say %q; it said:\n%s", why, out)
		}
	}
	for name, n := range fasttickStats(t, out) {
		if n != 0 {
			t.Errorf("%s=%d: fasttick reached into a Fyne it does not know", name, n)
		}
	}
}

// buildWithChangedFyne builds Tern against a copy of the Fyne module
// go.mod pins, with a field added to the driver's queue element, through
// a go.mod of its own (-modfile) that replaces the module with the copy.
func buildWithChangedFyne(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	version := ""
	for _, line := range strings.Split(string(gomod), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "fyne.io/fyne/v2" {
			version = f[1]
		}
	}
	cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil || version == "" {
		t.Fatalf("no Fyne in go.mod (%q) or no module cache (%v)", version, err)
	}
	dir := t.TempDir()
	fyne := filepath.Join(dir, "fyne")
	copyTree(t, filepath.Join(strings.TrimSpace(string(cache)), "fyne.io", "fyne", "v2@"+version), fyne)

	loop := filepath.Join(fyne, "internal", "driver", "glfw", "loop.go")
	src, err := os.ReadFile(loop)
	if err != nil {
		t.Fatal(err)
	}
	field := "\tdone chan struct{} // Zero allocation signalling channel\n"
	if !strings.Contains(string(src), field) {
		t.Fatalf("%s has no line %q to add a field after", loop, field)
	}
	changed := strings.Replace(string(src), field, field+"\tqueuedAt int64 // a field Fyne could add\n", 1)
	writeText(t, loop, changed)

	writeText(t, filepath.Join(dir, "go.mod"), string(gomod)+"\nreplace fyne.io/fyne/v2 => "+fyne+"\n")
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeText(t, filepath.Join(dir, "go.sum"), string(sum))

	bin := filepath.Join(dir, "tern")
	start := time.Now()
	// Only the copy and what imports it are compiled (~25 s of CPU); the
	// rest, GLFW's C code included, comes from the build cache. (-trimpath
	// would take nothing from it.)
	build := exec.Command("go", "build", "-modfile", filepath.Join(dir, "go.mod"), "-tags", "no_emoji", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building Tern against the changed Fyne: %v\n%s", err, out)
	}
	t.Logf("built Tern against the changed Fyne in %.1f s", time.Since(start).Seconds())
	return bin
}

// copyTree copies the regular files under src to dst, writable.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeText(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
