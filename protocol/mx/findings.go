package mx

import (
	"context"
	"fmt"
	"net"
	"strings"

	"github.com/tern-telnet/tern/protocol/smtp"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Report is what a test of a mail domain learnt: the lookup, the exchanger
// that answered, its greeting, the SMTP test run against it and the TLS
// state of the session afterwards.
type Report struct {
	Lookup Result
	Choice Choice
	Banner string         // the text of the 220 greeting; "" if unseen
	Run    smtp.Result    // the zero Result when no test ran
	TLS    *tlscheck.Info // nil when the session was not encrypted
}

// Findings answer the domain question in plain words: which exchanger
// took the mail (and why the ones before it did not), whether it offers
// STARTTLS, whether its certificate is valid for the MX name, and whether
// its reverse DNS agrees with its banner. Choice is a successful Pick's
// (without an address there is no PTR finding). The PTR lookup uses r
// (nil means net.DefaultResolver) and ctx; run Findings off the UI
// goroutine.
func (rep Report) Findings(ctx context.Context, r *net.Resolver) []string {
	f := []string{rep.exchangerFinding()}
	if rep.Run.Greeted {
		if len(rep.Run.Accepted)+len(rep.Run.Refused) > 0 {
			f = append(f, rep.recipientFinding())
		}
		f = append(f, rep.startTLSFinding(), rep.certificateFinding())
	}
	if rep.Choice.Addr == nil {
		return f
	}
	_, ptr := ReverseMatches(ctx, r, rep.Choice.Addr, BannerHost(rep.Banner))
	return append(f, ptr)
}

func (rep Report) name() string { return rep.Choice.Host.Name }

func (rep Report) exchangerFinding() string {
	c := rep.Choice
	via := fmt.Sprintf("preference %d", c.Host.Preference)
	if rep.Lookup.Implicit {
		via = "no MX record, so the domain's own address"
	}
	s := fmt.Sprintf("Exchanger: %s (%s) at %s answered on port %d", c.Host.Name, via, c.Addr, c.Port)
	if len(c.Attempts) < 2 {
		return s + "."
	}
	failed := make([]string, 0, len(c.Attempts)-1)
	for _, a := range c.Attempts[:len(c.Attempts)-1] {
		failed = append(failed, a.String())
	}
	return s + "; " + strings.Join(failed, "; ") + "."
}

func (rep Report) recipientFinding() string {
	var parts []string
	if len(rep.Run.Accepted) > 0 {
		parts = append(parts, fmt.Sprintf("%s accepted %s", rep.name(), strings.Join(rep.Run.Accepted, ", ")))
	}
	for _, st := range rep.Run.Steps {
		if st.Name == "RCPT TO" && !st.OK {
			parts = append(parts, fmt.Sprintf("refused %s (%s)", strings.TrimPrefix(st.Sent, "RCPT TO:"), st.Reply))
		}
	}
	return "Recipient: " + strings.Join(parts, "; ") + "."
}

func (rep Report) startTLSFinding() string {
	switch {
	case rep.Run.Encrypted:
		return fmt.Sprintf("STARTTLS: the connection to %s was already encrypted.", rep.name())
	case rep.Run.OfferedStartTLS:
		return fmt.Sprintf("STARTTLS: %s offers it, so senders can encrypt mail to %s.", rep.name(), rep.Lookup.Domain)
	}
	return fmt.Sprintf("STARTTLS: %s does not offer it; mail to %s travels unencrypted.", rep.name(), rep.Lookup.Domain)
}

// certificateFinding compares the certificate with the MX name, which is
// what a sender checking certificates (MTA-STS, DANE) verifies.
func (rep Report) certificateFinding() string {
	t := rep.TLS
	switch {
	case t == nil || t.Certificate == nil:
		if rep.Run.OfferedStartTLS {
			return "Certificate: not checked (STARTTLS was not used in this test)."
		}
		return "Certificate: none (no TLS)."
	case t.Certificate.VerifyHostname(rep.name()) != nil:
		return fmt.Sprintf("Certificate: it is for %s, not the MX name %s; senders that check (MTA-STS, DANE) will not deliver, others still will.", certNames(t), rep.name())
	case t.Verified:
		return fmt.Sprintf("Certificate: valid for the MX name %s, trusted, until %s.", rep.name(), t.Certificate.NotAfter.Format("2006-01-02"))
	}
	return fmt.Sprintf("Certificate: it names %s, but it is not trusted: %s.", rep.name(), t.Problem)
}

func certNames(t *tlscheck.Info) string {
	if names := t.Certificate.DNSNames; len(names) > 0 {
		return strings.Join(names, ", ")
	}
	return t.Certificate.Subject.CommonName
}
