package smtp

import (
	"fmt"
	"strings"
)

// Findings answer, in plain words, what a person runs the test for: does
// the server speak TLS, does it authenticate, does it take mail for these
// recipients. Only what the test got far enough to learn is said; nothing
// when the server did not even accept EHLO or HELO.
func (r Result) Findings() []string {
	if !r.Greeted {
		return nil
	}
	tls := r.tlsFinding()
	if r.TLSDetail != "" && (r.Encrypted || r.StartedTLS) {
		tls += "\n     " + r.TLSDetail + "."
	}
	f := []string{tls, r.authFinding()}
	if len(r.Accepted)+len(r.Refused) > 0 {
		f = append(f, r.recipientFinding())
	}
	return f
}

func (r Result) tlsFinding() string {
	switch {
	case r.Encrypted:
		return "TLS: the connection was already encrypted (implicit TLS, or an earlier STARTTLS)."
	case r.StartedTLS:
		return "TLS: STARTTLS worked; everything after it was encrypted."
	case r.TriedStartTLS:
		return "TLS: the server offers STARTTLS, but switching to TLS failed."
	case r.OfferedStartTLS:
		return "TLS: the server offers STARTTLS (not used in this test)."
	}
	return "TLS: the server does not offer STARTTLS; mail to it travels unencrypted."
}

func (r Result) authFinding() string {
	switch {
	case r.AuthOK:
		return fmt.Sprintf("AUTH: the server accepted the user name and password (AUTH %s).", r.TriedAuth)
	case r.TriedAuth != "":
		return fmt.Sprintf("AUTH: the server did not accept the login (AUTH %s).", r.TriedAuth)
	case len(r.Caps.Auth) > 0:
		return fmt.Sprintf("AUTH: the server offers %s (not tested: fill in user and password).", strings.Join(r.Caps.Auth, ", "))
	case r.OfferedStartTLS && !r.StartedTLS:
		return "AUTH: none offered before TLS; many servers offer it only after STARTTLS."
	}
	return "AUTH: the server offers no authentication."
}

func (r Result) recipientFinding() string {
	var parts []string
	if len(r.Accepted) > 0 {
		parts = append(parts, "accepted "+strings.Join(r.Accepted, ", "))
	}
	if len(r.Refused) > 0 {
		parts = append(parts, "refused "+strings.Join(r.Refused, ", "))
	}
	return "Recipients: " + strings.Join(parts, "; ") + "."
}
