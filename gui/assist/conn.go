package assist

import (
	"context"
	"fmt"

	"github.com/tern-telnet/tern/protocol"
)

// panelConn is the session as a protocol's verbs and Run test see it
// (smtp.Conn, pop3.Conn, imap.Conn); an unverified certificate is put to
// the person before anything more is sent.
type panelConn struct {
	b *base
	s *protocol.Session
}

func (b *base) conn(s *protocol.Session) panelConn { return panelConn{b, s} }

func (c panelConn) SendLine(l string)                   { c.s.SendLine(l) }
func (c panelConn) SendSecretLine(line, shown string)   { c.s.SendSecretLine(line, shown) }
func (c panelConn) ArmStartTLS(ready func([]byte) bool) { c.s.ArmStartTLS(ready) }

// TLS describes the session's encryption, for a test's findings.
func (c panelConn) TLS() *protocol.TLSInfo { return c.s.TLS() }

func (c panelConn) WaitTLS(ctx context.Context) error {
	if err := c.s.WaitTLS(ctx); err != nil {
		return err
	}
	info := c.s.TLS()
	if info == nil || info.Verified {
		return nil
	}
	answer := make(chan bool, 1)
	c.b.w.UI(func() { c.b.askUnverified(*info, func(ok bool) { answer <- ok }) })
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
func (b *base) askUnverified(info protocol.TLSInfo, answer func(bool)) {
	host := b.t.Settings().Engine.Host
	if b.accepted[host] == info.Fingerprint() {
		b.say("Continuing with the unverified certificate you accepted earlier in this tab.")
		answer(true)
		return
	}
	b.w.AskUnverified(info, func(ok bool) {
		if ok {
			if b.accepted == nil {
				b.accepted = map[string]string{}
			}
			b.accepted[host] = info.Fingerprint()
		}
		answer(ok)
	})
}
