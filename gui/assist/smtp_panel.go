package assist

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// SMTPPanel is the SMTP assistant beside a tab's terminal. Every command it
// sends goes into the live session, visible as if typed; replies are read
// back from the session and explained.
type SMTPPanel struct {
	w Window
	t Tab

	ehlo, from, to, subject, user *widget.Entry
	body                          *widget.Entry
	password                      *widget.Entry
	mech                          *widget.Select
	remember, useTLS              *widget.Check
	caps, status, detail          *widget.Label
	replies                       *widget.List
	lastButton                    *widget.Button // Show last result
	content                       fyne.CanvasObject
	domain                        *widget.Entry // Mail domain (smtp_mx.go)

	// On the UI goroutine: the last Run test's summary, and the session a
	// Run test waits for after reconnecting (nil when none).
	lastTitle, lastSummary string
	waiting                *protocol.Session
	// The mail domain the session came from (nil for none), whether its
	// lookup is running, and the current session's 220 greeting.
	mx       *mailDomain
	finding  bool
	banner   string
	accepted map[string]string // host → fingerprint of an unverified certificate accepted
	// forRun, while a Run test reconnects, takes a subscription to the
	// new session's replies made before that session starts.
	forRun func(<-chan smtp.Reply, func())

	mu        sync.Mutex // guards the fields below
	tap       *smtp.Tap  // the current session's replies (Attach)
	shown     []smtp.Reply
	last      smtp.Reply
	running   bool
	stopWatch func()
}

func NewSMTPPanel(w Window, t Tab) *SMTPPanel {
	p := &SMTPPanel{w: w, t: t}
	host, _ := os.Hostname()
	d := t.Settings().Profile.SMTP
	p.ehlo = oneLineEntry("EHLO name", cmp.Or(d.EHLO, host))
	p.from = oneLineEntry("sender@example.org", d.From)
	p.to = widget.NewMultiLineEntry()
	p.to.SetPlaceHolder("recipient@example.com (one per line)")
	p.to.SetText(strings.Join(d.To, "\n"))
	p.to.SetMinRowsVisible(2)
	p.subject = oneLineEntry("Subject", "Test message from Tern")
	p.body = widget.NewMultiLineEntry()
	p.body.SetText("This is a test message sent with Tern.\n")
	p.body.SetMinRowsVisible(4)
	p.user = oneLineEntry("user name", d.AuthUser)
	p.password = widget.NewPasswordEntry()
	p.mech = widget.NewSelect([]string{"PLAIN", "LOGIN"}, nil)
	p.mech.SetSelected(cmp.Or(strings.ToUpper(d.AuthMech), "PLAIN"))
	p.remember = widget.NewCheck("Remember password in this computer's keychain", nil)
	p.remember.SetChecked(t.Settings().Profile.RememberPassword)
	if t.Settings().Name != "" && t.Settings().Profile.RememberPassword {
		if pw, err := (profiles.Secrets{}).Get(t.Settings().Name); err == nil {
			p.password.SetText(pw)
		}
	}
	p.useTLS = widget.NewCheck("Use STARTTLS in Run test", nil)
	p.useTLS.SetChecked(t.Settings().Profile.TLS == profiles.TLSStartTLS)
	p.caps = widget.NewLabel("Capabilities: send EHLO to see them.")
	p.caps.Wrapping = fyne.TextWrapWord
	p.status = widget.NewLabel(assistantHint)
	p.status.Wrapping = fyne.TextWrapWord
	p.domain = widget.NewEntry()
	p.domain.SetPlaceHolder("Mail domain, e.g. example.com")
	p.domain.OnSubmitted = func(string) { p.findMailServers() }
	p.content = p.layout()
	p.addEarlierReplies(t.History())
	return p
}

func oneLineEntry(placeholder, text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.SetText(text)
	e.Validator = func(s string) error { return smtp.CheckField("this field", s) }
	return e
}

func (p *SMTPPanel) layout() fyne.CanvasObject {
	b := func(label string, f func()) *widget.Button { return widget.NewButton(label, f) }
	// In the order of the conversation: EHLO, AUTH, the envelope, DATA.
	form := widget.NewForm(
		widget.NewFormItem("EHLO name", p.ehlo),
		widget.NewFormItem("User", p.user),
		widget.NewFormItem("Password", p.password),
		widget.NewFormItem("Mechanism", p.mech),
		widget.NewFormItem("From", p.from),
		widget.NewFormItem("To", p.to),
		widget.NewFormItem("Subject", p.subject),
		widget.NewFormItem("Body", p.body),
	)
	commands := container.NewGridWithColumns(4,
		b("EHLO", p.sendEHLO), b("STARTTLS", p.sendSTARTTLS), b("AUTH", p.sendAUTH), b("Show encoded", p.showEncoded),
		b("MAIL FROM", p.sendMAIL), b("RCPT TO", p.sendRCPT), b("DATA", func() { p.send("DATA") }), b("Send message", p.sendMessage),
		b("RSET", func() { p.send("RSET") }), b("NOOP", func() { p.send("NOOP") }), b("VRFY", p.sendVRFY), b("QUIT", func() { p.send("QUIT") }),
	)
	run := widget.NewButton("Run test", p.RunTest)
	run.Importance = widget.HighImportance
	p.lastButton = widget.NewButton("Show last result", p.showLastResult)
	p.lastButton.Disable()
	cert := widget.NewButton("Certificate…", p.showCertificate)
	save := widget.NewButton("Save fields to profile", p.saveDefaults)
	// The buttons and what the assistant has to say stay in sight above
	// the fields, which scroll.
	header := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("SMTP assistant", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			layout.NewSpacer(), run, p.lastButton),
		commands,
		container.NewHBox(cert, save),
		container.NewBorder(nil, nil, widget.NewLabel("Mail domain"), b("Find mail servers", p.findMailServers), p.domain),
		p.status,
	)
	fields := container.NewVBox(form, p.remember, p.useTLS, p.caps)
	split := container.NewVSplit(container.NewVScroll(fields), p.newReplyView())
	split.Offset = 0.5
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return container.NewStack(bg, container.NewBorder(header, nil, nil, nil, split))
}

// say tells the person something, above the fields and in the status bar.
func (p *SMTPPanel) say(text string) {
	p.status.SetText(text)
	p.w.RefreshStatus()
}

// assistantHint is the assistant's first word, until it has another.
const assistantHint = "Fill in the fields, then press Run test, or send the commands one by one."

// Note is the assistant's last word, for the status bar (not the hint).
func (p *SMTPPanel) Note() string {
	if p.status.Text == assistantHint {
		return ""
	}
	return p.status.Text
}

// session is the live session, or nil with a message to the person.
func (p *SMTPPanel) session() *protocol.Session {
	s := p.t.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		p.say("Not connected: press Reconnect (Ctrl+Shift+R), or Run test, which connects again by itself. Your fields are kept.")
		return nil
	}
	return s
}

func (p *SMTPPanel) send(line string) {
	if s := p.session(); s != nil {
		s.SendLine(line)
		p.w.FocusTerminal()
	}
}

func (p *SMTPPanel) check(fields ...*widget.Entry) bool {
	for _, f := range fields {
		if err := f.Validate(); err != nil {
			p.say(err.Error())
			return false
		}
	}
	return true
}

func (p *SMTPPanel) sendEHLO() {
	if p.check(p.ehlo) {
		p.send("EHLO " + strings.TrimSpace(p.ehlo.Text))
	}
}

func (p *SMTPPanel) recipients() ([]string, error) {
	var out []string
	for _, r := range strings.FieldsFunc(p.to.Text, func(r rune) bool { return r == '\n' || r == ',' || r == ';' }) {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if err := smtp.CheckAddress("To", r, false); err != nil {
			return nil, err
		}
		out = append(out, strings.Trim(r, "<>"))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("enter at least one recipient in To")
	}
	return out, nil
}

func (p *SMTPPanel) sendMAIL() {
	if err := smtp.CheckAddress("From", p.from.Text, true); err != nil {
		p.say(err.Error())
		return
	}
	p.send("MAIL FROM:<" + strings.Trim(strings.TrimSpace(p.from.Text), "<>") + ">")
}

func (p *SMTPPanel) sendRCPT() {
	to, err := p.recipients()
	if err != nil {
		p.say(err.Error())
		return
	}
	for _, r := range to {
		p.send("RCPT TO:<" + r + ">")
	}
}

func (p *SMTPPanel) sendVRFY() {
	to, err := p.recipients()
	if err != nil {
		p.say(err.Error())
		return
	}
	p.send("VRFY " + to[0])
}

// message builds the message from the fields, checking them.
func (p *SMTPPanel) message() (*smtp.Message, error) {
	if err := smtp.CheckAddress("From", p.from.Text, true); err != nil {
		return nil, err
	}
	if err := smtp.CheckField("Subject", p.subject.Text); err != nil {
		return nil, err
	}
	to, err := p.recipients()
	if err != nil {
		return nil, err
	}
	if long := smtp.LongLines(p.body.Text); len(long) > 0 {
		return nil, fmt.Errorf("body line %d is longer than %d characters, which SMTP does not allow", long[0], smtp.MaxLineLength)
	}
	host := strings.TrimSpace(p.ehlo.Text)
	return &smtp.Message{From: strings.Trim(strings.TrimSpace(p.from.Text), "<>"), To: to, Subject: p.subject.Text, Body: p.body.Text, Host: host}, nil
}

// sendMessage sends the headers and body after DATA's 354, then ".".
func (p *SMTPPanel) sendMessage() {
	m, err := p.message()
	if err != nil {
		p.say(err.Error())
		return
	}
	p.mu.Lock()
	last := p.last.Code
	p.mu.Unlock()
	s := p.session()
	if s == nil {
		return
	}
	if last != 354 {
		p.say("Send DATA first and wait for the server's 354; then Send message.")
		return
	}
	for _, l := range m.DataLines() {
		s.SendLine(l)
	}
}

// encrypted reports whether the session is (or, reconnecting, will be)
// TLS; AUTH over plain text asks.
func (p *SMTPPanel) encrypted() bool {
	s := p.t.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		return p.t.Settings().Engine.TLS == protocol.TLSImplicit
	}
	return s.TLS() != nil
}

func (p *SMTPPanel) confirmPlaintextAuth(then func()) {
	if p.encrypted() {
		then()
		return
	}
	p.w.ConfirmRisky("Send the password unencrypted?",
		"This connection is not encrypted: the user name and password will cross the network in clear text (base64 is not encryption). Use STARTTLS first if the server offers it. Send anyway?",
		"Send anyway", func(ok bool) {
			if ok {
				then()
			}
		})
}

func (p *SMTPPanel) credentials() (string, string, bool) {
	if !p.check(p.user) {
		return "", "", false
	}
	if strings.ContainsAny(p.password.Text, "\r\n") {
		p.say("the password must be one line")
		return "", "", false
	}
	p.rememberPassword()
	return strings.TrimSpace(p.user.Text), p.password.Text, true
}

// rememberPassword keeps the password in the keychain, only when asked.
func (p *SMTPPanel) rememberPassword() {
	name := p.t.Settings().Name
	if name == "" || !p.remember.Checked || p.password.Text == "" {
		return
	}
	if err := (profiles.Secrets{}).Set(name, p.password.Text); err != nil {
		p.say("The password could not be kept in the keychain: " + err.Error())
	}
}

// sendAUTH logs in with the mechanism chosen, through the protocol's
// Auth verb on its own goroutine; a refusal is said in the assistant.
func (p *SMTPPanel) sendAUTH() {
	user, pass, ok := p.credentials()
	if !ok {
		return
	}
	mech := p.mech.Selected
	p.confirmPlaintextAuth(func() {
		s := p.session()
		if s == nil {
			return
		}
		c := p.client(s)
		p.w.FocusTerminal()
		go func() {
			defer c.stop()
			if err := c.Auth(context.Background(), mech, user, pass); err != nil {
				p.w.UI(func() { p.say("AUTH " + mech + " failed: " + smtpWords(err)) })
				return
			}
			p.w.UI(func() { p.say("AUTH " + mech + ": the server accepted the user name and password.") })
		}()
	})
}

// panelClient is a conversation for one button press, with the reply
// subscription it must end.
type panelClient struct {
	*smtp.Client
	stop func()
}

// client subscribes to the session's replies (on the UI goroutine, before
// anything is sent) and makes a conversation over the session.
func (p *SMTPPanel) client(s *protocol.Session) panelClient {
	replies, stop := p.subscribe()
	return panelClient{smtp.NewClient(p.conn(s), replies, smtp.DefaultTimeout), stop}
}

// smtpWords is an smtp error as the person reads it, without the prefix.
func smtpWords(err error) string { return strings.TrimPrefix(err.Error(), "smtp: ") }

func (p *SMTPPanel) showEncoded() {
	user, pass, ok := p.credentials()
	if !ok {
		return
	}
	u, pw := smtp.LoginSteps(user, pass)
	text := widget.NewEntry()
	text.MultiLine = true
	text.SetText("AUTH PLAIN " + smtp.PlainResponse(user, pass) + "\n\nAUTH LOGIN steps:\n" + u + "\n" + pw)
	text.Wrapping = fyne.TextWrapBreak
	warning := widget.NewLabel("Base64 is an encoding, not encryption: anyone who sees these lines has the password. Encoded here, on this computer.")
	warning.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Encoded credentials", "Close", container.NewBorder(warning, nil, nil, nil, text), p.w.Window())
	d.Resize(p.w.DialogSize(560, 300))
	p.w.ShowDialog(d)
}

// sendSTARTTLS switches the live session to TLS with the protocol's
// StartTLS verb, then sends EHLO again (the verb leaves that to us).
func (p *SMTPPanel) sendSTARTTLS() {
	s := p.session()
	if s == nil {
		return
	}
	if s.TLS() != nil {
		p.say("The connection is already encrypted.")
		return
	}
	c := p.client(s)
	ehlo := strings.TrimSpace(p.ehlo.Text)
	go func() {
		defer c.stop()
		ctx := context.Background()
		if err := c.StartTLS(ctx); err != nil {
			p.w.UI(func() { p.say("TLS did not start: " + smtpWords(err)) })
			return
		}
		if _, err := c.Hello(ctx, ehlo); err != nil {
			p.w.UI(func() { p.say("EHLO after STARTTLS failed: " + smtpWords(err)) })
		}
	}()
}

// saveDefaults keeps EHLO name, From, To, user and mechanism in the
// tab's saved profile (never the password: that goes to the keychain).
func (p *SMTPPanel) saveDefaults() {
	name := p.t.Settings().Name
	if name == "" || profiles.IsBuiltin(name) {
		p.say("This session is not a saved profile of yours: save it from the New session dialog first.")
		return
	}
	if !p.check(p.ehlo, p.from, p.user) {
		return
	}
	to, err := p.recipients()
	if err != nil {
		to = nil
	}
	d := profiles.SMTPDefaults{EHLO: strings.TrimSpace(p.ehlo.Text), From: strings.TrimSpace(p.from.Text), To: to,
		AuthUser: strings.TrimSpace(p.user.Text), AuthMech: p.mech.Selected, OpenOnConnect: true}
	_, err = p.w.Profiles().Update(func(f *profiles.File) error {
		pr, ok := f.Find(name)
		if !ok {
			return fmt.Errorf("the profile %q is no longer saved", name)
		}
		pr.SMTP = d
		pr.RememberPassword = p.remember.Checked
		f.Put(pr)
		return nil
	})
	if err != nil {
		p.say(err.Error())
		return
	}
	p.rememberPassword()
	p.t.SetSMTPDefaults(d)
	p.say("Saved the assistant's fields to " + name + ".")
}

func (p *SMTPPanel) showCertificate() {
	s := p.t.Session()
	if s == nil || s.TLS() == nil {
		p.say("The connection is not encrypted, so there is no certificate to show.")
		return
	}
	p.w.ShowCertificate(*s.TLS())
}

// Content is the panel, for the tab to show beside its terminal.
func (p *SMTPPanel) Content() fyne.CanvasObject { return p.content }

// Name is the protocol's name, for the status bar.
func (p *SMTPPanel) Name() string { return "SMTP" }
