//go:build e2e

package e2e

import (
	"bufio"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// vttestScreens are the vttest screens the display issues (10, 25) are
// about; the recorded vttest output up to each (testdata/vttest) is served
// to the real window, and its picture kept beside xterm's.
var vttestScreens = []string{"1.1", "1.2", "1.3", "1.4", "2.3", "2.5", "2.13", "2.14", "3.8", "3.9", "4.1", "4.3",
	"4.5", "4.6", "8.8", "8.13", "11.6.4a", "11.6.4b"}

func vttestOffsets(t *testing.T) map[string]int {
	f, err := os.Open("../../testdata/vttest/screens.offsets")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	offsets := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, n, ok := strings.Cut(sc.Text(), " "); ok {
			offsets[name], _ = strconv.Atoi(n)
		}
	}
	return offsets
}

// brightness is the mean grey level of the terminal's area of a window
// screenshot.
func brightness(img image.Image) float64 {
	var sum, n float64
	b := img.Bounds()
	for y := b.Min.Y + 130; y < b.Min.Y+400 && y < b.Max.Y; y += 3 {
		for x := b.Min.X + 10; x < b.Min.X+600 && x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum += float64(r+g+bl) / 3 / 257
			n++
		}
	}
	return sum / n
}

// TestVttestScreensInTheWindow draws the recorded vttest screens in the
// real window (VTTEST_SHOTS=dir keeps them as tern-<screen>.png there, as
// testdata/vttest holds them), and checks what a look can: the screen in
// reverse video (DECSCNM, 2.3) is light where the normal one (2.5) is dark.
func TestVttestScreensInTheWindow(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/vttest/vttest.raw")
	if err != nil {
		t.Fatal(err)
	}
	offsets := vttestOffsets(t)
	dir := os.Getenv("VTTEST_SHOTS")
	if dir == "" {
		dir = ShotDir(t)
	}
	light := map[string]float64{}
	for _, name := range vttestScreens {
		end, ok := offsets[name]
		if !ok || end > len(raw) {
			t.Fatalf("screen %s is not in screens.offsets", name)
		}
		srv := NewServer(t, raw[:end], false)
		a := Launch(t, "127.0.0.1", srv.Port())
		path := filepath.Join(dir, "tern-"+name+".png")
		time.Sleep(1200 * time.Millisecond) // the -race binary draws slowly
		a.ScreenshotWindow(path)
		light[name] = brightness(loadPNG(t, path))
		a.stop()
	}
	if light["2.3"] < light["2.5"]+60 {
		t.Errorf("screen 2.3 (reverse video) has mean brightness %.0f, 2.5 (normal) %.0f: DECSCNM is not drawn", light["2.3"], light["2.5"])
	}
}
