package pop3

import (
	"slices"
	"strconv"
	"strings"
)

// Capabilities are what a server announced in its CAPA response (RFC 2449).
type Capabilities struct {
	Read           bool // CAPA was answered (old servers say -ERR)
	STLS, User     bool
	Top, UIDL      bool
	RespCodes      bool     // RESP-CODES: -ERR replies carry [codes]
	AuthRespCode   bool     // AUTH-RESP-CODE: [AUTH] on login failures
	SASL           []string // mechanisms, upper case
	Implementation string
	Other          []string
}

// ParseCAPA reads the body of a +OK response to CAPA.
func ParseCAPA(r Reply) Capabilities {
	c := Capabilities{Read: r.OK()}
	for _, line := range r.Lines {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		switch strings.ToUpper(f[0]) {
		case "STLS":
			c.STLS = true
		case "USER":
			c.User = true
		case "TOP":
			c.Top = true
		case "UIDL":
			c.UIDL = true
		case "RESP-CODES":
			c.RespCodes = true
		case "AUTH-RESP-CODE":
			c.AuthRespCode = true
		case "SASL":
			for _, m := range f[1:] {
				c.SASL = append(c.SASL, strings.ToUpper(m))
			}
		case "IMPLEMENTATION":
			c.Implementation = strings.Join(f[1:], " ")
		default:
			c.Other = append(c.Other, line)
		}
	}
	return c
}

// HasSASL reports whether mechanism is offered.
func (c Capabilities) HasSASL(mech string) bool {
	return slices.ContainsFunc(c.SASL, func(m string) bool { return strings.EqualFold(m, mech) })
}

// Summary is the capabilities at a glance, for people.
func (c Capabilities) Summary() string {
	if !c.Read {
		return "the server did not list its capabilities (no CAPA)"
	}
	var parts []string
	for _, y := range []struct {
		on   bool
		name string
	}{{c.STLS, "STLS"}, {c.User, "USER"}, {c.Top, "TOP"}, {c.UIDL, "UIDL"}, {c.RespCodes, "RESP-CODES"}} {
		if y.on {
			parts = append(parts, y.name)
		}
	}
	if len(c.SASL) > 0 {
		parts = append(parts, "SASL "+strings.Join(c.SASL, " "))
	}
	if len(parts) == 0 {
		return "no capabilities announced"
	}
	return strings.Join(parts, " · ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
