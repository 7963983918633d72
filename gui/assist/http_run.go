package assist

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/web"
)

// Send (the HTTP assistant's Run test): the request goes into the live
// session, reconnecting first when the session has closed or its last
// answer ended it (Connection: close: the server's close can still be on
// its way when the next Send comes); the findings go into a summary.

// connectTimeout bounds the wait for a reconnected session to come up.
const connectTimeout = 30 * time.Second

// RunTest sends the builder's request and explains the answer.
func (p *HTTPPanel) RunTest() {
	if p.Running() {
		p.Say("The request is still waiting for its answer.")
		return
	}
	req, _, err := p.request()
	if err != nil {
		p.Say("Cannot send: " + err.Error())
		return
	}
	s := p.Tab.Session()
	fresh := s == nil || s == p.spent || s.Status().State != protocol.StateConnected
	if fresh {
		p.Tab.Reconnect()
		s = p.Tab.Session()
		p.Say("Connecting again first (the server closed the last connection)…")
	} else {
		p.Say("Sent " + req.Method + " " + req.Path + ": waiting for the answer…")
	}
	p.SetRunning(true)
	p.sent, p.RunStart, p.RunUser = req, time.Now(), ""
	tap, https := p.currentTap(), p.https()
	go func() {
		res := web.Result{Request: req, HTTPS: https}
		if err := waitConnected(s, connectTimeout); err != nil {
			res.Err = err
		} else {
			res = web.Run(context.Background(), s, tap, req, 0)
			res.HTTPS, res.TLS = https, s.TLS()
		}
		p.Window.UI(func() {
			if res.EndsConnection() {
				p.spent = s
			}
			p.finish(res)
		})
	}()
	p.Window.FocusTerminal()
}

// waitConnected waits until s is connected (TLS included), fails when it
// ends first or does not come up within timeout.
func waitConnected(s *protocol.Session, timeout time.Duration) error {
	if s == nil {
		return errors.New("there is no session to send on")
	}
	deadline := time.After(timeout)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if s.Status().State == protocol.StateConnected {
			return nil
		}
		select {
		case <-s.Done():
			if s.Status().State == protocol.StateConnected {
				return nil
			}
			return errors.New("web: the connection could not be opened (the terminal says why)")
		case <-deadline:
			return fmt.Errorf("web: not connected after %s", timeout)
		case <-tick.C:
		}
	}
}

// finish shows the outcome of a Send: in the assistant, the status bar
// and the summary dialog.
func (p *HTTPPanel) finish(res web.Result) {
	p.SetRunning(false)
	if res.Got {
		p.showResponse(res)
	}
	p.Result = panel.Summary{Title: httpTitle(res), Text: p.TicketHeader() + res.Summary(), File: p.summaryFileName()}
	p.LastButton.Enable()
	if res.Got {
		p.Say(web.Explain(res.Request, res.Response, res.HTTPS)[0])
	} else {
		p.Say(web.Result{Err: cmpErr(res.Err)}.Findings()[0])
	}
	p.ShowLastResult()
}

// cmpErr is err, or a plain "no answer" when there is none.
func cmpErr(err error) error {
	if err == nil {
		return errors.New("the server sent nothing")
	}
	return err
}

func httpTitle(res web.Result) string {
	if !res.Got {
		return "HTTP request: no answer"
	}
	return fmt.Sprintf("HTTP %d %s", res.Response.Status, res.Response.Reason)
}

// summaryFileName names a saved summary after the server and the time.
func (p *HTTPPanel) summaryFileName() string {
	return settings.FileName("http-"+p.Tab.Settings().Title()+"-"+time.Now().Format("20060102-1504")) + ".txt"
}
