package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// terminalForm is the New session dialog's Colours, Bell and Features
// part (profiles.Terminal, PuTTY's panels of those names): a palette
// editor, what the bell does, what the server may not change and the
// answerback.
type terminalForm struct {
	ownColours    *widgets.Check
	colours       [22]*widgets.EscEntry
	swatches      [22]*canvas.Rectangle
	resetColours  *widgets.Button
	bell          *widgets.Select
	bellTaskbar   *widgets.Check
	bellUnlimited *widgets.Check
	noTitle       *widgets.Check
	noKeypad      *widgets.Check
	noMouse       *widgets.Check
	noResize      *widgets.Check
	answerback    *widgets.EscEntry
	colourBox     fyne.CanvasObject
	featuresBox   fyne.CanvasObject
}

// bellChoices are Terminal.Bell's values as the dialog names them.
var (
	bellChoices = []string{"Flash the window", "None", "System sound"}
	bellValues  = []string{profiles.BellFlash, profiles.BellNone, profiles.BellSound}
)

func newTerminalForm(entry func() *widgets.EscEntry) *terminalForm {
	f := &terminalForm{
		bell:          widgets.NewSelect(bellChoices, nil),
		bellTaskbar:   widgets.NewCheck("Mark the taskbar entry when the window is in the background", nil),
		bellUnlimited: widgets.NewCheck("Ring every bell (no pause after 5 bells in 2 s)", nil),
		noTitle:       widgets.NewCheck("Window title", nil),
		noKeypad:      widgets.NewCheck("Application keypad mode", nil),
		noMouse:       widgets.NewCheck("Mouse reporting", nil),
		noResize:      widgets.NewCheck("Terminal size (80/132 columns)", nil),
		answerback:    entry(),
	}
	f.answerback.SetPlaceHolder("none; ^M for Enter, ^~ for ^")
	f.answerback.Validator = func(s string) error {
		if len(s) > 256 {
			return errText("at most 256 characters")
		}
		return nil
	}
	colourForm := widget.NewForm()
	for i := range f.colours {
		f.swatches[i] = canvas.NewRectangle(nil)
		f.swatches[i].SetMinSize(fyne.NewSize(28, 20))
		e := entry()
		e.Validator = validateHexColour
		e.OnChanged = func(string) { f.showSwatch(i) }
		f.colours[i] = e
		colourForm.Append(profiles.ColourNames[i], container.NewBorder(nil, nil, f.swatches[i], nil, e))
	}
	f.ownColours = widgets.NewCheck("Session colours (else the app's)", func(on bool) { f.enableColours(on) })
	f.resetColours = widgets.NewButton("PuTTY's defaults", func() { f.setColours(profiles.DefaultColours()) })
	f.colourBox = container.NewVBox(container.NewHBox(f.ownColours, f.resetColours), colourForm)
	f.featuresBox = widget.NewForm(
		widget.NewFormItem("Bell", f.bell),
		widget.NewFormItem("", f.bellTaskbar),
		widget.NewFormItem("", f.bellUnlimited),
		&widget.FormItem{Text: "The server may not change", Widget: f.noTitle},
		widget.NewFormItem("", f.noKeypad),
		widget.NewFormItem("", f.noMouse),
		widget.NewFormItem("", f.noResize),
		&widget.FormItem{Text: "Answerback to ^E", Widget: f.answerback, HintText: "sent when the server sends ^E"},
	)
	return f
}

func validateHexColour(s string) error {
	if _, ok := paint.ParseHexColour(strings.TrimSpace(s)); !ok {
		return errText("a colour as #rrggbb")
	}
	return nil
}

// fill shows tm.
func (f *terminalForm) fill(tm profiles.Terminal) {
	own := paint.ParsePuTTYPalette(tm.Colours) != nil
	if own {
		f.setColours(tm.Colours)
	} else {
		f.setColours(profiles.DefaultColours())
	}
	f.ownColours.SetChecked(own)
	f.enableColours(own)
	f.bell.SetSelectedIndex(max(indexOf(bellValues, tm.Bell), 0))
	f.bellTaskbar.SetChecked(tm.BellTaskbar)
	f.bellUnlimited.SetChecked(tm.BellUnlimited)
	f.noTitle.SetChecked(tm.NoRemoteTitle)
	f.noKeypad.SetChecked(tm.NoAppKeypad)
	f.noMouse.SetChecked(tm.NoMouseReporting)
	f.noResize.SetChecked(tm.NoRemoteResize)
	f.answerback.SetText(tm.Answerback)
}

// read is what the form holds; the colours only when the session has its
// own and every one is a colour.
func (f *terminalForm) read() profiles.Terminal {
	tm := profiles.Terminal{
		Bell:        bellValues[max(f.bell.SelectedIndex(), 0)],
		BellTaskbar: f.bellTaskbar.Checked, BellUnlimited: f.bellUnlimited.Checked,
		NoRemoteTitle: f.noTitle.Checked, NoAppKeypad: f.noKeypad.Checked,
		NoMouseReporting: f.noMouse.Checked, NoRemoteResize: f.noResize.Checked,
		Answerback: f.answerback.Text,
	}
	if f.ownColours.Checked {
		colours := make([]string, len(f.colours))
		for i, e := range f.colours {
			colours[i] = strings.ToLower(strings.TrimSpace(e.Text))
		}
		if paint.ParsePuTTYPalette(colours) != nil {
			tm.Colours = colours
		}
	}
	return tm
}

// entries are the fields with validators: the palette's only while the
// session has its own colours.
func (f *terminalForm) entries() []*widgets.EscEntry {
	if !f.ownColours.Checked {
		return []*widgets.EscEntry{f.answerback}
	}
	return append(f.colours[:len(f.colours):len(f.colours)], f.answerback)
}

func (f *terminalForm) setColours(hex []string) {
	for i, e := range f.colours {
		if i < len(hex) {
			e.SetText(hex[i])
		}
		f.showSwatch(i)
	}
}

func (f *terminalForm) showSwatch(i int) {
	c, ok := paint.ParseHexColour(strings.TrimSpace(f.colours[i].Text))
	if !ok {
		f.swatches[i].FillColor = nil
	} else {
		f.swatches[i].FillColor = c
	}
	f.swatches[i].Refresh()
}

func (f *terminalForm) enableColours(on bool) {
	for _, e := range f.colours {
		if on {
			e.Enable()
		} else {
			e.Disable()
		}
	}
	if on {
		f.resetColours.Enable()
	} else {
		f.resetColours.Disable()
	}
}
