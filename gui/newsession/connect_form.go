package newsession

import (
	"cmp"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/charset"
	"github.com/tern-telnet/tern/protocol/escapechar"
)

// connectForm is the New session dialog's content, kept apart from the
// dialog so tests can fill and read it. It shows every setting a profile
// holds except the SMTP assistant's, which live in the assistant.
type connectForm struct {
	host, port, bind   *widgets.EscEntry
	connType, tls      *widgets.Select
	network            *widgets.Select
	ttype, tspeed      *widgets.EscEntry
	charset            *widgets.Select
	negotiation        *widgets.Select
	echo, edit         *widgets.Select
	enter, backspace   *widgets.Select
	telnetKeys, binary *widgets.Check
	functionKeys       *widgets.Select // the function keys' and editing keypad's encoding
	homeEnd            *widgets.Select
	altKey             *widgets.Select
	escape, keepAlive  *widgets.EscEntry
	user, environment  *widgets.EscEntry
	sessionLog, rawLog *widgets.EscEntry
	logAppend, logText *widgets.Check
	logTimestamp       *widgets.EscEntry
	logSecrets         *widgets.Check
	logon              *logonEditor
	proxy              *proxyForm
	term               *terminalForm // colours, bell, features (terminal_form.go)
	pacing             *PacingForm   // Paste pacing (pacing_form.go)
	closeOnExit        *widgets.Select
	assistant          *widgets.Select
	openAssistant      *widgets.Check
	autoReconnect      *widgets.Check
	lfCR, crLF         *widgets.Check
	keepCleared        *widgets.Check
	scrollback, font   *widgets.EscEntry
	termSize           *widgets.EscEntry
	notes              *widgets.EscEntry
	content            fyne.CanvasObject
	openButton         *widgets.Button
	onEscape           func() // Escape in any field (the dialog's Cancel)
	// hostRequired: an empty Host is an error only once Open was pressed,
	// so that the field is not red before the person could fill it in.
	hostRequired bool
	name         string           // the profile shown, "" for none
	base         profiles.Profile // the saved profile, for its fields no session carries
	kept         settings.Kept    // what the session keeps of its profile
}

var (
	negotiationChoices = []string{"Auto (active on port 23, passive elsewhere)", "Active", "Passive"}
	tristateChoices    = []string{"Auto", "Force on", "Force off"}
	closeChoices       = []string{"Never: keep it, marked closed", "Only on clean exit", "Always"}
	tlsChoices         = []string{"None", "Implicit TLS (SMTPS 465, telnets 992)", "STARTTLS (SMTP, from the assistant)"}
	networkChoices     = []string{"Either", "IPv4 only", "IPv6 only"}
	// The assistant the toolbar's button opens ("" picks it by port).
	assistantChoices = []string{"By port (SMTP unless the port says otherwise)", "SMTP", "POP3", "IMAP", "HTTP"}
	assistantValues  = []string{"", settings.AssistSMTP, settings.AssistPOP3, settings.AssistIMAP, settings.AssistHTTP}
	networkValues    = []string{"", "tcp4", "tcp6"}
)

func newConnectForm(st settings.Session) *connectForm {
	f := &connectForm{}
	entry := func() *widgets.EscEntry { return widgets.NewEscEntry(false, f.escapePressed) }
	multiLine := func() *widgets.EscEntry { return widgets.NewEscEntry(true, f.escapePressed) }
	*f = connectForm{
		host: entry(), port: entry(), bind: entry(),
		connType: widgets.NewSelect([]string{"Telnet", "Raw"}, nil),
		tls:      widgets.NewSelect(tlsChoices, nil),
		network:  widgets.NewSelect(networkChoices, nil),
		ttype:    entry(), tspeed: entry(),
		charset:      widgets.NewSelect(charset.Names(), nil),
		negotiation:  widgets.NewSelect(negotiationChoices, nil),
		echo:         widgets.NewSelect(tristateChoices, nil),
		edit:         widgets.NewSelect(tristateChoices, nil),
		enter:        widgets.NewSelect([]string{"CR LF (Telnet new line)", "CR NUL"}, nil),
		backspace:    widgets.NewSelect([]string{"Delete (^?)", "Control-H (^H)"}, nil),
		telnetKeys:   widgets.NewCheck("^C, ^Z, Backspace send Telnet IP, SUSP, EC", nil),
		functionKeys: widgets.NewSelect(settings.FunctionKeysLabels, nil),
		homeEnd:      widgets.NewSelect([]string{"Standard", "rxvt"}, nil),
		altKey:       widgets.NewSelect([]string{"ESC, then the key (as PuTTY)", "8-bit meta (as xterm)"}, nil),
		binary:       widgets.NewCheck("Ask the server for 8-bit BINARY mode", nil),
		escape:       entry(), keepAlive: entry(),
		user: entry(), environment: multiLine(),
		sessionLog: entry(), rawLog: entry(),
		logAppend:     widgets.NewCheck("Append to existing logs", nil),
		logText:       widgets.NewCheck("Text only, without escape sequences (PuTTY's Printable output)", nil),
		logTimestamp:  entry(),
		logSecrets:    widgets.NewCheck("Log them as sent, to debug a login", nil),
		logon:         newLogonEditor(f.escapePressed),
		proxy:         newProxyForm(entry),
		term:          newTerminalForm(entry),
		pacing:        NewPacingForm(entry),
		closeOnExit:   widgets.NewSelect(closeChoices, nil),
		assistant:     widgets.NewSelect(assistantChoices, nil),
		openAssistant: widgets.NewCheck("Open the assistant with the session", nil),
		autoReconnect: widgets.NewCheck("Reconnect when the connection drops", nil),
		lfCR:          widgets.NewCheck("Implicit CR in every LF (lines stair-step)", nil),
		crLF:          widgets.NewCheck("Implicit LF in every CR (lines overprint)", nil),
		keepCleared:   widgets.NewCheck("Push erased text into scrollback", nil),
		scrollback:    entry(), font: entry(), termSize: entry(),
		notes: multiLine(),
	}
	f.host.SetPlaceHolder("mail.example.com, or mx:example.com for a mail domain's server")
	f.host.Validator = func(h string) error {
		if strings.TrimSpace(h) == "" && !f.hostRequired {
			return nil
		}
		return settings.ValidateHost(h)
	}
	f.port.Validator = settings.ValidatePort
	f.bind.SetPlaceHolder("any local address")
	f.bind.Validator = settings.ValidateBind
	f.ttype.SetPlaceHolder("XTERM-256COLOR,XTERM,VT100")
	f.tspeed.SetPlaceHolder("38400,38400")
	f.tspeed.Validator = validateTerminalSpeed
	f.escape.Validator = func(s string) error {
		if _, ok := escapechar.Parse(s); !ok {
			return errText("use ^] style, one character, or off")
		}
		return nil
	}
	f.keepAlive.Validator = numberValidator(0, 86400, false, "seconds between keep-alives, 0 for none")
	f.user.SetPlaceHolder("none: log in at the server's prompt")
	f.environment.SetPlaceHolder("NAME=value, one a line; sent only if the server asks")
	f.environment.SetMinRowsVisible(2)
	f.environment.Validator = func(s string) error {
		_, err := parseEnvironment(s)
		return err
	}
	f.sessionLog.SetPlaceHolder("e.g. ~/tern-&H-&Y&M&D-&T.log")
	f.logTimestamp.SetPlaceHolder("none, or e.g. [&Y-&M-&D &T] (session log)")
	f.scrollback.SetPlaceHolder("the app's setting")
	f.scrollback.Validator = numberValidator(0, 1000000, true, "a number of lines, 0 to 1000000, or empty")
	f.font.SetPlaceHolder(fontPlaceHolder())
	f.font.Validator = numberValidator(6, 72, true, "a size from 6 to 72, or empty")
	f.termSize.SetPlaceHolder("the window's, or e.g. 80x24")
	f.termSize.Validator = func(s string) error {
		_, _, err := parseTermSize(s)
		return err
	}
	f.notes.SetPlaceHolder("anything worth remembering about this server")
	f.notes.SetMinRowsVisible(2)
	f.fill(st)
	f.build()
	return f
}

// fill shows st in the form.
func (f *connectForm) fill(st settings.Session) {
	e := st.Engine
	f.kept = st.Profile
	f.host.SetText(e.Host)
	f.port.SetText(cmp.Or(e.Port, "23"))
	f.bind.SetText(e.Bind)
	f.proxy.fill(e.Proxy, st.Profile.ProxyPasswordGoesTo(e.Proxy))
	f.pacing.Fill(st.Profile.Pacing)
	f.connType.SetSelected("Telnet")
	if e.Negotiation == protocol.NegotiateRaw {
		f.connType.SetSelected("Raw")
	}
	f.tls.SetSelectedIndex(int(e.TLS))
	f.network.SetSelectedIndex(max(indexOf(networkValues, e.Network), 0))
	f.ttype.SetText(strings.Join(e.TerminalTypes, ","))
	f.tspeed.SetText(e.TerminalSpeed)
	set, ok := charset.Canonical(e.Charset)
	if !ok {
		set = charset.UTF8
	}
	f.charset.SetSelected(set)
	f.negotiation.SetSelectedIndex(min(int(e.Negotiation), 2))
	f.echo.SetSelectedIndex(int(e.LocalEcho))
	f.edit.SetSelectedIndex(int(e.LocalEdit))
	f.enter.SetSelectedIndex(boolIndex(e.EnterSendsCRNUL))
	f.backspace.SetSelectedIndex(boolIndex(e.BackspaceSendsCtrlH))
	f.telnetKeys.SetChecked(e.KeyboardSpecials)
	f.functionKeys.SetSelectedIndex(int(st.Keyboard.FunctionKeys))
	f.homeEnd.SetSelectedIndex(boolIndex(st.Keyboard.RxvtHomeEnd))
	f.altKey.SetSelectedIndex(boolIndex(st.Keyboard.Meta8Bit))
	f.binary.SetChecked(e.RequestBinary)
	f.escape.SetText(escapechar.Name(escapeOrDefault(e.Escape)))
	if e.Escape == escapechar.None {
		f.escape.SetText("none")
	}
	f.keepAlive.SetText(strconv.Itoa(int(e.KeepAlive / time.Second)))
	f.user.SetText(e.User)
	f.environment.SetText(formatEnvironment(e.Environment))
	f.sessionLog.SetText(e.SessionLog.Path)
	f.rawLog.SetText(e.RawLog.Path)
	f.logAppend.SetChecked(e.SessionLog.Append || e.RawLog.Append)
	f.logText.SetChecked(e.SessionLog.TextOnly)
	f.logTimestamp.SetText(e.SessionLog.Timestamp)
	f.logSecrets.SetChecked(e.LogSecrets)
	f.logon.setSteps(st.Logon)
	f.closeOnExit.SetSelectedIndex(int(st.Close))
	f.assistant.SetSelectedIndex(max(indexOf(assistantValues, st.Assistant), 0))
	f.openAssistant.SetChecked(st.OpenAssistant)
	f.autoReconnect.SetChecked(st.AutoReconnect)
	f.lfCR.SetChecked(st.LFImpliesCR)
	f.crLF.SetChecked(st.CRImpliesLF)
	f.keepCleared.SetChecked(!st.ClearDropsText)
	f.scrollback.SetText(blankZero(strconv.Itoa(st.Scrollback)))
	f.font.SetText(blankZero(strconv.FormatFloat(float64(st.FontSize), 'g', -1, 32)))
	f.termSize.SetText("")
	if st.Columns > 0 && st.Rows > 0 {
		f.termSize.SetText(fmt.Sprintf("%dx%d", st.Columns, st.Rows))
	}
	f.notes.SetText(st.Profile.Notes)
	f.term.fill(st.Terminal)
	f.name = st.Name
}

// userLabel and userHint name the user name Tern offers a server that asks
// for USER (Telnet NEW-ENVIRON), as PuTTY's "Auto-login username"; logon
// actions type the same name for {user}.
const (
	userLabel = "Auto-login user name"
	userHint  = "Given to a server that asks; some then skip their login prompt. Logon actions type it for {user}"
)

func (f *connectForm) build() {
	main := widget.NewForm(
		widget.NewFormItem("Host", f.host),
		widget.NewFormItem("Port", f.port),
		widget.NewFormItem("Bind address", f.bind),
		widget.NewFormItem("Connection type", f.connType),
		widget.NewFormItem("TLS", f.tls),
	)
	keyboard := widget.NewForm(
		widget.NewFormItem("Enter sends", f.enter),
		widget.NewFormItem("Backspace sends", f.backspace),
		widget.NewFormItem("Telnet keys", f.telnetKeys),
		widget.NewFormItem("Function keys and keypad", f.functionKeys),
		widget.NewFormItem("Home and End", f.homeEnd),
		widget.NewFormItem("Alt sends", f.altKey),
	)
	advanced := widget.NewForm(
		widget.NewFormItem("IP version", f.network),
		widget.NewFormItem("Terminal type", f.ttype),
		widget.NewFormItem("Terminal speed", f.tspeed),
		&widget.FormItem{Text: "Remote character set", Widget: f.charset, HintText: "What the server sends and expects; UTF-8 unless it is an old device"},
		widget.NewFormItem("Negotiation", f.negotiation),
		widget.NewFormItem("Local echo", f.echo),
		widget.NewFormItem("Local line editing", f.edit),
		widget.NewFormItem("BINARY", f.binary),
		widget.NewFormItem("Escape character", f.escape),
		widget.NewFormItem("Keep-alive (seconds)", f.keepAlive),
		&widget.FormItem{Text: userLabel, Widget: f.user, HintText: userHint},
		widget.NewFormItem("Environment", f.environment),
		widget.NewFormItem("Session log file", f.sessionLog),
		widget.NewFormItem("", f.logText),
		widget.NewFormItem("Raw log file", f.rawLog),
		widget.NewFormItem("", f.logAppend),
		widget.NewFormItem("Session log timestamps", f.logTimestamp),
		&widget.FormItem{Text: "Passwords in logs", Widget: f.logSecrets, HintText: "Off: logs get shared, so they show ********"},
		widget.NewFormItem("Close tab on exit", f.closeOnExit),
		widget.NewFormItem("Assistant", f.assistant),
		widget.NewFormItem("", f.openAssistant),
		widget.NewFormItem("", f.autoReconnect),
		widget.NewFormItem("Scrollback lines", f.scrollback),
		widget.NewFormItem("Font size", f.font),
		widget.NewFormItem("Terminal size at start", f.termSize),
		widget.NewFormItem("Line ends", f.lfCR),
		widget.NewFormItem("", f.crLF),
		&widget.FormItem{Text: "Clear screen", Widget: f.keepCleared, HintText: "Off: what clear erases is gone, as in xterm"},
		widget.NewFormItem("Notes", f.notes),
	)
	f.content = container.NewVBox(main, widgets.NewDisclosure("Proxy", f.proxy.content).Box, widgets.NewDisclosure("Logon actions", f.logon.content).Box,
		widgets.NewDisclosure("Paste pacing", widget.NewForm(f.pacing.Items...)).Box,
		widgets.NewDisclosure("Keyboard", keyboard).Box, widgets.NewDisclosure("Advanced", advanced).Box,
		widgets.NewDisclosure("Colours", f.term.colourBox).Box, widgets.NewDisclosure("Bell and features", f.term.featuresBox).Box)
}

// entries are the fields with validators, in the order they are shown.
func (f *connectForm) entries() []*widgets.EscEntry {
	return append(append([]*widgets.EscEntry{f.host, f.port, f.bind}, append(f.proxy.entries(),
		f.tspeed, f.escape, f.keepAlive, f.environment, f.scrollback, f.font, f.termSize)...), append(f.term.entries(), f.pacing.Entries()...)...)
}

func (f *connectForm) escapePressed() {
	if f.onEscape != nil {
		f.onEscape()
	}
}

// validate checks every field for Open; it returns the first problem.
func (f *connectForm) validate() error {
	f.hostRequired = true
	for _, e := range f.entries() {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return f.logon.validate()
}

// validateForSave checks the fields a profile may not hold wrongly; a
// profile (such as Default Settings) may leave the host empty.
func (f *connectForm) validateForSave() error {
	for _, e := range f.entries() {
		if e == f.host && strings.TrimSpace(e.Text) == "" {
			continue
		}
		if err := e.Validate(); err != nil {
			return err
		}
	}
	return f.logon.validate()
}

// settings reads the form.
func (f *connectForm) settings() settings.Session {
	var st settings.Session
	e := &st.Engine
	e.Host = strings.TrimSpace(f.host.Text)
	e.Port = strings.TrimSpace(f.port.Text)
	e.Bind = strings.TrimSpace(f.bind.Text)
	e.TLS = protocol.TLSMode(max(f.tls.SelectedIndex(), 0))
	e.Network = networkValues[max(f.network.SelectedIndex(), 0)]
	e.Proxy = f.proxy.config()
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
	e.TerminalSpeed = strings.TrimSpace(f.tspeed.Text)
	if f.charset.Selected != charset.UTF8 {
		e.Charset = f.charset.Selected
	}
	e.LocalEcho = protocol.Tristate(f.echo.SelectedIndex())
	e.LocalEdit = protocol.Tristate(f.edit.SelectedIndex())
	e.EnterSendsCRNUL = f.enter.SelectedIndex() == 1
	e.BackspaceSendsCtrlH = f.backspace.SelectedIndex() == 1
	e.KeyboardSpecials = f.telnetKeys.Checked
	st.Keyboard = settings.Keyboard{FunctionKeys: settings.FunctionKeys(max(f.functionKeys.SelectedIndex(), 0)),
		RxvtHomeEnd: f.homeEnd.SelectedIndex() == 1, Meta8Bit: f.altKey.SelectedIndex() == 1}
	e.RequestBinary = f.binary.Checked
	e.Escape, _ = escapechar.Parse(f.escape.Text)
	secs, _ := strconv.Atoi(strings.TrimSpace(f.keepAlive.Text))
	e.KeepAlive = time.Duration(secs) * time.Second
	e.User = strings.TrimSpace(f.user.Text)
	e.Environment, _ = parseEnvironment(f.environment.Text)
	e.SessionLog = protocol.Log{Path: settings.ExpandHome(strings.TrimSpace(f.sessionLog.Text)), Append: f.logAppend.Checked,
		TextOnly: f.logText.Checked}
	e.RawLog = protocol.Log{Path: settings.ExpandHome(strings.TrimSpace(f.rawLog.Text)), Append: f.logAppend.Checked}
	if strings.TrimSpace(f.logTimestamp.Text) != "" { // its spaces are the format's
		e.SessionLog.Timestamp = f.logTimestamp.Text
	}
	e.LogSecrets = f.logSecrets.Checked
	st.Logon = f.logon.steps()
	st.Close = protocol.CloseOnExit(f.closeOnExit.SelectedIndex())
	st.AutoReconnect = f.autoReconnect.Checked
	st.LFImpliesCR, st.CRImpliesLF = f.lfCR.Checked, f.crLF.Checked
	st.ClearDropsText = !f.keepCleared.Checked
	st.Scrollback, _ = strconv.Atoi(strings.TrimSpace(f.scrollback.Text))
	size, _ := strconv.ParseFloat(strings.TrimSpace(f.font.Text), 32)
	st.FontSize = float32(size)
	st.Columns, st.Rows, _ = parseTermSize(f.termSize.Text)
	st.Name = f.name
	st.Profile = f.kept
	st.Profile.Notes = strings.TrimSpace(f.notes.Text)
	st.Profile.Pacing = f.pacing.Settings()
	st.Assistant = assistantValues[max(f.assistant.SelectedIndex(), 0)]
	st.OpenAssistant = f.openAssistant.Checked
	st.Terminal = f.term.read()
	return st
}

// validateTerminalSpeed accepts TSPEED's "transmit,receive" in bits per
// second (RFC 1079), or an empty field for 38400,38400.
func validateTerminalSpeed(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	tx, rx, ok := strings.Cut(s, ",")
	if !ok || !isSpeed(tx) || !isSpeed(rx) {
		return errText("two speeds, e.g. 9600,9600")
	}
	return nil
}

func isSpeed(s string) bool {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return err == nil && n > 0 && n <= 100000000
}

// numberValidator accepts whole numbers from lo to hi (and an empty field
// when blank is allowed); msg says so.
func numberValidator(lo, hi float64, blank bool, msg string) func(string) error {
	return func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" && blank {
			return nil
		}
		n, err := strconv.ParseFloat(s, 64)
		if err != nil || n < lo || n > hi || (hi > 100 && n != float64(int(n))) {
			return errText(msg)
		}
		return nil
	}
}

// parseTermSize reads "COLSxROWS" (e.g. 80x24); empty means 0, 0.
func parseTermSize(s string) (cols, rows int, err error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, 0, nil
	}
	c, r, ok := strings.Cut(s, "x")
	cols, err1 := strconv.Atoi(strings.TrimSpace(c))
	rows, err2 := strconv.Atoi(strings.TrimSpace(r))
	if !ok || err1 != nil || err2 != nil || cols < 20 || cols > 1000 || rows < 5 || rows > 1000 {
		return 0, 0, errText("columns x rows, e.g. 80x24 (20-1000 by 5-1000), or empty")
	}
	return cols, rows, nil
}

// parseEnvironment reads NAME=value lines; blank lines are skipped.
func parseEnvironment(text string) (map[string]string, error) {
	var env map[string]string
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("line %d: write NAME=value", i+1)
		}
		if env == nil {
			env = map[string]string{}
		}
		env[name] = strings.TrimSpace(value)
	}
	return env, nil
}

func formatEnvironment(env map[string]string) string {
	names := make([]string, 0, len(env))
	for n := range env {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s=%s\n", n, env[n])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

type errText string

func (e errText) Error() string { return string(e) }

func blankZero(s string) string {
	if s == "0" {
		return ""
	}
	return s
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func escapeOrDefault(c int) int {
	if c == 0 {
		return escapechar.Default
	}
	return c
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fontPlaceHolder says what an empty Font size means: the app's size,
// which Larger and Smaller text (the zoom) scale, as they scale a
// session's own size.
func fontPlaceHolder() string {
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	zoom := math.Round(float64(theme.TextSize() / base * 100))
	if zoom == 100 {
		return fmt.Sprintf("the app's setting (%g)", base)
	}
	return fmt.Sprintf("the app's setting (%g, shown at %g %%)", base, zoom)
}
