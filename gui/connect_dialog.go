package gui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/cmdline"
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
}

var (
	negotiationChoices = []string{"Auto (active on port 23, passive elsewhere)", "Active", "Passive"}
	tristateChoices    = []string{"Auto", "Force on", "Force off"}
	closeChoices       = []string{"Only on clean exit", "Always", "Never"}
)

func newConnectForm(st SessionSettings) *connectForm {
	f := &connectForm{}
	e := st.Engine
	f.host = widget.NewEntry()
	f.host.SetPlaceHolder("mail.example.com")
	f.host.SetText(e.Host)
	f.host.Validator = ValidateHost
	f.port = widget.NewEntry()
	f.port.SetText(orDefault(e.Port, "23"))
	f.port.Validator = ValidatePort
	f.bind = widget.NewEntry()
	f.bind.SetPlaceHolder("any local address")
	f.bind.SetText(e.Bind)
	f.bind.Validator = ValidateBind
	f.connType = widget.NewSelect([]string{"Telnet", "Raw"}, nil)
	f.connType.SetSelected("Telnet")
	if e.Negotiation == protocol.NegotiateRaw {
		f.connType.SetSelected("Raw")
	}
	f.ttype = widget.NewEntry()
	f.ttype.SetText(strings.Join(e.TerminalTypes, ","))
	f.ttype.SetPlaceHolder("XTERM-256COLOR,XTERM,VT100")
	f.negotiation = widget.NewSelect(negotiationChoices, nil)
	f.negotiation.SetSelectedIndex(min(int(e.Negotiation), 2))
	f.echo = widget.NewSelect(tristateChoices, nil)
	f.echo.SetSelectedIndex(int(e.LocalEcho))
	f.edit = widget.NewSelect(tristateChoices, nil)
	f.edit.SetSelectedIndex(int(e.LocalEdit))
	f.enter = widget.NewSelect([]string{"CR LF (Telnet new line)", "CR NUL"}, nil)
	f.enter.SetSelectedIndex(boolIndex(e.EnterSendsCRNUL))
	f.backspace = widget.NewSelect([]string{"Delete (^?)", "Control-H (^H)"}, nil)
	f.backspace.SetSelectedIndex(boolIndex(e.BackspaceSendsCtrlH))
	f.escape = widget.NewEntry()
	f.escape.SetText(protocol.EscapeName(escapeOrDefault(e.Escape)))
	f.escape.Validator = func(s string) error {
		if _, ok := protocol.ParseEscape(s); !ok {
			return errText("use ^] style, one character, or off")
		}
		return nil
	}
	f.keepAlive = widget.NewEntry()
	f.keepAlive.SetText(strconv.Itoa(int(e.KeepAlive / time.Second)))
	f.keepAlive.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 || n > 86400 {
			return errText("seconds between keep-alives, 0 for none")
		}
		return nil
	}
	f.user = widget.NewEntry()
	f.user.SetText(e.User)
	f.user.SetPlaceHolder("sent as USER only if the server asks")
	f.sessionLog = widget.NewEntry()
	f.sessionLog.SetText(e.SessionLog.Path)
	f.sessionLog.SetPlaceHolder("e.g. ~/tern-&H-&Y&M&D-&T.log")
	f.rawLog = widget.NewEntry()
	f.rawLog.SetText(e.RawLog.Path)
	f.closeOnExit = widget.NewSelect(closeChoices, nil)
	f.closeOnExit.SetSelectedIndex(int(st.Close))

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
	return f
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
	return st
}

// ShowNewSession opens the New session dialog.
func (w *mainWindow) ShowNewSession() { w.showConnectDialog(SessionSettings{}) }

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
	f.openButton = widget.NewButton("Open", open)
	f.openButton.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide(); w.focusCurrent() })
	body := container.NewBorder(nil, container.NewVBox(problem, container.NewHBox(cancel, f.openButton)), nil, nil,
		container.NewVScroll(f.content))
	d = dialog.NewCustomWithoutButtons("New session", body, w.win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
	w.win.Canvas().Focus(f.host)
}
