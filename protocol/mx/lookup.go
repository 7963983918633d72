package mx

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
)

// Host is one mail exchanger.
type Host struct {
	Name       string   // without the trailing dot
	Preference uint16   // lower is tried first; 0 for an implicit MX
	Addrs      []net.IP // in the order to try; empty when the lookup failed
	Err        error    // why Addrs is empty; nil when it is not
}

// Result is what DNS says about a domain's mail.
type Result struct {
	Domain string
	// Hosts are in preference order; exchangers of equal preference are
	// in the random order RFC 5321 §5.1 asks for.
	Hosts []Host
	// NullMX: the domain publishes "0 ." (RFC 7505): it accepts no mail.
	NullMX bool
	// Implicit: the domain has no MX record, so its own address stands in
	// as the only exchanger, preference 0 (RFC 5321 §5.1).
	Implicit bool
}

// Lookup finds domain's mail exchangers and their addresses with r (nil
// means net.DefaultResolver). A null MX returns the Result with NullMX set
// and a *LookupError of kind NoMail; a failed lookup returns a
// *LookupError.
func Lookup(ctx context.Context, r *net.Resolver, domain string) (Result, error) {
	if r == nil {
		r = net.DefaultResolver
	}
	domain = strings.TrimSuffix(strings.TrimSpace(domain), ".")
	res := Result{Domain: domain}
	if domain == "" {
		return res, &LookupError{Kind: NoSuchDomain, Domain: domain, Err: errors.New("empty domain")}
	}
	records, err := r.LookupMX(ctx, domain+".") // absolute: no search list
	if err != nil && len(records) == 0 {
		if !notFound(err) {
			return res, lookupError(domain, err)
		}
		return implicit(ctx, r, res)
	}
	for _, rec := range records {
		name := strings.TrimSuffix(rec.Host, ".")
		if name == "" {
			continue // a null MX among real ones means nothing
		}
		res.Hosts = append(res.Hosts, Host{Name: name, Preference: rec.Pref})
	}
	if len(res.Hosts) == 0 {
		res.NullMX = true
		return res, &LookupError{Kind: NoMail, Domain: domain}
	}
	for i := range res.Hosts {
		res.Hosts[i].Addrs, res.Hosts[i].Err = addresses(ctx, r, res.Hosts[i].Name)
	}
	return res, nil
}

// implicit is RFC 5321 §5.1's fallback: no MX, so the domain's own
// address is the exchanger.
func implicit(ctx context.Context, r *net.Resolver, res Result) (Result, error) {
	addrs, err := addresses(ctx, r, res.Domain)
	if err != nil {
		if notFound(err) {
			return res, &LookupError{Kind: NoSuchDomain, Domain: res.Domain, Err: err}
		}
		return res, lookupError(res.Domain, err)
	}
	res.Implicit = true
	res.Hosts = []Host{{Name: res.Domain, Addrs: addrs}}
	return res, nil
}

func addresses(ctx context.Context, r *net.Resolver, name string) ([]net.IP, error) {
	found, err := r.LookupIPAddr(ctx, name+".")
	if err != nil {
		return nil, err
	}
	ips := make([]net.IP, len(found))
	for i, a := range found {
		ips[i] = a.IP
	}
	return ips, nil
}

func notFound(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) && dnsErr.IsNotFound
}

func lookupError(domain string, err error) *LookupError {
	var dnsErr *net.DNSError
	kind := DNSFailed
	if errors.As(err, &dnsErr) && dnsErr.IsTimeout || errors.Is(err, context.DeadlineExceeded) {
		kind = DNSTimeout
	}
	return &LookupError{Kind: kind, Domain: domain, Err: err}
}

// ErrorKind says why a lookup gave no exchanger.
type ErrorKind int

// The kinds of LookupError.
const (
	DNSFailed    ErrorKind = iota // the DNS server failed (SERVFAIL, refused, ...)
	NoSuchDomain                  // no MX and no address: the domain does not exist
	NoMail                        // a null MX (RFC 7505): the domain takes no mail
	DNSTimeout                    // no DNS answer in time
)

// LookupError is a lookup that found no exchanger to try.
type LookupError struct {
	Kind   ErrorKind
	Domain string
	Err    error // the resolver's error; nil for NoMail
}

func (e *LookupError) Unwrap() error { return e.Err }

func (e *LookupError) Error() string {
	what := [...]string{"dns lookup failed", "no such domain", "null MX: no mail accepted", "dns timed out"}[e.Kind]
	if e.Err == nil {
		return fmt.Sprintf("mx: %s: %s", e.Domain, what)
	}
	return fmt.Sprintf("mx: %s: %s: %v", e.Domain, what, e.Err)
}

// Explain says in plain words what the failure means for mail to the domain.
func (e *LookupError) Explain() string {
	switch e.Kind {
	case NoSuchDomain:
		return fmt.Sprintf("%s has no MX record and no address in DNS: it does not exist (check the spelling), so mail to it bounces.", e.Domain)
	case NoMail:
		return fmt.Sprintf("%s publishes a null MX (\"0 .\", RFC 7505): it accepts no mail at all, so every message to it bounces at once.", e.Domain)
	case DNSTimeout:
		return fmt.Sprintf("DNS did not answer in time about %s; its name servers may be down or unreachable, so senders cannot find where to deliver (mail is delayed, then bounces).", e.Domain)
	}
	return fmt.Sprintf("The DNS lookup for %s failed (%v); senders cannot find where to deliver.", e.Domain, e.Err)
}

// Summary lists the exchangers in the order a sender tries them, one a
// line: "10 mx1.example.com  192.0.2.1, 2001:db8::1".
func (r Result) Summary() string {
	var b strings.Builder
	switch {
	case r.NullMX:
		return fmt.Sprintf("%s: null MX (0 .): the domain accepts no mail.\n", r.Domain)
	case r.Implicit:
		fmt.Fprintf(&b, "%s has no MX record; mail goes to its own address (RFC 5321 §5.1):\n", r.Domain)
	default:
		fmt.Fprintf(&b, "Mail exchangers of %s, in the order senders try them:\n", r.Domain)
	}
	for i, h := range r.Hosts {
		if i == maxWordsHosts {
			fmt.Fprintf(&b, "  … and %d more exchangers\n", len(r.Hosts)-i)
			break
		}
		fmt.Fprintf(&b, "  %5d %s  %s\n", h.Preference, h.Name, h.addrText())
	}
	return b.String()
}

// The bounds of a lookup in words (a hostile zone may hold thousands of
// exchangers of many addresses each): the exchangers and the addresses of
// each listed, the attempts described; the rest are counted.
const (
	maxWordsHosts    = 20
	maxWordsAddrs    = 4
	maxWordsAttempts = 20
)

func (h Host) addrText() string {
	if len(h.Addrs) == 0 {
		if h.Err != nil && notFound(h.Err) {
			return "(no address: the name does not resolve)"
		}
		return fmt.Sprintf("(no address: %v)", h.Err)
	}
	s := make([]string, 0, maxWordsAddrs+1)
	for i, ip := range h.Addrs {
		if i == maxWordsAddrs {
			s = append(s, fmt.Sprintf("and %d more", len(h.Addrs)-i))
			break
		}
		s = append(s, ip.String())
	}
	return strings.Join(s, ", ")
}
