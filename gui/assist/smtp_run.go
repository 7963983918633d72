package assist

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// Run test: the whole conversation, reconnecting first when the session
// is closed (a first test ends with QUIT); its summary is in
// smtp_summary.go.

// greetingTimeout bounds the wait for a reconnected server's 220.
const greetingTimeout = 30 * time.Second

// RunTest checks the fields and runs the test, asking first before a
// password crosses an unencrypted connection.
func (p *SMTPPanel) RunTest() {
	if p.isRunning() {
		p.say("The test is already running.")
		return
	}
	plan, ok := p.plan()
	if !ok {
		return
	}
	if plan.Auth != nil && !plan.StartTLS && !p.encrypted() {
		p.confirmPlaintextAuth(func() { p.start(plan) })
		return
	}
	p.start(plan)
}

// plan reads the fields into a test plan, saying what is wrong if
// anything is.
func (p *SMTPPanel) plan() (smtp.Plan, bool) {
	if !p.check(p.ehlo) {
		return smtp.Plan{}, false
	}
	msg, err := p.message()
	if err != nil {
		p.say(err.Error())
		return smtp.Plan{}, false
	}
	plan := smtp.Plan{EHLO: strings.TrimSpace(p.ehlo.Text), StartTLS: p.useTLS.Checked, From: msg.From, To: msg.To, Message: msg}
	if strings.TrimSpace(p.user.Text) != "" {
		user, pass, ok := p.credentials()
		if !ok {
			return smtp.Plan{}, false
		}
		plan.Auth = &smtp.Auth{Mechanism: p.mech.Selected, User: user, Password: pass}
	}
	return plan, true
}

func (p *SMTPPanel) isRunning() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.running
}

func (p *SMTPPanel) setRunning(on bool) {
	p.mu.Lock()
	p.running = on
	p.mu.Unlock()
}

// start runs plan on the live session, reconnecting the tab first when
// it is closed; the run's goroutine owns the reply subscription.
func (p *SMTPPanel) start(plan smtp.Plan) {
	p.setRunning(true)
	s := p.t.Session()
	fresh := s == nil || s.Status().State != protocol.StateConnected
	var replies <-chan smtp.Reply
	var stop func()
	if fresh {
		// attach subscribes for the run before the new session starts, so
		// that the greeting cannot come first.
		p.forRun = func(ch <-chan smtp.Reply, done func()) { replies, stop = ch, done }
		p.t.Reconnect()
		p.forRun = nil
		s = p.t.Session()
		p.waiting = s
		p.say("Run test: the session was closed, so Tern is connecting again first…")
	} else {
		replies, stop = p.subscribe()
		p.say("Run test: running…")
	}
	conn := p.conn(s)
	domain, banner, resolver := p.domainReport(), p.banner, p.w.Resolver()
	go func() {
		defer stop()
		if fresh {
			r, err := smtp.NewClient(conn, replies, greetingTimeout).Greeting(context.Background())
			var refused *smtp.ReplyError
			switch {
			case errors.As(err, &refused):
				p.w.UI(func() {
					p.finish(s, smtp.Result{Err: fmt.Errorf("the server did not greet with 220 after reconnecting: %s", r)})
				})
				return
			case err != nil && s.Status().State == protocol.StateConnected:
				p.w.UI(func() {
					p.finish(s, smtp.Result{Err: fmt.Errorf("the server sent no greeting within %s of reconnecting", greetingTimeout)})
				})
				return
			case err != nil:
				return // the session ended first: sessionEnded says why
			}
			banner = r.Text()
			p.w.UI(func() { p.waiting = nil })
		}
		plan.Encrypted = s.TLS() != nil
		res := smtp.Run(context.Background(), conn, replies, plan, func(st smtp.Step) {
			p.w.UI(func() { p.say("Run test: " + st.Name + ": " + st.Reply.String()) })
		})
		extra := domainFindings(domain, resolver, banner, res, s.TLS())
		p.w.UI(func() { p.finish(s, res, extra...) })
	}()
}

// sessionEnded runs when a session of the tab ends: a test that was
// waiting for it to connect stops, saying why.
func (p *SMTPPanel) SessionEnded(s *protocol.Session, err error) {
	if p.waiting != s || s == nil {
		return
	}
	why := errors.New("the server closed the connection before greeting")
	if err != nil {
		why = err
	}
	p.finish(s, smtp.Result{Err: fmt.Errorf("Tern could not connect again to run the test: %w", why)})
}

// finish shows the outcome of a run: in the assistant, the status bar
// and the summary dialog.
// The mail domain's findings, when the session came from one, come first:
// they answer the question the person asked.
func (p *SMTPPanel) finish(s *protocol.Session, res smtp.Result, domain ...string) {
	p.waiting = nil
	p.setRunning(false)
	if info := s.TLS(); info != nil {
		res.TLSDetail = info.Summary()
	}
	p.lastTitle, p.lastSummary = runTitle(res), res.Summary()
	if d := p.domainReport(); d != nil {
		p.lastSummary = domainSummary(d.lookup.Domain, domain) + p.lastSummary
	}
	p.lastButton.Enable()
	if res.Err != nil {
		p.say("Run test stopped: " + smtpWords(res.Err))
	} else {
		p.say("Run test passed. Show last result shows its summary again.")
	}
	p.showLastResult()
}

// summaryFileName names a saved summary after the server and the time.
func (p *SMTPPanel) summaryFileName() string {
	return settings.FileName("smtp-test-"+p.t.Settings().Title()+"-"+time.Now().Format("20060102-1504")) + ".txt"
}

func runTitle(res smtp.Result) string {
	if res.Err != nil {
		return "SMTP test stopped"
	}
	return "SMTP test passed"
}

// panelConn is the session as the runner sees it; an unverified
// certificate is put to the person before anything more is sent.
type panelConn struct {
	p *SMTPPanel
	s *protocol.Session
}

func (p *SMTPPanel) conn(s *protocol.Session) panelConn { return panelConn{p, s} }

func (c panelConn) SendLine(l string)                   { c.s.SendLine(l) }
func (c panelConn) SendSecretLine(line, shown string)   { c.s.SendSecretLine(line, shown) }
func (c panelConn) ArmStartTLS(ready func([]byte) bool) { c.s.ArmStartTLS(ready) }

func (c panelConn) WaitTLS(ctx context.Context) error {
	if err := c.s.WaitTLS(ctx); err != nil {
		return err
	}
	info := c.s.TLS()
	if info == nil || info.Verified {
		return nil
	}
	answer := make(chan bool, 1)
	c.p.w.UI(func() { c.p.askUnverified(*info, func(ok bool) { answer <- ok }) })
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

// askUnverified puts an unverified certificate to the person once per
// tab and host: the same certificate after a reconnect is accepted again
// without asking (a different one is asked about).
func (p *SMTPPanel) askUnverified(info protocol.TLSInfo, answer func(bool)) {
	host := p.t.Settings().Engine.Host
	if p.accepted[host] == info.Fingerprint() {
		p.say("Continuing with the unverified certificate you accepted earlier in this tab.")
		answer(true)
		return
	}
	p.w.AskUnverified(info, func(ok bool) {
		if ok {
			if p.accepted == nil {
				p.accepted = map[string]string{}
			}
			p.accepted[host] = info.Fingerprint()
		}
		answer(ok)
	})
}
