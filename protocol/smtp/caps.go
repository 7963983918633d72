package smtp

import (
	"fmt"
	"strconv"
	"strings"
)

// Capabilities are what a server announced in its EHLO reply.
type Capabilities struct {
	Pipelining, StartTLS, EightBitMIME, SMTPUTF8, DSN, Enhanced, Chunking bool
	Size                                                                  int64 // 0 when not announced or unlimited
	Auth                                                                  []string
	Other                                                                 []string
}

// ParseEHLO reads a 250 reply to EHLO; its first line is the greeting.
func ParseEHLO(r Reply) Capabilities {
	var c Capabilities
	for i, line := range r.Lines {
		if i == 0 {
			continue
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		switch strings.ToUpper(f[0]) {
		case "PIPELINING":
			c.Pipelining = true
		case "STARTTLS":
			c.StartTLS = true
		case "8BITMIME":
			c.EightBitMIME = true
		case "SMTPUTF8":
			c.SMTPUTF8 = true
		case "DSN":
			c.DSN = true
		case "ENHANCEDSTATUSCODES":
			c.Enhanced = true
		case "CHUNKING":
			c.Chunking = true
		case "SIZE":
			if len(f) > 1 {
				c.Size, _ = strconv.ParseInt(f[1], 10, 64)
			}
		case "AUTH":
			for _, m := range f[1:] {
				c.Auth = append(c.Auth, strings.ToUpper(m))
			}
		default:
			c.Other = append(c.Other, line)
		}
	}
	return c
}

// HasAuth reports whether mechanism is offered.
func (c Capabilities) HasAuth(mech string) bool {
	for _, m := range c.Auth {
		if strings.EqualFold(m, mech) {
			return true
		}
	}
	return false
}

// Summary is the capabilities at a glance, for people.
func (c Capabilities) Summary() string {
	var parts []string
	yes := func(b bool, name string) {
		if b {
			parts = append(parts, name)
		}
	}
	yes(c.StartTLS, "STARTTLS")
	if len(c.Auth) > 0 {
		parts = append(parts, "AUTH "+strings.Join(c.Auth, " "))
	}
	if c.Size > 0 {
		parts = append(parts, fmt.Sprintf("SIZE %.1f MB", float64(c.Size)/1e6))
	}
	yes(c.Pipelining, "PIPELINING")
	yes(c.EightBitMIME, "8BITMIME")
	yes(c.SMTPUTF8, "SMTPUTF8")
	yes(c.DSN, "DSN")
	yes(c.Enhanced, "ENHANCEDSTATUSCODES")
	yes(c.Chunking, "CHUNKING")
	if len(parts) == 0 {
		return "no extensions announced"
	}
	return strings.Join(parts, " · ")
}
