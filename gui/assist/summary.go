package assist

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
)

// The summary of the last Run test: what goes into a ticket, so it can
// be copied, saved and shown again (Show last result). Every assistant
// shows its summary the same way.

// summary is one Run test's outcome as the person reads it.
type summary struct {
	title, text string
	file        string // the file name Save… offers
}

// showSummary puts s in front of the person, with Copy and Save for a
// ticket; say reports a saved file. The text is in a TextView: a summary
// holds the server's replies, which may be large.
func showSummary(w Window, s summary, say func(string)) {
	d := dialog.NewCustomWithoutButtons(s.title, widgets.NewTextView(s.text), w.Window())
	copyButton := widgets.NewButton("Copy", nil)
	copyButton.OnTapped = func() {
		fyne.CurrentApp().Clipboard().SetContent(s.text)
		copyButton.SetText("Copied")
	}
	closeButton := widgets.NewButton("Close", d.Hide)
	closeButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{copyButton, widgets.NewButton("Save…", func() { saveSummary(w, s, say) }), closeButton})
	d.Resize(w.DialogSize(760, 460))
	w.ShowDialog(d)
}

// saveSummary writes the summary to a text file the person picks.
func saveSummary(w Window, s summary, say func(string)) {
	d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		if _, err := f.Write([]byte(s.text)); err != nil {
			w.ShowInfo("Cannot save the summary", "Tern could not write "+f.URI().Name()+": "+err.Error())
			return
		}
		say("Saved the summary as " + f.URI().Name() + ".")
	}, w.Window())
	d.SetFileName(s.file)
	d.Show()
}

// showLastResult puts the summary of the last Run test in front of the
// person again (Show last result).
func (p *base) showLastResult() {
	if p.result.text == "" {
		p.say(p.noResult)
		return
	}
	showSummary(p.w, p.result, p.say)
}

// summaryFileName names a saved summary after the protocol, the server
// and the time.
func (p *base) summaryFileName() string {
	name := strings.ToLower(p.name) + "-test-" + p.t.Settings().Title() + "-" + time.Now().Format("20060102-1504")
	return settings.FileName(name) + ".txt"
}
