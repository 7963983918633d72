package protocol

import (
	"errors"

	"github.com/tern-telnet/tern/protocol/telnet"
	"github.com/tern-telnet/tern/protocol/telnetopt"
)

// The variables NEW-ENVIRON tells a server (RFC 1572), as telnet's
// "environ" command changes them while the session runs.

// Errors of SendEnviron, in telnet's words.
var (
	ErrEnvironNotEnabled = errors.New("Telnet ENVIRON option not enabled")
	ErrEnvironUndefined  = errors.New("variable not defined")
	ErrEnvironUnexported = errors.New("variable not exported (environ export sends it)")
)

// Environ is the variables the session may tell the server: the exported
// ones are sent when it asks.
func (s *Session) Environ() telnetopt.Environ {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.answers.Environ
}

// SetEnviron replaces the variables; the server's next SEND gets the new
// ones. Nothing is sent now (SendEnviron tells a change at once).
func (s *Session) SetEnviron(e telnetopt.Environ) {
	s.mu.Lock()
	s.answers.Environ = e
	s.mu.Unlock()
}

// SendEnviron tells the server the variable name now, unasked (NEW-ENVIRON
// INFO), as telnet's "environ send" does: only when Tern agreed to
// NEW-ENVIRON and name is defined and exported.
func (s *Session) SendEnviron(name string) (err error) {
	s.locked(func() {
		v, ok := s.answers.Environ.Lookup(name)
		switch {
		case s.state != StateConnected || !s.neg.Enabled(telnet.Local, telnet.OptNewEnviron):
			err = ErrEnvironNotEnabled
		case !ok:
			err = ErrEnvironUndefined
		case !v.Export:
			err = ErrEnvironUnexported
		default:
			r := telnetopt.EnvironInfo(v)
			s.sendSB(telnet.OptNewEnviron, r.Payload, r.Summary)
		}
	})
	return err
}
