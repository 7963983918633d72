package screen_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/screen"
)

// vttestDir holds what testdata/vttest/capture.sh recorded: vttest's
// output to xterm (vttest.raw), how much of it had been written at each
// screen (screens.offsets), and xterm's text of each screen.
var vttestDir = filepath.Join("..", "..", "testdata", "vttest")

// TestVttestScreensMatchXterm replays vttest's output into the model (which
// takes DECCOLM's width itself, whenever a window follows), and compares every
// recorded screen's text with xterm's printout of it (of a double-width
// line, the half a painter shows), and its width, DECSCNM and line sizes
// with what xterm's screenshots show (vttestViews).
func TestVttestScreensMatchXterm(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(vttestDir, "vttest.raw"))
	if err != nil {
		t.Fatal(err)
	}
	s := screen.New(80, 24, 100)
	fed := 0
	for _, sc := range readScreens(t) {
		s.Write(raw[fed:sc.offset])
		fed = sc.offset
		data, err := os.ReadFile(filepath.Join(vttestDir, "xterm-"+sc.name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		got := shownRows(s)
		for r := range max(len(got), len(want)) {
			if g, w := at(got, r), at(want, r); g != w {
				t.Errorf("screen %s row %d:\n  tern  %q\n  xterm %q", sc.name, r, g, w)
			}
		}
		if got, want := viewOf(s), vttestViews[sc.name].orDefault(); got != want {
			t.Errorf("screen %s: %+v, want %+v", sc.name, got, want)
		}
	}
}

// vttestView is what a painter needs beyond the text.
type vttestView struct {
	cols    int
	reverse bool   // DECSCNM
	sizes   string // LineAttrs, one digit a row; "" if all are normal
}

// vttestViews lists the screens that are not 80 columns of normal lines on
// the normal background, as xterm's screenshots show them.
var vttestViews = map[string]vttestView{
	"1.2": {cols: 132}, "1.4": {cols: 132},
	"2.3": {cols: 132, reverse: true}, "2.4": {reverse: true}, "2.5": {cols: 132}, "2.14": {reverse: true},
	"4.1": {sizes: "000000001023023000000000"},
	"4.2": {sizes: "000000001023023000001000"},
	"4.3": {cols: 132, sizes: "000000001023023000000000"},
	"4.4": {cols: 132, sizes: "000000001023023000001000"},
	"4.5": {sizes: "000000023232323230000000"},
	"4.6": {sizes: "000000000000000000023232"},
	"8.6": {sizes: strings.Repeat("1", 24)},
	"8.8": {cols: 132}, "8.9": {cols: 132}, "8.10": {cols: 132}, "8.11": {cols: 132}, "8.12": {cols: 132},
	"8.13": {cols: 132, sizes: strings.Repeat("1", 24)}, "8.14": {cols: 132},
}

func (v vttestView) orDefault() vttestView {
	if v.cols == 0 {
		v.cols = 80
	}
	return v
}

func viewOf(s *screen.Screen) vttestView {
	var snap screen.Snapshot
	s.Snapshot(&snap)
	v := vttestView{cols: snap.Cols, reverse: snap.ReverseScreen}
	sizes := make([]byte, len(snap.LineAttrs))
	for i, a := range snap.LineAttrs {
		sizes[i] = '0' + byte(a)
	}
	if strings.Trim(string(sizes), "0") != "" {
		v.sizes = string(sizes)
	}
	return v
}

type vttestScreen struct {
	name   string
	offset int
}

func readScreens(t *testing.T) []vttestScreen {
	f, err := os.Open(filepath.Join(vttestDir, "screens.offsets"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []vttestScreen
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, off, _ := strings.Cut(sc.Text(), " ")
		n, err := strconv.Atoi(off)
		if err != nil {
			t.Fatalf("screens.offsets: %q", sc.Text())
		}
		out = append(out, vttestScreen{name, n})
	}
	return out
}

// shownRows is the text a painter shows: the first half of a double-width
// line, blanks (no-break spaces too, as xterm's dump) cut at the right.
func shownRows(s *screen.Screen) []string {
	var snap screen.Snapshot
	s.Snapshot(&snap)
	out := make([]string, len(snap.Lines))
	for r, cells := range snap.Lines {
		if snap.LineAttrs[r] != screen.LineNormal {
			cells = cells[:snap.Cols/2]
		}
		text := (&screen.Line{Cells: cells}).Text()
		out[r] = strings.TrimRight(strings.ReplaceAll(text, "\u00a0", " "), " ")
	}
	return out
}

func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return ""
}
