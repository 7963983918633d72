package assist

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// Run test: the whole conversation, reconnecting first when the session
// is closed (a first test ends with QUIT); its summary is in
// smtp_summary.go.

// greetingTimeout bounds the wait for a reconnected server's 220.
const greetingTimeout = 30 * time.Second

// RunTest checks the fields and runs the test. It switches to TLS by
// itself whenever the server offers STARTTLS, before any password goes
// out (swaks --tls-optional, as Thunderbird does); only when the server
// offers none does it ask before a password crosses in clear.
func (p *SMTPPanel) RunTest() {
	if p.Running() {
		p.Say("The test is already running.")
		return
	}
	plan, ok := p.plan()
	if !ok {
		return
	}
	plan.TLSOptional = true
	plan.ConfirmPlaintext = p.confirmPlaintext
	if plan.From != "" {
		p.start(plan)
		return
	}
	p.confirmNullSender(func() { p.start(plan) })
}

// confirmPlaintext asks, for a running test (its goroutine), whether the
// password may cross a connection the server would not encrypt.
func (p *SMTPPanel) confirmPlaintext(ctx context.Context) bool {
	answer := make(chan bool, 1)
	p.Window.UI(func() {
		p.Window.ConfirmRisky("Send the password unencrypted?",
			"The server does not offer STARTTLS, so this connection cannot be encrypted: the user name and password would cross the network in clear text (base64 is not encryption). Send them anyway?",
			"Send anyway", func(ok bool) { answer <- ok })
	})
	select {
	case ok := <-answer:
		return ok
	case <-ctx.Done():
		return false
	}
}

// plan reads the fields into a test plan, saying what is wrong if
// anything is.
func (p *SMTPPanel) plan() (smtp.Plan, bool) {
	if !p.check(p.ehlo) {
		return smtp.Plan{}, false
	}
	msg, err := p.message()
	if err != nil {
		p.SayWrong(err)
		return smtp.Plan{}, false
	}
	plan := smtp.Plan{EHLO: strings.TrimSpace(p.ehlo.Text), StartTLS: p.useTLS.Checked, From: msg.From, To: msg.To, Message: msg}
	p.RunUser = ""
	if strings.TrimSpace(p.user.Text) != "" {
		user, pass, ok := p.Credentials(p.user, p.password, p.remember)
		if !ok {
			return smtp.Plan{}, false
		}
		plan.Auth = &smtp.Auth{Mechanism: p.mech.Selected, User: user, Password: pass}
		p.RunUser = user
	}
	return plan, true
}

// start runs plan on the live session, reconnecting the tab first when
// it is closed; the run's goroutine owns the client.
func (p *SMTPPanel) start(plan smtp.Plan) {
	s, fresh, c, handed := panel.StartRun(&p.Base, &p.forRun)
	if !fresh {
		c, handed = p.client(s), true
	}
	if !handed { // no session was attached: SessionEnded says why
		return
	}
	domain, banner, resolver := p.domainReport(), p.banner, p.Window.Resolver()
	go func() {
		defer c.Close()
		if fresh {
			c.Timeout = greetingTimeout
			r, err := c.Greeting(context.Background())
			c.Timeout = 0
			var refused *smtp.ReplyError
			switch {
			case errors.As(err, &refused):
				p.Window.UI(func() {
					p.finish(s, smtp.Result{Err: fmt.Errorf("the server did not greet with 220 after reconnecting: %s", r)})
				})
				return
			case err != nil && s.Status().State == protocol.StateConnected:
				p.Window.UI(func() {
					p.finish(s, smtp.Result{Err: fmt.Errorf("the server sent no greeting within %s of reconnecting", greetingTimeout)})
				})
				return
			case err != nil:
				return // the session ended first: sessionEnded says why
			}
			banner = r.Text()
			p.Window.UI(func() { p.Waiting = nil })
		}
		plan.Encrypted = s.TLS() != nil
		res := c.Run(context.Background(), plan, func(st smtp.Step) {
			p.Window.UI(func() { p.Say("Run test: " + st.Name + ": " + st.Reply.String()) })
		})
		extra := domainFindings(domain, resolver, banner, res, s.TLS())
		p.Window.UI(func() { p.finish(s, res, extra...) })
	}()
}

// SessionEnded runs when a session of the tab ends: a test that was
// waiting for it to connect stops, saying why.
func (p *SMTPPanel) SessionEnded(s *protocol.Session, err error) {
	if why := p.EndedBeforeRun(s, err); why != nil {
		p.finish(s, smtp.Result{Err: why})
	}
}

// finish shows the outcome of a run: in the assistant, the status bar
// and the summary dialog.
// The mail domain's findings, when the session came from one, come first:
// they answer the question the person asked.
func (p *SMTPPanel) finish(s *protocol.Session, res smtp.Result, domain ...string) {
	if info := s.TLS(); info != nil {
		res.TLSDetail = info.Summary()
	}
	Summary := res.Summary()
	if d := p.domainReport(); d != nil {
		Summary = domainSummary(d.lookup.Domain, domain) + Summary
	}
	p.FinishRun(Summary, res.Err)
}
