package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TextView shows a text of any size read-only, scrolling, without ever
// taking long on the UI goroutine: the text is cut into rows as wide as
// the view (between words where it can), and only the rows in sight are
// drawn, one short text each. A word-wrapped Label measures and lays out
// all of its text at every change, which for a large server reply froze
// the window; this costs one pass over the text when the width changes.
type TextView struct {
	widget.List
	// OnEscape, when set, takes Escape (its dialog closes); otherwise
	// Escape, like F6, goes on to the window. A focused List swallowed
	// them, so a dialog showing a TextView did not close from it.
	OnEscape func()
	text     string
	cols     int
	rows     []string
}

// defaultColumns is the width in characters before the view is laid out.
const defaultColumns = 100

// NewTextView shows text (CR LF or LF line ends; tabs become spaces).
func NewTextView(text string) *TextView {
	v := &TextView{text: strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\t", "    "), cols: defaultColumns}
	v.rows = TextRows(v.text, v.cols)
	v.Length = func() int { return len(v.rows) }
	v.CreateItem = func() fyne.CanvasObject {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextStyle.Monospace = true
		return t
	}
	v.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if t := o.(*canvas.Text); id >= 0 && id < len(v.rows) {
			t.Text, t.Color = v.rows[id], theme.Color(theme.ColorNameForeground)
			t.Refresh()
		}
	}
	v.HideSeparators = true
	v.ExtendBaseWidget(v)
	return v
}

// TypedKey passes Escape and F6 on, and gives the list the rest.
func (v *TextView) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && v.OnEscape != nil:
		v.OnEscape()
	case passedOn(k.Name):
		passOn(v, k)
	default:
		v.List.TypedKey(k)
	}
}

// Rows are the rows the text is shown in, at the current width.
func (v *TextView) Rows() []string { return v.rows }

// Resize cuts the text again when the width holds another number of
// characters.
func (v *TextView) Resize(size fyne.Size) {
	if cols := columnsIn(size.Width); cols != v.cols {
		v.cols = cols
		v.rows = TextRows(v.text, cols)
		v.List.Refresh()
	}
	v.List.Resize(size)
}

// columnsIn is how many monospace characters fit in a row of width w,
// less the list's padding and the scroll bar.
func columnsIn(w float32) int {
	char := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{Monospace: true}).Width
	room := w - 2*theme.Padding() - theme.ScrollBarSize()
	if char <= 0 || room <= 0 {
		return defaultColumns
	}
	return max(int(room/char), 20)
}

// TextRows cuts text into rows of at most cols characters: each line of
// the text begins a row, and a longer line continues on the next rows,
// broken after a space in its last quarter when there is one.
func TextRows(text string, cols int) []string {
	cols = max(cols, 1)
	rows := make([]string, 0, strings.Count(text, "\n")+1)
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		for {
			cut := byteIndexOfRune(line, cols)
			if cut == len(line) {
				break
			}
			if sp := strings.LastIndexByte(line[:cut], ' '); sp > cut*3/4 {
				cut = sp + 1
			}
			rows = append(rows, line[:cut])
			line = line[cut:]
		}
		rows = append(rows, line)
	}
	return rows
}

// byteIndexOfRune is the byte offset of the n-th character of s.
func byteIndexOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
