package panel

import (
	"context"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// SessionConn is the session as a protocol's verbs and Run test see it
// (smtp.Conn, pop3.Conn, imap.Conn). A certificate that does not verify
// is decided on by the session itself, before anything more is sent
// (protocol.Config.VerifyCertificate): WaitTLS reports a refusal.
type SessionConn struct {
	b *Base
	s *protocol.Session
}

// Conn is s as the panel's verbs see it.
func (b *Base) Conn(s *protocol.Session) SessionConn { return SessionConn{b, s} }

func (c SessionConn) SendLine(l string)                   { c.s.SendLine(l) }
func (c SessionConn) SendSecretLine(line, shown string)   { c.s.SendSecretLine(line, shown) }
func (c SessionConn) ArmStartTLS(ready func([]byte) bool) { c.s.ArmStartTLS(ready) }
func (c SessionConn) DisarmStartTLS()                     { c.s.DisarmStartTLS() }
func (c SessionConn) WaitTLS(ctx context.Context) error   { return c.s.WaitTLS(ctx) }

// TLS describes the session's encryption, for a test's findings.
func (c SessionConn) TLS() *tlscheck.Info { return c.s.TLS() }
