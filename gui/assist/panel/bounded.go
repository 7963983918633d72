package assist

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
	headLines     = 8   // lines of a reply in the detail below the list
	headLineRunes = 160 // characters of one such line
	oneLineRunes  = 120 // characters of a one-line label (a list row)
	sayRunes      = 600 // characters of the assistant's last word
)

// clip is s cut to at most n characters, with "…" when cut.
func clip(s string, n int) string {
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

// oneLine is s on one line (line ends as spaces), clipped for a row.
func oneLine(s string) string {
	s = clip(s, oneLineRunes)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", "")), " ")
}

// head is the first headLines of lines, each clipped, and how many lines
// it leaves out; more counts lines left out before (a reader's count).
func head(lines []string, more int) (string, int) {
	n := min(len(lines), headLines)
	shown := make([]string, n)
	for i := range n {
		shown[i] = clip(lines[i], headLineRunes)
	}
	return strings.Join(shown, "\n"), len(lines) - n + more
}

// moreLines says how many lines a head leaves out, in words.
func moreLines(n int) string {
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

// showAll shows text whole in a scrolling read-only view that stays
// quick whatever its size, with Copy.
func showAll(w Window, title, text string) {
	view := widgets.NewTextView(text)
	d := dialog.NewCustomWithoutButtons(title, view, w.Window())
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

// withShowAll puts a Show all… button at the right of a view's bottom.
func withShowAll(view fyne.CanvasObject, button *widget.Button) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewVBox(button), view)
}
