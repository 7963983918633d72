package widgets

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

var rowTests = []struct {
	name, text string
	cols       int
	want       []string
}{
	{"short lines stay", "a\nbc\n", 5, []string{"a", "bc"}},
	{"a long word is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	{"broken after a space near the end", "aaaaaaa bbbbbbbbbb", 8, []string{"aaaaaaa ", "bbbbbbbb", "bb"}},
	{"characters, not bytes", "ééééé", 2, []string{"éé", "éé", "é"}},
	{"empty lines kept", "a\n\nb", 3, []string{"a", "", "b"}},
	// found by fuzzing
}

func TestTextRows(t *testing.T) {
	for _, tc := range rowTests {
		if got := TextRows(tc.text, tc.cols); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestTextViewFollowsItsWidth: a 0.8 MB text is cut into rows that fit the
// view, and again when it is resized.
func TestTextViewFollowsItsWidth(t *testing.T) {
	test.NewTempApp(t)
	text := strings.Repeat(strings.Repeat("x", 8000)+"\n", 100)
	v := NewTextView(text)
	v.Resize(fyne.NewSize(400, 300))
	narrow := len(v.Rows())
	v.Resize(fyne.NewSize(800, 300))
	if wide := len(v.Rows()); wide >= narrow || wide < 100 || strings.Join(v.Rows(), "") != strings.ReplaceAll(text, "\n", "") {
		t.Fatalf("%d rows at 400 px, %d at 800 px", narrow, wide)
	}
}

func FuzzTextRows(f *testing.F) {
	for _, tc := range rowTests {
		f.Add(tc.text, uint8(tc.cols))
	}
	f.Fuzz(func(t *testing.T, text string, cols uint8) {
		n := int(cols%64) + 1
		rows := TextRows(text, n)
		for _, r := range rows {
			if utf8.RuneCountInString(r) > n || strings.Contains(r, "\n") {
				t.Fatalf("row %q for %d columns", r, n)
			}
		}
		if strings.Join(rows, "") != strings.ReplaceAll(strings.TrimSuffix(text, "\n"), "\n", "") {
			t.Fatalf("rows %q lose text of %q", rows, text)
		}
	})
}

// TestTextViewPassesEscapeOn: a focused text view (a summary's text,
// Show all…) hands Escape to OnEscape, its dialog's Hide; other keys
// still scroll the list (issue 26: Escape did nothing from the text).
func TestTextViewPassesEscapeOn(t *testing.T) {
	test.NewTempApp(t)
	v := NewTextView("one\ntwo\nthree")
	closed := 0
	v.OnEscape = func() { closed++ }
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if closed != 0 {
		t.Fatal("Down closed the dialog")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 {
		t.Fatal("Escape in the text view did not reach the dialog")
	}
}
