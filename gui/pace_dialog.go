package gui

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/pace"
)

// maxSendFile caps Send file: a device configuration, not a firmware image.
const maxSendFile = 4 << 20

// pacingForm is Send ▸ Paste pacing…: the current tab's line and
// character delays and "wait for the device".
type pacingForm struct {
	lineDelay, charDelay, prompt, timeout *widgets.EscEntry
	wait                                  *widgets.Check
	items                                 []*widget.FormItem
}

func newPacingForm(entry func() *widgets.EscEntry) *pacingForm {
	f := &pacingForm{lineDelay: entry(), charDelay: entry(), prompt: entry(), timeout: entry(),
		wait: widgets.NewCheck("Wait for the device: send the next line once this one is echoed or the prompt is back", nil)}
	f.lineDelay.SetPlaceHolder("0")
	f.charDelay.SetPlaceHolder("0")
	f.timeout.SetPlaceHolder(strconv.Itoa(int(pace.DefaultTimeout.Seconds())))
	f.prompt.SetPlaceHolder(pace.DefaultPrompt + "  (IOS-like prompts)")
	f.lineDelay.Validator = numberValidator(0, 60000, true, "milliseconds from 0 to 60000, or empty")
	f.charDelay.Validator = numberValidator(0, 10000, true, "milliseconds from 0 to 10000, or empty")
	f.timeout.Validator = numberValidator(1, 3600, true, "seconds from 1 to 3600, or empty")
	f.prompt.Validator = func(s string) error {
		if _, err := regexp.Compile(s); err != nil {
			return errors.New("not a regular expression: " + err.Error())
		}
		return nil
	}
	f.items = []*widget.FormItem{
		{Text: "Line delay (ms)", Widget: f.lineDelay, HintText: "After each line"},
		{Text: "Character delay (ms)", Widget: f.charDelay, HintText: "Between the characters of a line"},
		{Widget: f.wait},
		{Text: "Prompt", Widget: f.prompt, HintText: "A regular expression for the end of the device's prompt"},
		{Text: "Wait at most (s)", Widget: f.timeout, HintText: "Then the paste pauses and says which line"},
	}
	return f
}

// fill shows p.
func (f *pacingForm) fill(p profiles.PacingSettings) {
	f.lineDelay.SetText(blankZero(strconv.Itoa(p.LineDelayMs)))
	f.charDelay.SetText(blankZero(strconv.Itoa(p.CharDelayMs)))
	f.timeout.SetText(blankZero(strconv.Itoa(p.TimeoutS)))
	f.prompt.SetText(p.Prompt)
	f.wait.SetChecked(p.WaitEcho)
}

// entries are the fields with validators.
func (f *pacingForm) entries() []*widgets.EscEntry {
	return []*widgets.EscEntry{f.lineDelay, f.charDelay, f.prompt, f.timeout}
}

func (f *pacingForm) settings() profiles.PacingSettings {
	n := func(e *widgets.EscEntry) int { v, _ := strconv.Atoi(strings.TrimSpace(e.Text)); return v }
	return profiles.PacingSettings{LineDelayMs: n(f.lineDelay), CharDelayMs: n(f.charDelay), WaitEcho: f.wait.Checked,
		Prompt: strings.TrimSpace(f.prompt.Text), TimeoutS: n(f.timeout)}
}

// showPacing edits the current tab's pacing; a saved session keeps it.
func (w *mainWindow) showPacing() {
	t := w.current()
	if t == nil {
		return
	}
	f := newPacingForm(func() *widgets.EscEntry { return widgets.NewEscEntry(false, nil) })
	f.fill(t.PacingSettings())
	w.showForm("Paste pacing", "Use", f.items, func(ok bool) {
		if ok {
			w.usePacing(t, f.settings())
		}
		w.focusCurrent()
	}, fyne.NewSize(720, 0))
}

// usePacing sets t's pacing; a saved session keeps it.
func (w *mainWindow) usePacing(t *termtab.Tab, p profiles.PacingSettings) {
	t.SetPacingSettings(p)
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
		w.showInfo("Paste pacing", fmt.Sprintf("The pacing is used in this tab, but saving it in %q failed: %v", name, err))
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
			w.showInfo("Send file", fmt.Sprintf("Tern cannot read %s: %v", r.URI().Name(), err))
		case len(data) > maxSendFile:
			w.showInfo("Send file", fmt.Sprintf("%s is larger than %d MiB; Send file is for text such as a configuration.", r.URI().Name(), maxSendFile>>20))
		default:
			t.SendFile(data)
		}
		w.focusCurrent()
	}, w.win)
	d.Resize(w.dialogSize(900, 600))
	d.Show()
}
