package screen_test

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/tern-telnet/tern/gui/screen"
)

// The differential test feeds recorded output of real programs (made with
// script(1) at 80x24, TERM=xterm-256color: ls --color, top -b, vim
// opening and quitting a file, less, an SGR sampler) to Tern's model and to
// an independent emulator (charmbracelet/x/vt) and compares the screens'
// text and attributes at many points of each recording.
//
// Intended differences, not compared:
//   - Combining marks: Tern keeps one rune per cell and drops them.
//   - Underline and italic are kept by Tern's model but the widget cannot
//     draw them; they are compared all the same (the model must be right).
//   - Colours set by OSC 4/10/11 queries are never answered by Tern.

func oracleScreen(t *testing.T, data []byte) *vt.Emulator {
	e := vt.NewEmulator(80, 24)
	go io.Copy(io.Discard, e) // answers to queries go nowhere
	if _, err := e.Write(data); err != nil {
		t.Fatal(err)
	}
	return e
}

func colorKey(c color.Color) string {
	switch v := c.(type) {
	case nil:
		return ""
	case ansi.BasicColor:
		return fmt.Sprintf("p%d", uint8(v))
	case ansi.IndexedColor:
		return fmt.Sprintf("p%d", uint8(v))
	}
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

func ourColorKey(c screen.Color) string {
	if n, ok := c.IsPalette(); ok {
		return fmt.Sprintf("p%d", n)
	}
	if r, g, b, ok := c.IsRGB(); ok {
		return fmt.Sprintf("#%02x%02x%02x", r, g, b)
	}
	return ""
}

// compare returns the first difference between the two screens, or "".
func compare(ours *screen.Screen, oracle *vt.Emulator) string {
	var snap screen.Snapshot
	ours.Snapshot(&snap)
	for y := 0; y < 24; y++ {
		var want strings.Builder
		for x := 0; x < 80; x++ {
			c := oracle.CellAt(x, y)
			switch {
			case c == nil || c.Width == 0 && c.Content == "":
				continue
			case c.Content == "":
				want.WriteByte(' ')
			default:
				want.WriteString(c.Content)
			}
		}
		got := (&screen.Line{Cells: snap.Lines[y]}).Text()
		if w := strings.TrimRight(want.String(), " "); got != w {
			return fmt.Sprintf("row %d text:\n  tern   %q\n  oracle %q", y, got, w)
		}
		for x := 0; x < 80; x++ {
			c := oracle.CellAt(x, y)
			ourCell := snap.Lines[y][x]
			if c == nil || c.Content == "" || c.Content == " " || ourCell.Width == 0 {
				continue
			}
			theirs := attrKey(c.Style.Attrs&(uv.AttrBold|uv.AttrReverse) != 0, colorKey(c.Style.Fg), colorKey(c.Style.Bg))
			mine := attrKey(ourCell.Attr&(screen.AttrBold|screen.AttrReverse) != 0, ourColorKey(ourCell.FG), ourColorKey(ourCell.BG))
			if theirs != mine {
				return fmt.Sprintf("row %d col %d (%q) style: tern %s, oracle %s", y, x, c.Content, mine, theirs)
			}
		}
	}
	or, oc := oracle.CursorPosition().Y, oracle.CursorPosition().X
	if r, c := ours.Cursor(); r != or || c != oc {
		return fmt.Sprintf("cursor: tern %d,%d, oracle %d,%d", r, c, or, oc)
	}
	return ""
}

func attrKey(marked bool, fg, bg string) string { return fmt.Sprintf("%v/%s/%s", marked, fg, bg) }

func TestDifferentialAgainstOracle(t *testing.T) {
	files, _ := filepath.Glob("testdata/recordings/*.raw")
	if len(files) < 5 {
		t.Fatalf("recordings missing: %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			for end := 0; end <= len(data); end += 97 {
				if end > len(data) {
					end = len(data)
				}
				checkPrefix(t, data[:end])
			}
			checkPrefix(t, data)
		})
	}
}

func checkPrefix(t *testing.T, data []byte) {
	t.Helper()
	ours := screen.New(80, 24, 100)
	ours.Write(data)
	if d := compare(ours, oracleScreen(t, data)); d != "" {
		t.Fatalf("after %d bytes: %s", len(data), d)
	}
}
