package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
)

// connectDialog is the New session dialog (and Edit and reconnect): the
// saved sessions on the left, the form on the right, Open and Cancel.
type connectDialog struct {
	w       *mainWindow
	form    *connectForm
	panel   *profilePanel
	problem *widget.Label
	d       dialog.Dialog
	opened  func(settings.Session) // what Open does with valid settings
}

// ShowNewSession opens the New session dialog, starting from Default
// Settings; when those name no host, from the host and port used last.
func (w *mainWindow) ShowNewSession() { w.showNewSession() }

func (w *mainWindow) showNewSession() *connectDialog {
	if c := w.connecting; c != nil { // one at a time: the open one comes to the keyboard
		w.win.Canvas().Focus(c.form.host)
		return c
	}
	f, _ := w.loadProfiles()
	st := settings.FromProfile(f.Default)
	st.Name = ""
	if st.Engine.Host == "" && w.prefs.lastHost != "" {
		st.Engine.Host, st.Engine.Port = w.prefs.lastHost, w.prefs.lastPort
	}
	return w.showConnectDialog("New session", st, func(st settings.Session) { w.OpenSession(st) })
}

// editAndReconnect shows the current tab's settings in the dialog; Open
// reconnects that tab with what was changed.
func (w *mainWindow) editAndReconnect() {
	t := w.current()
	if t == nil {
		w.ShowNewSession()
		return
	}
	w.showEditAndReconnect(t)
}

// showEditAndReconnect shows t's settings; Record from this session
// proposes logon steps from its session. A mail domain is looked up again.
func (w *mainWindow) showEditAndReconnect(t *termtab.Tab) *connectDialog {
	if c := w.connecting; c != nil {
		c.d.Hide() // Edit and reconnect takes the place of an open dialog
	}
	c := w.showConnectDialog("Edit and reconnect — "+t.Settings().Title(), t.Settings(), func(st settings.Session) { w.reconnectTab(t, st) })
	c.form.openButton.SetText("Reconnect")
	if t.Session() != nil {
		c.form.logon.setRecorder(t.ProposeLogon)
	}
	return c
}

func (w *mainWindow) showConnectDialog(title string, st settings.Session, opened func(settings.Session)) *connectDialog {
	c := &connectDialog{w: w, form: newConnectForm(st), problem: widget.NewLabel(""), opened: opened}
	f := c.form
	c.problem.Wrapping = fyne.TextWrapWord
	for _, e := range []*widgets.EscEntry{f.host, f.port, f.bind} {
		e.OnSubmitted = func(string) { c.open() }
	}
	for _, e := range f.entries() {
		e.OnChanged = func(string) { c.recheck() }
	}
	f.openButton = widgets.NewButtonWithIcon("Open", theme.ConfirmIcon(), c.open)
	f.openButton.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", c.cancel)
	f.onEscape = c.cancel
	c.panel = newProfilePanel(w, f, c.problem, c.open)
	split := container.NewHSplit(c.panel.content, container.NewVScroll(f.content))
	split.Offset = 0.36
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.openButton)
	body := container.NewBorder(nil, container.NewVBox(c.problem, buttons), nil, nil, split)
	c.d = dialog.NewCustomWithoutButtons(title, body, w.win)
	c.d.Resize(w.dialogSize(900, 600))
	w.showDialogWithDefault(c.d, c.open).escape = c.cancel
	c.d.SetOnClosed(func() { w.connecting = nil })
	w.connecting = c
	w.win.Canvas().Focus(f.host)
	return c
}

const cannotOpen = "Cannot open yet: "

// open checks the form and, when it is right, closes the dialog and
// hands the settings on.
func (c *connectDialog) open() {
	if err := c.form.validate(); err != nil {
		c.problem.SetText(cannotOpen + err.Error())
		return
	}
	st := c.form.settings()
	c.w.prefs.rememberTarget(c.w.app, st.Engine.Host, st.Engine.Port)
	c.d.Hide()
	c.opened(st)
}

// recheck keeps the "Cannot open yet" line true while the person fixes
// the fields: it changes with the first problem and goes once none is left.
func (c *connectDialog) recheck() {
	if !strings.HasPrefix(c.problem.Text, cannotOpen) {
		return
	}
	if err := c.form.validate(); err != nil {
		c.problem.SetText(cannotOpen + err.Error())
		return
	}
	c.problem.SetText("")
}

func (c *connectDialog) cancel() {
	c.d.Hide()
	c.w.focusCurrent()
}
