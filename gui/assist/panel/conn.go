package panel

import (
	"context"

	"github.com/tern-telnet/tern/protocol"
)

// panelConn is the session as a protocol's verbs and Run test see it
// (smtp.Conn, pop3.Conn, imap.Conn). A certificate that does not verify
// is decided on by the session itself, before anything more is sent
// (protocol.Config.VerifyCertificate): WaitTLS reports a refusal.
type panelConn struct {
	b *Base
	s *protocol.Session
}

func (b *Base) Conn(s *protocol.Session) panelConn { return panelConn{b, s} }

func (c panelConn) SendLine(l string)                   { c.s.SendLine(l) }
func (c panelConn) SendSecretLine(line, shown string)   { c.s.SendSecretLine(line, shown) }
func (c panelConn) ArmStartTLS(ready func([]byte) bool) { c.s.ArmStartTLS(ready) }
func (c panelConn) DisarmStartTLS()                     { c.s.DisarmStartTLS() }
func (c panelConn) WaitTLS(ctx context.Context) error   { return c.s.WaitTLS(ctx) }

// TLS describes the session's encryption, for a test's findings.
func (c panelConn) TLS() *protocol.TLSInfo { return c.s.TLS() }
