package newsession

import (
	"cmp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/logon"
)

// Host is the window as the New session dialog sees it: where it shows
// itself and its questions, the saved sessions, and what the person
// opened last.
type Host interface {
	// Window is the window the dialog and its file dialogs show over.
	Window() fyne.Window
	// Dialogs is the window's dialog stack (Enter and Escape).
	Dialogs() *widgets.Dialogs
	// Profiles reads the saved sessions; the window tells the person
	// once about a damaged file.
	Profiles() *profiles.File
	// Store is where saved sessions are changed.
	Store() *profiles.Store
	// RememberTarget keeps the host and port just opened, for the next
	// New session dialog.
	RememberTarget(host, port string)
	// FocusTerminal gives the keyboard back to the current tab (Cancel).
	FocusTerminal()
}

// Options say what the dialog shows and what its Open does.
type Options struct {
	Title    string
	Settings settings.Session       // what the form starts with
	Open     func(settings.Session) // what Open does with valid settings
	// OpenText is the Open button's word ("" for Open).
	OpenText string
	// Record proposes logon steps from a live session (Edit and
	// reconnect); nil leaves Record from this session disabled.
	Record func() []logon.Step
	// Closed hears that the dialog closed, whichever way.
	Closed func()
}

// Dialog is the New session dialog (and Edit and reconnect): the saved
// sessions on the left, the form on the right, Open and Cancel.
type Dialog struct {
	host    Host
	form    *connectForm
	panel   *profilePanel
	problem *widget.Label
	d       dialog.Dialog
	opened  func(settings.Session)
}

// Show shows the dialog over h's window, with Host focused.
func Show(h Host, o Options) *Dialog {
	c := &Dialog{host: h, form: newConnectForm(o.Settings), problem: widget.NewLabel(""), opened: o.Open}
	f := c.form
	c.problem.Wrapping = fyne.TextWrapWord
	for _, e := range []*widgets.EscEntry{f.host, f.port, f.bind} {
		e.OnSubmitted = func(string) { c.open() }
	}
	for _, e := range f.entries() {
		e.OnChanged = func(string) { c.recheck() }
	}
	f.openButton = widgets.NewButtonWithIcon(cmp.Or(o.OpenText, "Open"), theme.ConfirmIcon(), c.open)
	f.openButton.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", c.cancel)
	f.onEscape = c.cancel
	if o.Record != nil {
		f.logon.setRecorder(o.Record)
	}
	c.panel = newProfilePanel(h, f, c.problem, c.open)
	split := container.NewHSplit(c.panel.content, widgets.NewWheelScroll(f.content))
	split.Offset = 0.36
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.openButton)
	body := container.NewBorder(nil, container.NewVBox(c.problem, buttons), nil, nil, split)
	c.d = dialog.NewCustomWithoutButtons(o.Title, body, h.Window())
	c.d.Resize(h.Dialogs().Size(900, 600))
	h.Dialogs().ShowWithDefault(c.d, c.open).Escape = c.cancel
	if o.Closed != nil {
		c.d.SetOnClosed(o.Closed)
	}
	c.Focus()
	return c
}

// Focus gives the keyboard to the Host field.
func (c *Dialog) Focus() { c.host.Window().Canvas().Focus(c.form.host) }

// Hide closes the dialog without opening anything.
func (c *Dialog) Hide() { c.d.Hide() }

const cannotOpen = "Cannot open yet: "

// open checks the form and, when it is right, closes the dialog and
// hands the settings on.
func (c *Dialog) open() {
	if err := c.form.validate(); err != nil {
		c.problem.SetText(cannotOpen + err.Error())
		return
	}
	st := c.form.settings()
	c.host.RememberTarget(st.Engine.Host, st.Engine.Port)
	c.d.Hide()
	c.opened(st)
}

// recheck keeps the "Cannot open yet" line true while the person fixes
// the fields: it changes with the first problem and goes once none is left.
func (c *Dialog) recheck() {
	if !strings.HasPrefix(c.problem.Text, cannotOpen) {
		return
	}
	if err := c.form.validate(); err != nil {
		c.problem.SetText(cannotOpen + err.Error())
		return
	}
	c.problem.SetText("")
}

func (c *Dialog) cancel() {
	c.d.Hide()
	c.host.FocusTerminal()
}
