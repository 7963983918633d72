package assist

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// SMTPPanel is the SMTP assistant beside a tab's terminal. Every command it
// sends goes into the live session, visible as if typed; replies are read
// back from the session and explained.
type SMTPPanel struct {
	panel.Base
	panel.ReplyView[smtp.Reply]

	ehlo, from, to, subject, user *widgets.EscEntry
	body                          *widgets.EscEntry
	password                      *widgets.EscEntry
	mech                          *widget.Select
	remember, useTLS              *widget.Check
	caps                          *widget.Label
	content                       fyne.CanvasObject
	domain                        *widgets.EscEntry // Mail domain (smtp_mx.go)

	// On the UI goroutine: the mail domain the session came from (nil for
	// none), whether its lookup is running, and the current session's 220
	// greeting.
	mx      *mailDomain
	finding bool
	banner  string
	// ehloCaps are what the current session's last EHLO announced (nil
	// before one), for AUTH by hand.
	ehloCaps *smtp.Capabilities
	// forRun, while a Run test reconnects, takes a client of the new
	// session made before that session starts.
	forRun func(*smtp.Client)

	// Guarded by mu: the current session's replies (Attach), and the last.
	tap  *smtp.Tap
	last smtp.Reply
}

// NewSMTPPanel makes the SMTP assistant for the tab, its fields filled
// from the tab's profile.
func NewSMTPPanel(w Window, t Tab) *SMTPPanel {
	p := &SMTPPanel{Base: panel.NewBase(w, t, "SMTP")}
	host, _ := os.Hostname()
	d := t.Settings().Profile.SMTP
	p.ehlo = oneLineEntry("EHLO name", cmp.Or(d.EHLO, host))
	p.from = oneLineEntry("sender@example.org", d.From)
	p.to = widgets.NewEscEntry(true, nil)
	p.to.SetPlaceHolder("recipient@example.com (one per line)")
	p.to.SetText(strings.Join(d.To, "\n"))
	p.to.SetMinRowsVisible(2)
	p.subject = oneLineEntry("Subject", "Test message from Tern")
	p.body = widgets.NewEscEntry(true, nil)
	p.body.SetText("This is a test message sent with Tern.\n")
	p.body.SetMinRowsVisible(4)
	p.user = oneLineEntry("user name", d.AuthUser)
	p.password, p.remember = p.PasswordFields()
	p.KeepFieldsForRun(map[string]*widgets.EscEntry{"from": p.from, "to": p.to, "user": p.user})
	p.mech = widget.NewSelect([]string{"PLAIN", "LOGIN"}, nil)
	p.mech.SetSelected(cmp.Or(strings.ToUpper(d.AuthMech), "PLAIN"))
	p.useTLS = widget.NewCheck("Use STARTTLS in Run test", nil)
	p.useTLS.SetChecked(d.StartTLS || t.Settings().Engine.TLS == protocol.TLSStartTLS)
	p.caps = widget.NewLabel("Capabilities: send EHLO to see them.")
	p.caps.Wrapping = fyne.TextWrapWord
	p.domain = widgets.NewEscEntry(false, nil)
	p.domain.SetPlaceHolder("Mail domain, e.g. example.com")
	p.domain.OnSubmitted = func(string) { p.findMailServers() }
	p.content = p.layout()
	p.addEarlierReplies(t.History())
	return p
}

func oneLineEntry(placeholder, text string) *widgets.EscEntry {
	e := widgets.NewEscEntry(false, nil)
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
	domain := container.NewBorder(nil, nil, widget.NewLabel("Mail domain"), b("Find mail servers", p.findMailServers), p.domain)
	// Mail domain, a lookup beside the test, comes after the test's fields
	// so that the first empty field the keyboard goes to is one of them.
	fields := container.NewVBox(form, p.remember, p.useTLS, p.caps, domain)
	return p.Frame(p.RunTest, commands, p.saveDefaults, fields, p.NewReplyView(p.Window, smtp.Reply.String, replyLines, smtp.Explain), 0.65)
}

func (p *SMTPPanel) send(line string) {
	if s := p.Session(); s != nil {
		s.SendLine(line)
		p.Window.FocusTerminal()
	}
}

func (p *SMTPPanel) check(fields ...*widgets.EscEntry) bool {
	for _, f := range fields {
		if err := f.Validate(); err != nil {
			p.SayWrong(panel.InField(f, err))
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
			return nil, panel.InField(p.to, err)
		}
		out = append(out, strings.Trim(r, "<>"))
	}
	if len(out) == 0 {
		return nil, panel.InField(p.to, fmt.Errorf("enter at least one recipient in To"))
	}
	return out, nil
}

func (p *SMTPPanel) sendMAIL() {
	if err := smtp.CheckAddress("From", p.from.Text, true); err != nil {
		p.SayWrong(panel.InField(p.from, err))
		return
	}
	from := strings.Trim(strings.TrimSpace(p.from.Text), "<>")
	s := p.Session()
	if s == nil {
		return
	}
	s.SendLine("MAIL FROM:<" + from + ">")
	p.Window.FocusTerminal()
	if from == "" {
		p.Say(saidNullSender)
	}
}

func (p *SMTPPanel) sendRCPT() {
	to, err := p.recipients()
	if err != nil {
		p.SayWrong(err)
		return
	}
	for _, r := range to {
		p.send("RCPT TO:<" + r + ">")
	}
}

func (p *SMTPPanel) sendVRFY() {
	to, err := p.recipients()
	if err != nil {
		p.SayWrong(err)
		return
	}
	p.send("VRFY " + to[0])
}

// message builds the message from the fields, checking them.
func (p *SMTPPanel) message() (*smtp.Message, error) {
	if err := smtp.CheckAddress("From", p.from.Text, true); err != nil {
		return nil, panel.InField(p.from, err)
	}
	if err := smtp.CheckField("Subject", p.subject.Text); err != nil {
		return nil, panel.InField(p.subject, err)
	}
	to, err := p.recipients()
	if err != nil {
		return nil, err
	}
	if long := smtp.LongLines(p.body.Text); len(long) > 0 {
		return nil, panel.InField(p.body, fmt.Errorf("body line %d is longer than %d characters, which SMTP does not allow", long[0], smtp.MaxLineLength))
	}
	host := strings.TrimSpace(p.ehlo.Text)
	return &smtp.Message{From: strings.Trim(strings.TrimSpace(p.from.Text), "<>"), To: to, Subject: p.subject.Text, Body: p.body.Text, Host: host}, nil
}

// sendMessage sends the headers and body after DATA's 354, then ".".
func (p *SMTPPanel) sendMessage() {
	m, err := p.message()
	if err != nil {
		p.SayWrong(err)
		return
	}
	p.Mu.Lock()
	last := p.last.Code
	p.Mu.Unlock()
	s := p.Session()
	if s == nil {
		return
	}
	if last != 354 {
		p.Say("Send DATA first and wait for the server's 354; then Send message.")
		return
	}
	for _, l := range m.DataLines() {
		s.SendLine(l)
	}
}

// sendAUTH logs in with the mechanism chosen, through the protocol's
// Auth verb on its own goroutine; a refusal is said in the assistant.
func (p *SMTPPanel) sendAUTH() {
	user, pass, ok := p.Credentials(p.user, p.password, p.remember)
	if !ok {
		return
	}
	mech := p.mech.Selected
	if caps := p.ehloCaps; caps != nil && len(caps.Auth) == 0 && !caps.StartTLS {
		p.Say("The server's EHLO offered no AUTH, so the user name and password were not sent.")
		return
	}
	auth := func(startTLS bool) { p.auth(mech, user, pass, startTLS) }
	if caps := p.ehloCaps; caps != nil && caps.StartTLS && !p.Encrypted() {
		p.askTLSBeforeAuth(func() { auth(true) }, func() { auth(false) })
		return
	}
	p.ConfirmPlaintextAuth(func() { auth(false) })
}

// client makes a conversation over the session, listening to its replies
// from now on (on the UI goroutine, before anything is sent); close it
// when done.
func (p *SMTPPanel) client(s *protocol.Session) *smtp.Client {
	p.Mu.Lock()
	tap := p.tap
	p.Mu.Unlock()
	if tap == nil { // no session attached: nothing will come
		tap = &smtp.Tap{}
		tap.Close()
	}
	return smtp.NewClient(p.Conn(s), tap)
}

func (p *SMTPPanel) showEncoded() {
	user, pass, ok := p.Credentials(p.user, p.password, p.remember)
	if !ok {
		return
	}
	u, pw := smtp.LoginSteps(user, pass)
	text := widgets.NewEscEntry(false, nil)
	text.MultiLine = true
	text.SetText("AUTH PLAIN " + smtp.PlainResponse(user, pass) + "\n\nAUTH LOGIN steps:\n" + u + "\n" + pw)
	text.Wrapping = fyne.TextWrapBreak
	warning := widget.NewLabel("Base64 is an encoding, not encryption: anyone who sees these lines has the password. Encoded here, on this computer.")
	warning.Wrapping = fyne.TextWrapWord
	d := panel.ShowClosable(p.Window, "Encoded credentials", container.NewBorder(warning, nil, nil, nil, text), fyne.NewSize(560, 300))
	text.OnEscape = d.Hide
}

// sendSTARTTLS switches the live session to TLS with the protocol's
// StartTLS verb, then sends EHLO again (the verb leaves that to us).
func (p *SMTPPanel) sendSTARTTLS() {
	s := p.Session()
	if s == nil {
		return
	}
	if s.TLS() != nil {
		p.Say("The connection is already encrypted.")
		return
	}
	c := p.client(s)
	ehlo := strings.TrimSpace(p.ehlo.Text)
	go func() {
		defer c.Close()
		ctx := context.Background()
		if err := c.StartTLS(ctx); err != nil {
			p.Window.UI(func() { p.Say("TLS did not start: " + panel.Words(err)) })
			return
		}
		if _, err := c.Hello(ctx, ehlo); err != nil {
			p.Window.UI(func() { p.Say("EHLO after STARTTLS failed: " + panel.Words(err)) })
		}
	}()
}

// saveDefaults keeps EHLO name, From, To, user, mechanism and Use
// STARTTLS in the tab's saved profile (never the password: that goes to
// the keychain).
func (p *SMTPPanel) saveDefaults() {
	if !p.check(p.ehlo, p.from, p.user) {
		return
	}
	to, err := p.recipients()
	if err != nil {
		to = nil
	}
	d := profiles.SMTPDefaults{EHLO: strings.TrimSpace(p.ehlo.Text), From: strings.TrimSpace(p.from.Text), To: to,
		AuthUser: strings.TrimSpace(p.user.Text), AuthMech: p.mech.Selected, OpenOnConnect: true, StartTLS: p.useTLS.Checked}
	if !p.SaveToProfile(func(pr *profiles.Profile) { pr.SMTP, pr.RememberPassword = d, p.remember.Checked }) {
		return
	}
	p.RememberPassword(p.password.Text, p.remember.Checked)
	st := p.Tab.Settings() // the tab's next session keeps them too
	st.Profile.SMTP, st.Profile.RememberPassword = d, p.remember.Checked
	p.Tab.SetSettings(st)
	p.Say("Saved the assistant's fields to " + p.Tab.Settings().Name + ".")
}

// Content is the panel, for the tab to show beside its terminal.
func (p *SMTPPanel) Content() fyne.CanvasObject { return p.content }
