package imap

import (
	"slices"
	"strings"
)

// Capabilities are what a server announced (RFC 9051 §7.2.2), from a
// CAPABILITY response or a [CAPABILITY …] response code.
type Capabilities struct {
	Read          bool // a capability list was seen
	IMAP4rev1     bool
	IMAP4rev2     bool
	StartTLS      bool
	LoginDisabled bool     // LOGINDISABLED: no LOGIN on this connection (RFC 9051 §6.2.3)
	SASLIR        bool     // SASL-IR: AUTHENTICATE with an initial response (RFC 4959)
	Auth          []string // AUTH= mechanisms, upper case
	Other         []string
}

// ParseCapabilities reads the words of a capability list.
func ParseCapabilities(list string) Capabilities {
	c := Capabilities{Read: true}
	for _, w := range strings.Fields(list) {
		switch u := strings.ToUpper(w); {
		case u == "IMAP4REV1":
			c.IMAP4rev1 = true
		case u == "IMAP4REV2":
			c.IMAP4rev2 = true
		case u == "STARTTLS":
			c.StartTLS = true
		case u == "LOGINDISABLED":
			c.LoginDisabled = true
		case u == "SASL-IR":
			c.SASLIR = true
		case strings.HasPrefix(u, "AUTH="):
			c.Auth = append(c.Auth, u[5:])
		default:
			c.Other = append(c.Other, w)
		}
	}
	return c
}

// capabilitiesIn finds a capability list in a response, if it holds one.
func capabilitiesIn(r Response) (Capabilities, bool) {
	switch {
	case r.Tag == "*" && r.Kind == "CAPABILITY":
		return ParseCapabilities(r.Text), true
	case r.Code == "CAPABILITY":
		return ParseCapabilities(r.CodeArgs), true
	}
	return Capabilities{}, false
}

// HasAuth reports whether mechanism is offered.
func (c Capabilities) HasAuth(mech string) bool {
	return slices.ContainsFunc(c.Auth, func(m string) bool { return strings.EqualFold(m, mech) })
}

// Summary is the capabilities at a glance, for people.
func (c Capabilities) Summary() string {
	var parts []string
	for _, y := range []struct {
		on   bool
		name string
	}{{c.IMAP4rev2, "IMAP4rev2"}, {c.IMAP4rev1, "IMAP4rev1"}, {c.StartTLS, "STARTTLS"}, {c.LoginDisabled, "LOGINDISABLED"}, {c.SASLIR, "SASL-IR"}} {
		if y.on {
			parts = append(parts, y.name)
		}
	}
	if len(c.Auth) > 0 {
		parts = append(parts, "AUTH "+strings.Join(c.Auth, " "))
	}
	if len(parts) == 0 {
		return "no capabilities announced"
	}
	return strings.Join(parts, " · ")
}
