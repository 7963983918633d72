package pacing

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/tern-telnet/tern/gui/newsession"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// Host is what the dialogs need of their window (UI goroutine).
type Host interface {
	// Current is the current tab, or nil.
	Current() *termtab.Tab
	// Store holds the saved sessions.
	Store() *profiles.Store
	Dialogs() *widgets.Dialogs
	Window() fyne.Window
	// FocusCurrent gives the keyboard back to the current tab.
	FocusCurrent()
}

// maxSendFile caps Send file: a device configuration, not a firmware image.
const maxSendFile = 4 << 20

// Edit is Send ▸ Paste pacing…: it edits the current tab's pacing; a
// saved session keeps it.
func Edit(h Host) {
	t := h.Current()
	if t == nil {
		return
	}
	f := newsession.NewPacingForm(func() *widgets.EscEntry { return widgets.NewEscEntry(false, nil) })
	f.Fill(t.Pacing().Settings())
	h.Dialogs().Form("Paste pacing", "Use", f.Items, func(ok bool) {
		if ok {
			use(h, t, f.Settings())
		}
		h.FocusCurrent()
	}, fyne.NewSize(720, 0))
}

// use sets t's pacing; a saved session keeps it.
func use(h Host, t *termtab.Tab, p profiles.PacingSettings) {
	t.Pacing().SetSettings(p)
	name := t.Settings().Name
	if name == "" {
		return
	}
	if _, err := h.Store().Update(func(file *profiles.File) error {
		saved, found := file.Find(name)
		if !found {
			return nil
		}
		saved.Pacing = p
		file.Put(saved)
		return nil
	}); err != nil {
		h.Dialogs().Info("Paste pacing", fmt.Sprintf("The pacing is used in this tab, but saving it in %q failed: %v", name, err))
	}
}

// SendFile is Send ▸ Send file…: a text file into the current tab's
// session, paced as its pastes are (line by line at least).
func SendFile(h Host) {
	t := h.Current()
	if t == nil || t.Session() == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			h.FocusCurrent()
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, maxSendFile+1))
		switch {
		case err != nil:
			h.Dialogs().Info("Send file", fmt.Sprintf("Tern cannot read %s: %v", r.URI().Name(), err))
		case len(data) > maxSendFile:
			h.Dialogs().Info("Send file", fmt.Sprintf("%s is larger than %d MiB; Send file is for text such as a configuration.", r.URI().Name(), maxSendFile>>20))
		default:
			t.SendFile(data)
		}
		h.FocusCurrent()
	}, h.Window())
	d.Resize(h.Dialogs().Size(900, 600))
	d.Show()
}
