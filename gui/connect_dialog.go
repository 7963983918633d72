package gui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// connectForm is the New session dialog's content, kept apart from the
// dialog so tests can fill and read it.
type connectForm struct {
	host, port, bind   *widget.Entry
	connType           *widget.Select
	ttype              *widget.Entry
	negotiation        *widget.Select
	echo, edit         *widget.Select
	enter, backspace   *widget.Select
	escape, keepAlive  *widget.Entry
	sessionLog, rawLog *widget.Entry
	closeOnExit        *widget.Select
	user               *widget.Entry
	content            fyne.CanvasObject
	openButton         *widget.Button
	name               string           // the profile shown, "" for none
	base               profiles.Profile // its fields the form does not show
}

var (
	negotiationChoices = []string{"Auto (active on port 23, passive elsewhere)", "Active", "Passive"}
	tristateChoices    = []string{"Auto", "Force on", "Force off"}
	closeChoices       = []string{"Only on clean exit", "Always", "Never"}
)

func newConnectForm(st SessionSettings) *connectForm {
	f := &connectForm{
		host: widget.NewEntry(), port: widget.NewEntry(), bind: widget.NewEntry(),
		connType:    widget.NewSelect([]string{"Telnet", "Raw"}, nil),
		ttype:       widget.NewEntry(),
		negotiation: widget.NewSelect(negotiationChoices, nil),
		echo:        widget.NewSelect(tristateChoices, nil),
		edit:        widget.NewSelect(tristateChoices, nil),
		enter:       widget.NewSelect([]string{"CR LF (Telnet new line)", "CR NUL"}, nil),
		backspace:   widget.NewSelect([]string{"Delete (^?)", "Control-H (^H)"}, nil),
		escape:      widget.NewEntry(), keepAlive: widget.NewEntry(), user: widget.NewEntry(),
		sessionLog: widget.NewEntry(), rawLog: widget.NewEntry(),
		closeOnExit: widget.NewSelect(closeChoices, nil),
	}
	f.host.SetPlaceHolder("mail.example.com")
	f.host.Validator = ValidateHost
	f.port.Validator = ValidatePort
	f.bind.SetPlaceHolder("any local address")
	f.bind.Validator = ValidateBind
	f.ttype.SetPlaceHolder("XTERM-256COLOR,XTERM,VT100")
	f.escape.Validator = func(s string) error {
		if _, ok := protocol.ParseEscape(s); !ok {
			return errText("use ^] style, one character, or off")
		}
		return nil
	}
	f.keepAlive.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 || n > 86400 {
			return errText("seconds between keep-alives, 0 for none")
		}
		return nil
	}
	f.user.SetPlaceHolder("sent as USER only if the server asks")
	f.sessionLog.SetPlaceHolder("e.g. ~/tern-&H-&Y&M&D-&T.log")
	f.fill(st)
	f.build()
	return f
}

// fill shows st in the form.
func (f *connectForm) fill(st SessionSettings) {
	e := st.Engine
	f.base = st.Profile
	f.host.SetText(e.Host)
	f.port.SetText(orDefault(e.Port, "23"))
	f.bind.SetText(e.Bind)
	f.connType.SetSelected("Telnet")
	if e.Negotiation == protocol.NegotiateRaw {
		f.connType.SetSelected("Raw")
	}
	f.ttype.SetText(strings.Join(e.TerminalTypes, ","))
	f.negotiation.SetSelectedIndex(min(int(e.Negotiation), 2))
	f.echo.SetSelectedIndex(int(e.LocalEcho))
	f.edit.SetSelectedIndex(int(e.LocalEdit))
	f.enter.SetSelectedIndex(boolIndex(e.EnterSendsCRNUL))
	f.backspace.SetSelectedIndex(boolIndex(e.BackspaceSendsCtrlH))
	f.escape.SetText(protocol.EscapeName(escapeOrDefault(e.Escape)))
	if e.Escape == protocol.NoEscape {
		f.escape.SetText("none")
	}
	f.keepAlive.SetText(strconv.Itoa(int(e.KeepAlive / time.Second)))
	f.user.SetText(e.User)
	f.sessionLog.SetText(e.SessionLog.Path)
	f.rawLog.SetText(e.RawLog.Path)
	f.closeOnExit.SetSelectedIndex(int(st.Close))
	f.name = st.Name
}

func (f *connectForm) build() {
	main := widget.NewForm(
		widget.NewFormItem("Host", f.host),
		widget.NewFormItem("Port", f.port),
		widget.NewFormItem("Bind address", f.bind),
		widget.NewFormItem("Connection type", f.connType),
	)
	advanced := widget.NewForm(
		widget.NewFormItem("Terminal type", f.ttype),
		widget.NewFormItem("Negotiation", f.negotiation),
		widget.NewFormItem("Local echo", f.echo),
		widget.NewFormItem("Local line editing", f.edit),
		widget.NewFormItem("Enter sends", f.enter),
		widget.NewFormItem("Backspace sends", f.backspace),
		widget.NewFormItem("Escape character", f.escape),
		widget.NewFormItem("Keep-alive (seconds)", f.keepAlive),
		widget.NewFormItem("Username (NEW-ENVIRON)", f.user),
		widget.NewFormItem("Session log file", f.sessionLog),
		widget.NewFormItem("Raw log file", f.rawLog),
		widget.NewFormItem("Close tab on exit", f.closeOnExit),
	)
	acc := widget.NewAccordion(widget.NewAccordionItem("Advanced", advanced))
	f.content = container.NewVBox(main, acc)
}

type errText string

func (e errText) Error() string { return string(e) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func escapeOrDefault(c int) int {
	if c == 0 {
		return protocol.DefaultEscape
	}
	return c
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// validate checks every field; it returns the first problem.
func (f *connectForm) validate() error {
	for _, e := range []*widget.Entry{f.host, f.port, f.bind, f.escape, f.keepAlive} {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// validateForSave checks the fields a profile may not hold wrongly; a
// profile (such as Default Settings) may leave the host empty.
func (f *connectForm) validateForSave() error {
	if strings.TrimSpace(f.host.Text) != "" {
		if err := f.host.Validate(); err != nil {
			return err
		}
	}
	for _, e := range []*widget.Entry{f.port, f.bind, f.escape, f.keepAlive} {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// settings reads the form.
func (f *connectForm) settings() SessionSettings {
	var st SessionSettings
	e := &st.Engine
	e.Host = strings.TrimSpace(f.host.Text)
	e.Port = strings.TrimSpace(f.port.Text)
	e.Bind = strings.TrimSpace(f.bind.Text)
	e.Negotiation = protocol.Negotiation(f.negotiation.SelectedIndex())
	if f.connType.Selected == "Raw" {
		e.Negotiation = protocol.NegotiateRaw
	}
	if tt := strings.TrimSpace(f.ttype.Text); tt != "" {
		for _, name := range strings.Split(tt, ",") {
			if name = strings.TrimSpace(name); name != "" {
				e.TerminalTypes = append(e.TerminalTypes, name)
			}
		}
	}
	e.LocalEcho = protocol.Tristate(f.echo.SelectedIndex())
	e.LocalEdit = protocol.Tristate(f.edit.SelectedIndex())
	e.EnterSendsCRNUL = f.enter.SelectedIndex() == 1
	e.BackspaceSendsCtrlH = f.backspace.SelectedIndex() == 1
	e.Escape, _ = protocol.ParseEscape(f.escape.Text)
	secs, _ := strconv.Atoi(strings.TrimSpace(f.keepAlive.Text))
	e.KeepAlive = time.Duration(secs) * time.Second
	e.User = strings.TrimSpace(f.user.Text)
	e.SessionLog.Path = expandHome(strings.TrimSpace(f.sessionLog.Text))
	e.RawLog.Path = expandHome(strings.TrimSpace(f.rawLog.Text))
	st.Close = cmdline.CloseOnExit(f.closeOnExit.SelectedIndex())
	st.Name = f.name
	st.Profile = f.base.Clone()
	return st
}

// ShowNewSession opens the New session dialog, starting from Default
// Settings.
func (w *mainWindow) ShowNewSession() {
	f, _ := w.loadProfiles()
	st := SettingsFromProfile(f.Default)
	st.Name = ""
	w.showConnectDialog(st)
}

func (w *mainWindow) showConnectDialog(st SessionSettings) {
	f := newConnectForm(st)
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	open := func() {
		if err := f.validate(); err != nil {
			problem.SetText("Cannot open yet: " + err.Error())
			return
		}
		d.Hide()
		w.OpenSession(f.settings())
	}
	f.host.OnSubmitted = func(string) { open() }
	f.port.OnSubmitted = func(string) { open() }
	f.openButton = widget.NewButtonWithIcon("Open", theme.ConfirmIcon(), open)
	f.openButton.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide(); w.focusCurrent() })
	panel := newProfilePanel(w, f, problem, open)
	right := container.NewBorder(nil, nil, nil, nil, container.NewVScroll(f.content))
	split := container.NewHSplit(panel.content, right)
	split.Offset = 0.36
	body := container.NewBorder(nil, container.NewVBox(problem, container.NewHBox(layout.NewSpacer(), cancel, f.openButton)), nil, nil, split)
	d = dialog.NewCustomWithoutButtons("New session", body, w.win)
	d.Resize(w.dialogSize(900, 600))
	d.Show()
	w.win.Canvas().Focus(f.host)
}
