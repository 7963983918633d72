package panel

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/filedialog"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol"
)

// The summary of the last Run test: what goes into a ticket, so it can
// be copied, saved and shown again (Show last result). Every assistant
// shows its summary the same way.

// Summary is one Run test's outcome as the person reads it.
type Summary struct {
	Title, Text string
	File        string // the file name Save… offers
}

// showSummary puts s in front of the person, with Copy and Save for a
// ticket; say reports a saved file. The text is in a TextView: a summary
// holds the server's replies, which may be large.
func showSummary(w Window, s Summary, say func(string)) {
	view := widgets.NewTextView(s.Text)
	d := dialog.NewCustomWithoutButtons(s.Title, view, w.Window())
	view.OnEscape = d.Hide
	copyButton := widgets.NewButton("Copy", nil)
	copyButton.OnTapped = func() {
		fyne.CurrentApp().Clipboard().SetContent(s.Text)
		copyButton.SetText("Copied")
	}
	closeButton := widgets.NewButton("Close", d.Hide)
	closeButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{copyButton, widgets.NewButton("Save…", func() { saveSummary(w, s, say) }), closeButton})
	d.Resize(w.DialogSize(760, 460))
	w.ShowDialog(d)
}

// saveSummary writes the summary to a text file the person picks (in
// the platform's own file dialog where it has one).
func saveSummary(w Window, s Summary, say func(string)) {
	filedialog.Save(w.Window(), w.UI, s.File, func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		if _, err := f.Write([]byte(s.Text)); err != nil {
			w.ShowInfo("Cannot save the summary", "Tern could not write "+f.URI().Name()+": "+err.Error())
			return
		}
		say("Saved the summary as " + f.URI().Name() + ".")
	})
}

// ShowLastResult puts the summary of the last Run test in front of the
// person again (Show last result).
func (p *Base) ShowLastResult() {
	if p.Result.Text == "" {
		p.Say(p.NoResult)
		return
	}
	showSummary(p.Window, p.Result, p.Say)
}

// TicketHeader is what a ticket needs above the findings: the server
// (host:port, TLS, proxy), when the test ran, and the user name it tried
// (never a password).
func (p *Base) TicketHeader() string {
	cfg := p.Tab.Settings().Engine
	if s := p.Tab.Session(); s != nil {
		cfg = s.Config()
	}
	server := serverOf(cfg)
	switch {
	case cfg.TLS == protocol.TLSImplicit:
		server += " (TLS from the start)"
	case p.Tab.Session() != nil && p.Tab.Session().TLS() != nil:
		server += " (switched to TLS)"
	default:
		server += " (not encrypted)"
	}
	if cfg.Proxy.Active() && !cfg.Proxy.Bypasses(cfg.Host) {
		server += " via proxy " + cfg.Proxy.Addr()
	}
	at := p.RunStart
	if at.IsZero() {
		at = time.Now()
	}
	user := cmp.Or(p.RunUser, "none (no login)")
	return fmt.Sprintf("%s test of %s\nTime: %s (%s)\nUser tried: %s\n\n",
		p.name, server, at.Format("2006-01-02 15:04:05 -0700"), at.UTC().Format("15:04:05 UTC"), user)
}

// summaryFileName names a saved summary after the protocol, the server
// and the time.
func (p *Base) summaryFileName() string {
	name := strings.ToLower(p.name) + "-test-" + p.Tab.Settings().Title() + "-" + time.Now().Format("20060102-1504")
	return settings.FileName(name) + ".txt"
}
