package fasttick

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestWrittenForPinnedFyne fails when go.mod moves Fyne: the reach into
// its driver (drawSingleFrame, funcQueue, the driver's type name and the
// fields rest.go reads) must be checked against the new version's
// internal/driver/glfw (loop.go, driver.go, window_desktop.go) first.
func TestWrittenForPinnedFyne(t *testing.T) {
	f, err := os.Open("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "fyne.io/fyne/v2" {
			if fields[1] != WrittenFor {
				t.Fatalf("go.mod has Fyne %s; gui/fasttick was written for %s", fields[1], WrittenFor)
			}
			return
		}
	}
	t.Fatal("go.mod does not require fyne.io/fyne/v2")
}

// TestStartNeedsTheDesktopDriver: with any other driver (here the test
// driver) Start declines, and Shown is harmless.
func TestStartNeedsTheDesktopDriver(t *testing.T) {
	test.NewTempApp(t)
	if Start() {
		t.Fatal("Start took the test driver for Fyne's desktop driver")
	}
	Shown()
	if r, d, a := Counts(); r != 0 || d != 0 || a != 0 {
		t.Fatalf("counts %d, %d, %d without a start", r, d, a)
	}
}
