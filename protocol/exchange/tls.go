package exchange

import "github.com/tern-telnet/tern/protocol/tlscheck"

// TLSState is what a mail test learnt about encryption, for its findings.
// The zero value is a plain connection where nothing was tried.
type TLSState struct {
	Encrypted bool // already TLS before the test (implicit TLS, or a switch made by hand)
	Offered   bool // the server announced the STARTTLS verb
	Tried     bool // the verb was sent
	Started   bool // the handshake succeeded
	// Info describes the encryption when the connection is a
	// *protocol.Session (or anything with its TLS method); nil otherwise.
	Info *tlscheck.Info
}

// Secure reports whether the connection was encrypted when it mattered.
func (s TLSState) Secure() bool { return s.Encrypted || s.Started }

// Learn fills Info from conn when it can tell.
func (s *TLSState) Learn(conn any) {
	if tc, ok := conn.(interface{ TLS() *tlscheck.Info }); ok {
		s.Info = tc.TLS()
	}
}

// Over is "over TLS 1.3" (or "over TLS") for an encrypted connection,
// "unencrypted" otherwise.
func (s TLSState) Over() string {
	switch {
	case !s.Secure():
		return "unencrypted"
	case s.Info != nil:
		return "over " + s.Info.Version
	}
	return "over TLS"
}

// Finding says in plain words how the connection was protected; verb is
// the protocol's STARTTLS command (STLS for POP3), implicit how to reach
// the implicit-TLS service ("POP3S (port 995)").
func (s TLSState) Finding(verb, implicit string) string {
	detail := ""
	if s.Info != nil && s.Secure() {
		detail = "\n     " + s.Info.Summary() + "."
	}
	switch {
	case s.Encrypted:
		return "TLS: the connection was already encrypted (" + implicit + ", or an earlier " + verb + ")." + detail
	case s.Started:
		return "TLS: " + verb + " worked; everything after it was encrypted." + detail
	case s.Tried:
		return "TLS: the server offers " + verb + ", but switching to TLS failed."
	case s.Offered:
		return "TLS: the server offers " + verb + " (not used in this test)."
	}
	return "TLS: the server does not offer " + verb + "; use " + implicit + " if it has it, or the password travels unencrypted."
}
