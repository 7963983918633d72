package assist

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/exchange"
)

// Run test of a mailbox assistant: capabilities, the switch to TLS when
// asked, the login, the count of INBOX (nothing read or changed), the
// goodbye; connecting again first when the session is closed.

// RunTest checks the fields and runs the test: it asks for a missing
// password, and asks before a password crosses an unencrypted
// connection.
func (p *mailPanel[R, C]) RunTest() {
	if p.Running() || p.busy {
		p.Say("Wait: the test or a command is still running.")
		return
	}
	user, pass, ok := p.Credentials(p.user, p.password, p.remember)
	if !ok {
		return
	}
	plan := exchange.Plan{User: user, Password: pass, Mechanism: p.mechValue(), StartTLS: p.useTLS.Checked}
	p.RunUser = user
	switch {
	case user != "" && pass == "":
		p.askPassword(p.RunTest)
	case user != "" && !plan.StartTLS && !p.Encrypted():
		p.ConfirmPlaintextAuth(func() { p.start(plan) })
	default:
		p.start(plan)
	}
}

// askPassword asks for the password the test needs, then goes on
// (Tern's dialog buttons: Enter runs, Escape cancels).
func (p *mailPanel[R, C]) askPassword(then func()) {
	entry := widgets.NewPasswordEntry()
	form := widget.NewForm(widget.NewFormItem("Password", entry))
	d, submit := panel.ShowAsk(p.Window, "Password for "+strings.TrimSpace(p.user.Text), "Run test", form, fyne.NewSize(460, 180), func() {
		if entry.Text != "" {
			p.password.SetText(entry.Text)
			then()
		}
	})
	entry.OnSubmitted = func(string) { submit() }
	entry.OnEscape = d.Hide
	p.Window.Window().Canvas().Focus(entry)
}

// start runs plan on the live session, reconnecting the tab first when
// it is closed.
func (p *mailPanel[R, C]) start(plan exchange.Plan) {
	s, fresh, greeting, handed := panel.StartRun(&p.Base, &p.forRun)
	stop := func() {
		if handed {
			greeting.Close()
		}
	}
	c, ok := p.current()
	if !ok {
		stop()
		err := fmt.Errorf("there is no session to test")
		p.FinishRun(stopped(err), err)
		return
	}
	go func() {
		defer stop()
		if fresh && (!handed || !p.greeted(s, greeting.Replies)) {
			return // no session was attached, or it did not greet
		}
		plan.Encrypted = s.TLS() != nil
		Summary, err := p.proto.run(c, context.Background(), plan, func(st exchange.Step[R]) {
			p.Window.UI(func() { p.Say("Run test: " + st.Sent + " → " + p.proto.short(st.Reply)) })
		})
		caps, _ := p.proto.caps(c)
		if why := p.proto.refusal(err); why != "" {
			err = fmt.Errorf("%w → %s", err, why)
		}
		p.Window.UI(func() {
			p.setCaps(caps)
			p.FinishRun(Summary, err)
		})
	}()
}

// greeted waits for a reconnected server's greeting; false (with the
// test ended) when it does not come or refuses.
func (p *mailPanel[R, C]) greeted(s *protocol.Session, greeting <-chan R) bool {
	timer := time.NewTimer(greetingTimeout)
	defer timer.Stop()
	for {
		select {
		case r, ok := <-greeting:
			switch {
			case !ok:
				return false // the session ended first: SessionEnded says why
			case !p.proto.reply(r):
				continue
			case p.proto.greeted(r):
				p.Window.UI(func() { p.Waiting = nil })
				return true
			}
			p.stopRun(fmt.Errorf("the server did not greet with OK after reconnecting: %s", p.proto.short(r)))
			return false
		case <-timer.C:
			if s.Status().State == protocol.StateConnected {
				p.stopRun(fmt.Errorf("the server sent no greeting within %s of reconnecting", greetingTimeout))
			}
			return false
		}
	}
}

// stopRun ends a Run test that could not start (from any goroutine).
func (p *mailPanel[R, C]) stopRun(err error) {
	p.Window.UI(func() { p.FinishRun(stopped(err), err) })
}

// stopped is the summary of a test that stopped before its first step.
func stopped(err error) string { return "Stopped: " + err.Error() + "\n" }
