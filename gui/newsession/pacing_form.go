package newsession

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/pace"
)

// PacingForm is the Paste pacing fields, in the New session dialog and
// in Send ▸ Paste pacing…: line and character delays and "wait for the
// device".
type PacingForm struct {
	lineDelay, charDelay, prompt, timeout *widgets.EscEntry
	wait                                  *widgets.Check
	Items                                 []*widget.FormItem // for a form
}

// NewPacingForm makes the fields with entry.
func NewPacingForm(entry func() *widgets.EscEntry) *PacingForm {
	f := &PacingForm{lineDelay: entry(), charDelay: entry(), prompt: entry(), timeout: entry(),
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
	f.Items = []*widget.FormItem{
		{Text: "Line delay (ms)", Widget: f.lineDelay, HintText: "After each line"},
		{Text: "Character delay (ms)", Widget: f.charDelay, HintText: "Between the characters of a line"},
		{Widget: f.wait},
		{Text: "Prompt", Widget: f.prompt, HintText: "A regular expression for the end of the device's prompt"},
		{Text: "Wait at most (s)", Widget: f.timeout, HintText: "Then the paste pauses and says which line"},
	}
	return f
}

// Fill shows p.
func (f *PacingForm) Fill(p profiles.PacingSettings) {
	f.lineDelay.SetText(blankZero(strconv.Itoa(p.LineDelayMs)))
	f.charDelay.SetText(blankZero(strconv.Itoa(p.CharDelayMs)))
	f.timeout.SetText(blankZero(strconv.Itoa(p.TimeoutS)))
	f.prompt.SetText(p.Prompt)
	f.wait.SetChecked(p.WaitEcho)
}

// Entries are the fields with validators.
func (f *PacingForm) Entries() []*widgets.EscEntry {
	return []*widgets.EscEntry{f.lineDelay, f.charDelay, f.prompt, f.timeout}
}

// Settings reads the fields.
func (f *PacingForm) Settings() profiles.PacingSettings {
	n := func(e *widgets.EscEntry) int { v, _ := strconv.Atoi(strings.TrimSpace(e.Text)); return v }
	return profiles.PacingSettings{LineDelayMs: n(f.lineDelay), CharDelayMs: n(f.charDelay), WaitEcho: f.wait.Checked,
		Prompt: strings.TrimSpace(f.prompt.Text), TimeoutS: n(f.timeout)}
}
