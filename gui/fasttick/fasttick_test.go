package fasttick

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestWrittenForPinnedFyne fails when go.mod or go.sum moves Fyne: the
// reach into its driver (reach.go, rest.go, x11.go) must be checked
// against the new version's internal/driver/glfw and internal/async
// first. At run time checkBuild compares the same two facts with the
// binary's build information.
func TestWrittenForPinnedFyne(t *testing.T) {
	if v := requiredVersion(t, "../../go.mod", fyneModule); v != WrittenFor {
		t.Fatalf("go.mod has Fyne %s; gui/fasttick was written for %s", v, WrittenFor)
	}
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	if want := fyneModule + " " + WrittenFor + " " + writtenForSum + "\n"; !strings.Contains(string(sum), want) {
		t.Fatalf("go.sum has no line %q", want)
	}
}

// requiredVersion is the version go.mod at path requires of module.
func requiredVersion(t *testing.T, path, module string) string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == module {
			return fields[1]
		}
	}
	t.Fatalf("%s does not require %s", path, module)
	return ""
}

// TestStartNeedsTheDesktopDriver: with any other driver (here the test
// driver) Start declines, and Shown is harmless.
func TestStartNeedsTheDesktopDriver(t *testing.T) {
	test.NewTempApp(t)
	if Start() {
		t.Fatal("Start took the test driver for Fyne's desktop driver")
	}
	r0, d0, a0 := Counts() // other tests of this binary may have counted
	Shown()
	if r, d, a := Counts(); r != r0 || d != d0 || a != a0 {
		t.Fatalf("counts %d, %d, %d became %d, %d, %d without a start", r0, d0, a0, r, d, a)
	}
}
