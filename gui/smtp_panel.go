package gui

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

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

// smtpPanel is the SMTP assistant beside a tab's terminal. Every command it
// sends goes into the live session, visible as if typed; replies are read
// back from the session and explained.
type smtpPanel struct {
	t *sessionTab

	ehlo, from, to, subject, user *widget.Entry
	body                          *widget.Entry
	password                      *widget.Entry
	mech                          *widget.Select
	remember, useTLS              *widget.Check
	caps, result                  *widget.Label
	replies                       *widget.List
	content                       fyne.CanvasObject

	mu        sync.Mutex
	shown     []smtp.Reply
	last      smtp.Reply
	running   bool
	stopWatch func()
}

func newSMTPPanel(t *sessionTab) *smtpPanel {
	p := &smtpPanel{t: t}
	host, _ := os.Hostname()
	d := t.settings.Profile.SMTP
	p.ehlo = oneLineEntry("EHLO name", orDefault(d.EHLO, host))
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
	p.mech.SetSelected(orDefault(strings.ToUpper(d.AuthMech), "PLAIN"))
	p.remember = widget.NewCheck("Remember password in this computer's keychain", nil)
	p.remember.SetChecked(t.settings.Profile.RememberPassword)
	if t.settings.Name != "" && t.settings.Profile.RememberPassword {
		if pw, err := (profiles.Secrets{}).Get(t.settings.Name); err == nil {
			p.password.SetText(pw)
		}
	}
	p.useTLS = widget.NewCheck("Use STARTTLS in Run test", nil)
	p.useTLS.SetChecked(t.settings.Profile.TLS == profiles.TLSStartTLS)
	p.caps = widget.NewLabel("Capabilities: send EHLO to see them.")
	p.caps.Wrapping = fyne.TextWrapWord
	p.result = widget.NewLabel("")
	p.result.Wrapping = fyne.TextWrapWord
	p.result.TextStyle.Monospace = true
	p.replies = widget.NewList(
		func() int { p.mu.Lock(); defer p.mu.Unlock(); return len(p.shown) },
		func() fyne.CanvasObject {
			reply, meaning := widget.NewLabel(""), widget.NewLabel("")
			reply.Truncation, meaning.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			reply.TextStyle.Monospace = true
			return container.NewVBox(reply, meaning)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p.mu.Lock()
			r := p.shown[id]
			p.mu.Unlock()
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(r.String())
			box.Objects[1].(*widget.Label).SetText("→ " + smtp.Explain(r))
		})
	p.content = p.layout()
	return p
}

func oneLineEntry(placeholder, text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.SetText(text)
	e.Validator = func(s string) error { return smtp.CheckField("this field", s) }
	return e
}

func (p *smtpPanel) layout() fyne.CanvasObject {
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
	run := widget.NewButton("Run test", p.runTest)
	run.Importance = widget.HighImportance
	cert := widget.NewButton("Certificate…", p.showCertificate)
	save := widget.NewButton("Save fields to profile", p.saveDefaults)
	// The buttons stay in sight above the fields, which scroll.
	header := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("SMTP assistant", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			layout.NewSpacer(), run, cert, save),
		commands,
	)
	fields := container.NewVBox(form, p.remember, p.useTLS, p.caps, p.result)
	split := container.NewVSplit(container.NewVScroll(fields), p.replies)
	split.Offset = 0.66
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return container.NewStack(bg, container.NewBorder(header, nil, nil, nil, split))
}

// attach follows a (new) session's replies.
func (p *smtpPanel) attach(tap *smtp.Tap) {
	if p.stopWatch != nil {
		p.stopWatch()
	}
	ch, stop := tap.Subscribe()
	p.stopWatch = stop
	go func() {
		for r := range ch {
			if r.Code == 0 {
				continue
			}
			reply := r
			onUI(func() { p.addReply(reply) })
		}
	}()
}

func (p *smtpPanel) addReply(r smtp.Reply) {
	p.mu.Lock()
	p.shown = append(p.shown, r)
	if len(p.shown) > 200 {
		p.shown = p.shown[len(p.shown)-200:]
	}
	p.last = r
	p.mu.Unlock()
	if r.Code == 250 && len(r.Lines) > 1 {
		p.caps.SetText("Capabilities: " + smtp.ParseEHLO(r).Summary())
	}
	p.replies.Refresh()
	p.replies.ScrollToBottom()
}

// session is the live session, or nil with a message to the person.
func (p *smtpPanel) session() *protocol.Session {
	s := p.t.session()
	if s == nil || s.Status().State != protocol.StateConnected {
		p.result.SetText("Not connected: open or reconnect the session first. Your fields are kept.")
		return nil
	}
	return s
}

func (p *smtpPanel) send(line string) {
	if s := p.session(); s != nil {
		s.SendLine(line)
		p.t.win.focusCurrent()
	}
}

func (p *smtpPanel) check(fields ...*widget.Entry) bool {
	for _, f := range fields {
		if err := f.Validate(); err != nil {
			p.result.SetText(err.Error())
			return false
		}
	}
	return true
}

func (p *smtpPanel) sendEHLO() {
	if p.check(p.ehlo) {
		p.send("EHLO " + strings.TrimSpace(p.ehlo.Text))
	}
}

func (p *smtpPanel) recipients() ([]string, error) {
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

func (p *smtpPanel) sendMAIL() {
	if err := smtp.CheckAddress("From", p.from.Text, true); err != nil {
		p.result.SetText(err.Error())
		return
	}
	p.send("MAIL FROM:<" + strings.Trim(strings.TrimSpace(p.from.Text), "<>") + ">")
}

func (p *smtpPanel) sendRCPT() {
	to, err := p.recipients()
	if err != nil {
		p.result.SetText(err.Error())
		return
	}
	for _, r := range to {
		p.send("RCPT TO:<" + r + ">")
	}
}

func (p *smtpPanel) sendVRFY() {
	to, err := p.recipients()
	if err != nil {
		p.result.SetText(err.Error())
		return
	}
	p.send("VRFY " + to[0])
}

// message builds the message from the fields, checking them.
func (p *smtpPanel) message() (*smtp.Message, error) {
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
func (p *smtpPanel) sendMessage() {
	m, err := p.message()
	if err != nil {
		p.result.SetText(err.Error())
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
		p.result.SetText("Send DATA first and wait for the server's 354; then Send message.")
		return
	}
	for _, l := range m.DataLines() {
		s.SendLine(l)
	}
}

// encrypted reports whether the session is TLS; AUTH over plain text asks.
func (p *smtpPanel) encrypted() bool {
	s := p.t.session()
	return s != nil && s.TLS() != nil
}

func (p *smtpPanel) confirmPlaintextAuth(then func()) {
	if p.encrypted() {
		then()
		return
	}
	dialog.ShowConfirm("Send the password unencrypted?",
		"This connection is not encrypted: the user name and password will cross the network in clear text (base64 is not encryption). Use STARTTLS first if the server offers it. Send anyway?",
		func(ok bool) {
			if ok {
				then()
			}
		}, p.t.win.win)
}

func (p *smtpPanel) credentials() (string, string, bool) {
	if !p.check(p.user) {
		return "", "", false
	}
	if strings.ContainsAny(p.password.Text, "\r\n") {
		p.result.SetText("the password must be one line")
		return "", "", false
	}
	p.rememberPassword()
	return strings.TrimSpace(p.user.Text), p.password.Text, true
}

// rememberPassword keeps the password in the keychain, only when asked.
func (p *smtpPanel) rememberPassword() {
	name := p.t.settings.Name
	if name == "" || !p.remember.Checked || p.password.Text == "" {
		return
	}
	if err := (profiles.Secrets{}).Set(name, p.password.Text); err != nil {
		p.result.SetText("The password could not be kept in the keychain: " + err.Error())
	}
}

func (p *smtpPanel) sendAUTH() {
	user, pass, ok := p.credentials()
	if !ok {
		return
	}
	p.confirmPlaintextAuth(func() {
		if p.mech.Selected == "LOGIN" {
			p.authLogin(user, pass)
			return
		}
		p.send("AUTH PLAIN " + smtp.PlainResponse(user, pass))
	})
}

// authLogin sends AUTH LOGIN and answers both 334 prompts.
func (p *smtpPanel) authLogin(user, pass string) {
	s := p.session()
	if s == nil {
		return
	}
	replies, stop := p.t.tap().Subscribe()
	u, pw := smtp.LoginSteps(user, pass)
	s.SendLine("AUTH LOGIN")
	go func() {
		defer stop()
		for _, answer := range []string{u, pw} {
			if r, ok := nextReply(replies, 15*time.Second); !ok || r.Code != 334 {
				return
			}
			s.SendLine(answer)
		}
	}()
}

func nextReply(ch <-chan smtp.Reply, timeout time.Duration) (smtp.Reply, bool) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		select {
		case r, ok := <-ch:
			if !ok {
				return smtp.Reply{}, false
			}
			if r.Code != 0 {
				return r, true
			}
		case <-timer.C:
			return smtp.Reply{}, false
		}
	}
}

func (p *smtpPanel) showEncoded() {
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
	d := dialog.NewCustom("Encoded credentials", "Close", container.NewBorder(warning, nil, nil, nil, text), p.t.win.win)
	d.Resize(p.t.win.dialogSize(560, 300))
	p.t.win.showDialog(d)
}

// sendSTARTTLS switches the live session to TLS after the server's 220,
// then sends EHLO again.
func (p *smtpPanel) sendSTARTTLS() {
	s := p.session()
	if s == nil {
		return
	}
	if s.TLS() != nil {
		p.result.SetText("The connection is already encrypted.")
		return
	}
	s.ArmStartTLS()
	s.SendLine("STARTTLS")
	conn := p.conn(s)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := conn.WaitTLS(ctx); err != nil {
			onUI(func() { p.result.SetText("TLS did not start: " + err.Error()) })
			return
		}
		s.SendLine("EHLO " + strings.TrimSpace(p.ehlo.Text))
	}()
}

// runTest runs the whole conversation.
func (p *smtpPanel) runTest() {
	s := p.session()
	if s == nil {
		return
	}
	p.mu.Lock()
	if p.running {
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	if !p.check(p.ehlo) {
		return
	}
	msg, err := p.message()
	if err != nil {
		p.result.SetText(err.Error())
		return
	}
	plan := smtp.Plan{EHLO: strings.TrimSpace(p.ehlo.Text), StartTLS: p.useTLS.Checked, From: msg.From, To: msg.To, Message: msg,
		Encrypted: s.TLS() != nil}
	start := func() {
		p.mu.Lock()
		p.running = true
		p.mu.Unlock()
		p.result.SetText("Running…")
		replies, stop := p.t.tap().Subscribe()
		go func() {
			defer stop()
			res := smtp.Run(context.Background(), p.conn(s), replies, plan, func(st smtp.Step) {
				onUI(func() { p.result.SetText("Running… " + st.Name + ": " + st.Reply.String()) })
			})
			onUI(func() {
				p.mu.Lock()
				p.running = false
				p.mu.Unlock()
				if info := s.TLS(); info != nil {
					res.TLSDetail = info.Summary()
				}
				summary := res.Summary()
				p.result.SetText(summary)
				p.showSummary(runTitle(res), summary)
			})
		}()
	}
	if strings.TrimSpace(p.user.Text) != "" {
		user, pass, ok := p.credentials()
		if !ok {
			return
		}
		plan.Auth = &smtp.Auth{Mechanism: p.mech.Selected, User: user, Password: pass}
		if !plan.StartTLS && !plan.Encrypted {
			p.confirmPlaintextAuth(start)
			return
		}
	}
	start()
}

// saveDefaults keeps EHLO name, From, To, user and mechanism in the
// tab's saved profile (never the password: that goes to the keychain).
func (p *smtpPanel) saveDefaults() {
	name := p.t.settings.Name
	if name == "" || profiles.IsBuiltin(name) {
		p.result.SetText("This session is not a saved profile of yours: save it from the New session dialog first.")
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
	_, err = p.t.win.store.Update(func(f *profiles.File) error {
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
		p.result.SetText(err.Error())
		return
	}
	p.rememberPassword()
	p.t.settings.Profile.SMTP = d
	p.result.SetText("Saved the assistant's fields to " + name + ".")
}

func runTitle(res smtp.Result) string {
	if res.Err != nil {
		return "SMTP test stopped"
	}
	return "SMTP test passed"
}

// showSummary puts the outcome of Run test in front of the person.
func (p *smtpPanel) showSummary(title, summary string) {
	text := widget.NewLabel(summary)
	text.TextStyle.Monospace = true
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "Close", container.NewVScroll(text), p.t.win.win)
	d.Resize(p.t.win.dialogSize(760, 420))
	p.t.win.showDialog(d)
}

// panelConn is the session as the runner sees it; an unverified
// certificate is put to the person before anything more is sent.
type panelConn struct {
	p *smtpPanel
	s *protocol.Session
}

func (p *smtpPanel) conn(s *protocol.Session) panelConn { return panelConn{p, s} }

func (c panelConn) SendLine(l string) { c.s.SendLine(l) }
func (c panelConn) ArmStartTLS()      { c.s.ArmStartTLS() }

func (c panelConn) WaitTLS(ctx context.Context) error {
	if err := c.s.WaitTLS(ctx); err != nil {
		return err
	}
	info := c.s.TLS()
	if info == nil || info.Verified {
		return nil
	}
	answer := make(chan bool, 1)
	onUI(func() { c.p.t.win.askUnverified(c.p.t, *info, func(ok bool) { answer <- ok }) })
	select {
	case ok := <-answer:
		if !ok {
			c.s.Close()
			return fmt.Errorf("the certificate was not accepted: %s", info.Problem)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *smtpPanel) showCertificate() {
	s := p.t.session()
	if s == nil || s.TLS() == nil {
		p.result.SetText("The connection is not encrypted, so there is no certificate to show.")
		return
	}
	p.t.win.showCertificate(*s.TLS())
}
