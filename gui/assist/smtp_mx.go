package assist

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/dial"
	"github.com/tern-telnet/tern/protocol/mx"
	"github.com/tern-telnet/tern/protocol/smtp"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Mail domain: the SMTP assistant looks up a domain's mail exchangers on
// its own goroutine (the window never waits for DNS), says what it found
// in words (in the assistant and in the terminal), and connects the tab
// to the first exchanger that answers, handing over the connection the
// lookup opened. A Run test on that session ends with the domain's
// findings (protocol/mx Report).

// The bounds of a mail domain's lookup and of each connection attempt.
const (
	mxLookupTimeout = 2 * time.Minute
	mxDialTimeout   = 10 * time.Second
	mxReportTimeout = 15 * time.Second
)

// mailDomain is what Find mail servers learnt, for Run test's findings.
type mailDomain struct {
	lookup mx.Result
	choice mx.Choice // its Conn belongs to the session now
}

// MailDomainFound is told the words of a mail domain's lookup and whether
// the tab is now connecting to one of its exchangers.
type MailDomainFound func(Words string, connected bool)

// findMailServers is the Find mail servers button.
func (p *SMTPPanel) findMailServers() { p.FindMailServers(p.domain.Text, nil) }

// FindMailServers looks up domain's mail exchangers and connects the tab
// to the first that answers, on the tab's port (25 when it has none);
// found (nil for none) is told the outcome on the UI goroutine.
func (p *SMTPPanel) FindMailServers(domain string, found MailDomainFound) {
	domain = strings.TrimSuffix(strings.TrimSpace(domain), ".")
	switch {
	case domain == "" || strings.ContainsAny(domain, " \t/@:"):
		p.Say("Type a mail domain such as example.com (the part after @), then press Find mail servers.")
		return
	case p.finding:
		p.Say("Still looking up " + p.domain.Text + "…")
		return
	case p.Running():
		p.Say("The test is running; find mail servers when it has finished.")
		return
	}
	p.domain.SetText(domain)
	engine := p.Tab.Settings().Engine
	port := mxPort(engine.Port)
	r := p.Window.Resolver()
	p.finding = true
	p.Say(fmt.Sprintf("Looking up the mail exchangers of %s in DNS, then trying each on port %d…", domain, port))
	p.Tab.Print("Looking up the mail exchangers of " + domain + "…\r\n")
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), mxLookupTimeout)
		defer cancel()
		// The tries take the session's proxy; the DNS questions stay here.
		through := func(ctx context.Context, network, address string) (net.Conn, error) {
			return protocol.DialThrough(ctx, engine, network, address)
		}
		res, c, err := mx.Connect(ctx, r, domain, port, mxDialTimeout, through)
		p.Window.UI(func() { p.foundMailServers(res, c, err, port, found) })
	}()
}

// mxPort is the port exchangers are tried on: the tab's, or 25.
func mxPort(port string) int {
	if n, err := dial.ResolvePort("tcp", port); err == nil && port != "" {
		return n
	}
	return 25
}

// mxWords are a lookup's outcome in words: the exchangers in order, then
// which one answered and why the ones before it did not.
func mxWords(res mx.Result, c mx.Choice, err error) string {
	var lookup *mx.LookupError
	var pick *mx.PickError
	switch {
	case errors.As(err, &pick):
		return res.Summary() + pick.Explain()
	case errors.As(err, &lookup):
		return lookup.Explain() + "\n"
	case err != nil:
		return "The lookup failed: " + err.Error() + "\n"
	}
	return res.Summary() + c.Explain() + "\n"
}

// foundMailServers runs on the UI goroutine when the lookup is done: it
// says what was found and connects the tab to the exchanger that
// answered, on the connection the lookup opened.
func (p *SMTPPanel) foundMailServers(res mx.Result, c mx.Choice, err error, port int, found MailDomainFound) {
	p.finding = false
	Words := mxWords(res, c, err)
	p.Tab.Print(terminalText(Words))
	if found != nil {
		found(Words, err == nil)
	}
	if err != nil {
		p.Say(strings.TrimSpace(Words))
		return
	}
	st := p.Tab.Settings()
	st.Engine.Host, st.Engine.Port = c.Host.Name, fmt.Sprint(port)
	st.Engine.Conn = c.TCPConn()
	if st.Engine.Conn == nil {
		c.Conn.Close() // not TCP: the session dials the exchanger itself
	}
	p.mx = &mailDomain{lookup: res, choice: c}
	p.Tab.ReconnectWith(st)
	st.Engine.Conn = nil // a later reconnect dials the exchanger by name
	p.Tab.SetSettings(st)
	p.Say(c.Explain())
}

// domainReport is the mail domain the tab's session came from, or nil
// when it did not come from one (or the tab has since been pointed
// elsewhere).
func (p *SMTPPanel) domainReport() *mailDomain {
	if p.mx == nil || !strings.EqualFold(p.Tab.Settings().Engine.Host, p.mx.choice.Host.Name) {
		return nil
	}
	return p.mx
}

// domainFindings answer the domain question after a Run test: which
// exchanger took the recipient, STARTTLS and its certificate, and the
// banner against the PTR. They ask DNS: call them off the UI goroutine.
func domainFindings(d *mailDomain, r *net.Resolver, banner string, res smtp.Result, tls *tlscheck.Info) []string {
	if d == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), mxReportTimeout)
	defer cancel()
	rep := mx.Report{Lookup: d.lookup, Choice: d.choice, Banner: banner, Run: res, TLS: tls}
	return rep.Findings(ctx, r)
}

// domainSummary is the domain's findings, at the top of the Run test's
// Summary.
func domainSummary(domain string, findings []string) string {
	if len(findings) == 0 {
		return ""
	}
	return "Mail domain " + domain + ":\n" + strings.Join(findings, "\n") + "\n\n"
}

// terminalWidth is where the lookup's words are wrapped in the terminal,
// which is narrower than 80 columns beside the assistant.
const terminalWidth = 72

// terminalText is text for the terminal: long lines broken between words
// (a long word stays whole), each line ended by CR LF.
func terminalText(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		col := 0
		for i, w := range strings.Split(line, " ") {
			switch {
			case i == 0:
			case col+1+len(w) > terminalWidth && col > 0:
				b.WriteString("\r\n")
				col = 0
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(w)
			col += len(w)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}
