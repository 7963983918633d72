package gui

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

// maxSendFile caps Send file: a device configuration, not a firmware image.
const maxSendFile = 4 << 20

// showPacing edits the current tab's pacing; a saved session keeps it.
func (w *mainWindow) showPacing() {
	t := w.current()
	if t == nil {
		return
	}
	f := newsession.NewPacingForm(func() *widgets.EscEntry { return widgets.NewEscEntry(false, nil) })
	f.Fill(t.Pacing().Settings())
	w.dialogs.Form("Paste pacing", "Use", f.Items, func(ok bool) {
		if ok {
			w.usePacing(t, f.Settings())
		}
		w.focusCurrent()
	}, fyne.NewSize(720, 0))
}

// usePacing sets t's pacing; a saved session keeps it.
func (w *mainWindow) usePacing(t *termtab.Tab, p profiles.PacingSettings) {
	t.Pacing().SetSettings(p)
	name := t.Settings().Name
	if name == "" {
		return
	}
	if _, err := w.store.Update(func(file *profiles.File) error {
		saved, found := file.Find(name)
		if !found {
			return nil
		}
		saved.Pacing = p
		file.Put(saved)
		return nil
	}); err != nil {
		w.dialogs.Info("Paste pacing", fmt.Sprintf("The pacing is used in this tab, but saving it in %q failed: %v", name, err))
	}
}

// sendFile is Send ▸ Send file…: a text file into the current tab's
// session, paced as its pastes are (line by line at least).
func (w *mainWindow) sendFile() {
	t := w.current()
	if t == nil || t.Session() == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			w.focusCurrent()
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, maxSendFile+1))
		switch {
		case err != nil:
			w.dialogs.Info("Send file", fmt.Sprintf("Tern cannot read %s: %v", r.URI().Name(), err))
		case len(data) > maxSendFile:
			w.dialogs.Info("Send file", fmt.Sprintf("%s is larger than %d MiB; Send file is for text such as a configuration.", r.URI().Name(), maxSendFile>>20))
		default:
			t.SendFile(data)
		}
		w.focusCurrent()
	}, w.win)
	d.Resize(w.dialogs.Size(900, 600))
	d.Show()
}
