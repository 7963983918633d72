package assist

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
)

// The summary of the last Run test: what goes into a ticket, so it can
// be copied, saved and shown again (Show last result).

// showLastResult puts the summary of the last Run test in front of the
// person, with Copy and Save for a ticket.
func (p *base) showLastResult() {
	if p.lastSummary == "" {
		p.say("No test has run in this tab yet: press Run test.")
		return
	}
	w := p.w
	text := widget.NewLabel(p.lastSummary)
	text.TextStyle.Monospace = true
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(p.lastTitle, container.NewVScroll(text), w.Window())
	summary := p.lastSummary
	copyButton := widget.NewButton("Copy", nil)
	copyButton.OnTapped = func() {
		fyne.CurrentApp().Clipboard().SetContent(summary)
		copyButton.SetText("Copied")
	}
	closeButton := widget.NewButton("Close", d.Hide)
	closeButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{copyButton, widget.NewButton("Save…", func() { p.saveSummary(summary) }), closeButton})
	d.Resize(w.DialogSize(760, 460))
	w.ShowDialog(d)
}

// saveSummary writes the summary to a text file the person picks.
func (p *base) saveSummary(summary string) {
	w := p.w
	d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		if _, err := f.Write([]byte(summary)); err != nil {
			w.ShowInfo("Cannot save the summary", "Tern could not write "+f.URI().Name()+": "+err.Error())
			return
		}
		p.say("Saved the summary as " + f.URI().Name() + ".")
	}, w.Window())
	d.SetFileName(p.summaryFileName())
	d.Show()
}

// summaryFileName names a saved summary after the protocol, the server
// and the time.
func (p *base) summaryFileName() string {
	name := strings.ToLower(p.name) + "-test-" + p.t.Settings().Title() + "-" + time.Now().Format("20060102-1504")
	return settings.FileName(name) + ".txt"
}
