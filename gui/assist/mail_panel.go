package assist

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/exchange"
)

// The mailbox assistants (POP3, IMAP) are one panel, mailPanel, driven by
// a mailProto: the protocol's replies (R), its verb client (C) and how to
// read them. Their buttons send the protocol's verbs into the live
// session, visible as if typed; every reply is listed and explained; Run
// test logs in over TLS and counts the mail in INBOX, reading none.

// mailClient is what the POP3 and IMAP verb clients have in common (the
// SMTP client has the same shape).
type mailClient[R any] interface {
	Close()
	StepHooks() *exchange.Hooks[R]
	StartTLS(ctx context.Context) error
	Login(ctx context.Context, user, password string) error
}

// replyTap is a protocol's Tap: fed by the tab, read by subscribers.
type replyTap[R any] interface {
	protocol.DataTap
	Subscribe() (<-chan R, func())
}

// mechanism is a login method the person can pick.
type mechanism struct {
	label string // in the Mechanism list
	value string // exchange.Plan.Mechanism
}

// mailProto is one mail protocol as its panel drives it.
type mailProto[R any, C mailClient[R]] struct {
	name     string // POP3
	tlsVerb  string // STLS
	capaVerb string // CAPA
	mechs    []mechanism
	// connect makes a session's reply tap and the verb client listening
	// to it (subscribed before the session reads anything).
	connect func(conn exchange.Conn) (C, replyTap[R])
	// earlier reads replies back from a transcript.
	earlier func(transcript string) []R
	// reply says whether r is a response (not another line); greeted
	// whether it is a greeting that lets the client go on.
	reply, greeted func(r R) bool
	short          func(R) string
	lines          func(R) []string
	explain        func(R) string
	// capa asks for the capabilities; caps says what the client last
	// learnt of them, for people ("" when nothing), and whether they
	// offer SASL PLAIN.
	capa  func(c C, ctx context.Context) error
	caps  func(c C) (Summary string, plain bool)
	plain func(c C, ctx context.Context, user, password string) error
	// run is the login test; it returns its summary and how it ended.
	run func(c C, ctx context.Context, plan exchange.Plan, progress func(exchange.Step[R])) (string, error)
	// refusal says in plain words why the server refused, when err is its
	// refusal (a *ReplyError); "" for any other error.
	refusal func(err error) string
}

// readBack reads a transcript's replies with a protocol's reader (T).
func readBack[R, T any, PT interface {
	*T
	exchange.Reader[R]
}](transcript string) []R {
	var rd T
	return PT(&rd).Feed([]byte(transcript + "\r\n"))
}

// known is summary when the capabilities were read, else "".
func known(read bool, Summary string) string {
	if read {
		return Summary
	}
	return ""
}

// startTLS switches to TLS and asks for the capabilities again: they
// change once encrypted.
func (m *mailProto[R, C]) startTLS(ctx context.Context, c C) error {
	if err := c.StartTLS(ctx); err != nil {
		return err
	}
	return m.capa(c, ctx)
}

// login logs in with SASL PLAIN or the protocol's own command, as mech
// says (see exchange.Plan.UsePlain).
func (m *mailProto[R, C]) login(ctx context.Context, c C, user, password, mech string) error {
	if _, offered := m.caps(c); (exchange.Plan{Mechanism: mech}).UsePlain(offered) {
		return m.plain(c, ctx, user, password)
	}
	return c.Login(ctx, user, password)
}

// mailPanel is a mailbox assistant beside a tab's terminal.
type mailPanel[R any, C mailClient[R]] struct {
	panel.Base
	panel.ReplyView[R]
	proto *mailProto[R, C]

	user, password *widgets.EscEntry
	mech           *widget.Select
	remember       *widget.Check
	useTLS         *widget.Check
	caps           *widget.Label
	content        fyne.CanvasObject

	// On the UI goroutine: a verb is waiting for its reply; and, while a
	// Run test reconnects, what takes the new session's replies.
	busy   bool
	forRun func(exchange.Subscription[R])

	// Guarded by mu: the current session's verb client and whether there
	// is one.
	client    C
	hasClient bool
}

func newMailPanel[R any, C mailClient[R]](w Window, t Tab, proto *mailProto[R, C]) *mailPanel[R, C] {
	p := &mailPanel[R, C]{Base: panel.NewBase(w, t, proto.name), proto: proto}
	st := t.Settings()
	p.user = oneLineEntry("user name", st.Profile.Mail.User)
	p.password, p.remember = p.PasswordFields()
	p.KeepFieldsForRun(map[string]*widgets.EscEntry{"user": p.user})
	labels := make([]string, len(proto.mechs))
	p.mech = widget.NewSelect(labels, nil)
	for i, m := range proto.mechs {
		labels[i] = m.label
		if strings.EqualFold(m.value, st.Profile.Mail.Mechanism) {
			p.mech.SetSelectedIndex(i)
		}
	}
	if p.mech.SelectedIndex() < 0 {
		p.mech.SetSelectedIndex(0)
	}
	p.useTLS = widget.NewCheck("Use "+proto.tlsVerb+" in Run test (the password is then never sent unencrypted)", nil)
	p.useTLS.SetChecked(st.Engine.TLS != protocol.TLSImplicit && !st.Profile.Mail.NoTLS)
	p.caps = widget.NewLabel("Capabilities: ask with " + proto.capaVerb + " to see them.")
	p.caps.Wrapping = fyne.TextWrapWord
	return p
}

// build lays the panel out with the protocol's own fields and command
// buttons, and lists the replies already on screen.
func (p *mailPanel[R, C]) build(fields []*widget.FormItem, commands []fyne.CanvasObject) {
	items := append([]*widget.FormItem{
		widget.NewFormItem("User", p.user),
		widget.NewFormItem("Password", p.password),
		widget.NewFormItem("Mechanism", p.mech),
	}, fields...)
	form := container.NewVBox(widget.NewForm(items...), p.remember, p.useTLS, p.caps)
	replies := p.NewReplyView(p.Window, p.proto.short, p.proto.lines, p.proto.explain)
	p.content = p.Frame(p.RunTest, container.NewGridWithColumns(4, commands...), p.saveFields, form, replies, 0.45)
	for _, r := range p.proto.earlier(p.Tab.History()) {
		if p.proto.reply(r) {
			p.Add(r)
		}
	}
}

// Content is the panel, for the tab to show beside its terminal.
func (p *mailPanel[R, C]) Content() fyne.CanvasObject { return p.content }

// Attach makes the (new) session's reply tap and verb client; the reply
// view follows the replies.
func (p *mailPanel[R, C]) Attach(s *protocol.Session) protocol.DataTap {
	p.PasswordStillHere(s.Config())
	c, tap := p.proto.connect(p.Conn(s))
	c.StepHooks().OnStep = p.stepDone
	p.Mu.Lock()
	old, had := p.client, p.hasClient
	p.client, p.hasClient = c, true
	p.Mu.Unlock()
	if had {
		old.Close()
	}
	if p.forRun != nil {
		p.forRun(exchange.Subscribe[R](tap))
	}
	ch, stop := tap.Subscribe()
	p.Attached(stop)
	panel.Follow(p.Window, ch, p.proto.reply, p.Add)
	return tap
}

// SessionEnded runs when a session of the tab ends: a test that was
// waiting for it to connect stops, saying why.
func (p *mailPanel[R, C]) SessionEnded(s *protocol.Session, err error) {
	if why := p.EndedBeforeRun(s, err); why != nil {
		p.FinishRun(stopped(why), why)
	}
}

// stepDone says what a verb's reply means (on any goroutine).
func (p *mailPanel[R, C]) stepDone(s exchange.Step[R]) {
	p.Window.UI(func() { p.Say(s.Sent + " → " + s.Note) })
}

// current is the current session's client.
func (p *mailPanel[R, C]) current() (C, bool) {
	p.Mu.Lock()
	defer p.Mu.Unlock()
	return p.client, p.hasClient
}

// verb runs one of the protocol's verbs on its own goroutine with the
// session's client; its reply is said as it comes (stepDone), an error
// without a reply when it ends.
func (p *mailPanel[R, C]) verb(f func(ctx context.Context, c C) error) {
	if p.Running() || p.busy {
		p.Say("Wait: Tern is still waiting for the server's answer to the last command.")
		return
	}
	c, ok := p.current()
	if p.Session() == nil || !ok {
		return
	}
	p.busy = true
	p.Window.FocusTerminal()
	go func() {
		err := f(context.Background(), c)
		caps, _ := p.proto.caps(c)
		p.Window.UI(func() {
			p.busy = false
			p.setCaps(caps)
			if err != nil && p.proto.refusal(err) == "" { // a refusal was said with its reply
				p.Say(panel.Words(err))
			}
		})
	}()
}

// button is a command button running a verb.
func (p *mailPanel[R, C]) button(label string, f func(ctx context.Context, c C) error) *widget.Button {
	return widget.NewButton(label, func() { p.verb(f) })
}

// capaButton asks for the capabilities.
func (p *mailPanel[R, C]) capaButton() *widget.Button {
	return p.button(p.proto.capaVerb, func(ctx context.Context, c C) error { return p.proto.capa(c, ctx) })
}

func (p *mailPanel[R, C]) setCaps(Summary string) {
	if Summary != "" {
		p.caps.SetText(panel.Clip("Capabilities: "+Summary, panel.SayRunes))
	}
}

// mechValue is the login method picked, as exchange.Plan names it.
func (p *mailPanel[R, C]) mechValue() string {
	return p.proto.mechs[max(p.mech.SelectedIndex(), 0)].value
}

// sendLogin logs in with the method picked, asking first on an
// unencrypted connection.
func (p *mailPanel[R, C]) sendLogin() {
	user, pass, ok := p.Credentials(p.user, p.password, p.remember)
	if !ok {
		return
	}
	if user == "" {
		p.Say("Enter the user name to log in.")
		return
	}
	mech := p.mechValue()
	p.ConfirmPlaintextAuth(func() {
		p.verb(func(ctx context.Context, c C) error { return p.proto.login(ctx, c, user, pass, mech) })
	})
}

// sendStartTLS switches the live session to TLS.
func (p *mailPanel[R, C]) sendStartTLS() {
	if s := p.Tab.Session(); s != nil && s.TLS() != nil {
		p.Say("The connection is already encrypted.")
		return
	}
	p.verb(p.proto.startTLS)
}

// saveFields keeps the user name, login method and whether Run test
// uses STLS/STARTTLS in the tab's saved profile (never the password:
// that goes to the keychain when Remember is ticked).
func (p *mailPanel[R, C]) saveFields() {
	if err := p.user.Validate(); err != nil {
		p.SayWrong(panel.InField(p.user, err))
		return
	}
	d := profiles.MailDefaults{User: strings.TrimSpace(p.user.Text), Mechanism: p.mechValue(), OpenOnConnect: true,
		NoTLS: !p.useTLS.Checked && p.Tab.Settings().Engine.TLS != protocol.TLSImplicit}
	if !p.SaveToProfile(func(pr *profiles.Profile) { pr.Mail, pr.RememberPassword = d, p.remember.Checked }) {
		return
	}
	p.RememberPassword(p.password.Text, p.remember.Checked)
	p.Say("Saved the user name, login method and " + p.proto.tlsVerb + " choice to " + p.Tab.Settings().Name + ".")
}
