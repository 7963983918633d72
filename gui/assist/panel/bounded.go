package panel

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
)

// Every text a server can make long is shown bounded on the UI goroutine:
// a label gets at most a head of it (a few lines, each cut), so that no
// reply, however large, makes a UI call take longer than a frame; the
// whole text is one click away, in a TextView (Show all…).

// The bounds of what a label shows.
const (
	HeadLines     = 8   // lines of a reply in the detail below the list
	HeadLineRunes = 160 // characters of one such line
	OneLineRunes  = 120 // characters of a one-line label (a list row)
	SayRunes      = 600 // characters of the assistant's last word
)

// Clip is s cut to at most n characters, with "…" when cut.
func Clip(s string, n int) string {
	if len(s) <= n { // bytes ≥ characters: short enough
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// OneLine is s on one line (line ends as spaces), clipped for a row.
func OneLine(s string) string {
	s = Clip(s, OneLineRunes)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", "")), " ")
}

// Head is the first HeadLines of lines, each clipped, and how many lines
// it leaves out; more counts lines left out before (a reader's count).
func Head(lines []string, more int) (string, int) {
	n := min(len(lines), HeadLines)
	shown := make([]string, n)
	for i := range n {
		shown[i] = Clip(lines[i], HeadLineRunes)
	}
	return strings.Join(shown, "\n"), len(lines) - n + more
}

// MoreLines says how many lines a head leaves out, in words.
func MoreLines(n int) string {
	if n == 1 {
		return "… 1 more line"
	}
	return "… " + thousands(n) + " more lines"
}

// thousands writes n with commas: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ShowAll shows text whole in a scrolling read-only view that stays
// quick whatever its size, with Copy.
func ShowAll(w Window, title, text string) {
	view := widgets.NewTextView(text)
	d := dialog.NewCustomWithoutButtons(title, view, w.Window())
	view.OnEscape = d.Hide
	copyButton := widget.NewButton("Copy", nil)
	copyButton.OnTapped = func() {
		fyne.CurrentApp().Clipboard().SetContent(text)
		copyButton.SetText("Copied")
	}
	closeButton := widget.NewButton("Close", d.Hide)
	closeButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{copyButton, closeButton})
	d.Resize(w.DialogSize(820, 560))
	w.ShowDialog(d)
}

// WithShowAll puts a Show all… button at the right of a view's bottom.
func WithShowAll(view fyne.CanvasObject, button *widget.Button) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewVBox(button), view)
}
