package mx

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
)

// BannerHost is the host a 220 greeting names: its first word
// ("mail.example.com" of "mail.example.com ESMTP Postfix"), or "".
func BannerHost(banner string) string {
	f := strings.Fields(banner)
	if len(f) == 0 || !strings.ContainsAny(f[0], ".") {
		return ""
	}
	return strings.TrimSuffix(f[0], ".")
}

// ReverseMatches looks up ip's reverse DNS (PTR) with r (nil means
// net.DefaultResolver) and compares it with bannerHost, the host the
// server's 220 banner names. It reports whether a PTR name equals the
// banner's host and resolves back to ip, and says what it found in words.
func ReverseMatches(ctx context.Context, r *net.Resolver, ip net.IP, bannerHost string) (bool, string) {
	if r == nil {
		r = net.DefaultResolver
	}
	names, err := r.LookupAddr(ctx, ip.String())
	if len(names) == 0 {
		return false, noPTR(ip, bannerHost, err)
	}
	for i := range names {
		names[i] = strings.TrimSuffix(names[i], ".")
	}
	for _, n := range names {
		if bannerHost != "" && strings.EqualFold(n, bannerHost) {
			if resolvesTo(ctx, r, n, ip) {
				return true, fmt.Sprintf("Reverse DNS: %s is %s, the host its 220 banner names, and that name points back to %s: the names agree.", ip, n, ip)
			}
			return false, fmt.Sprintf("Reverse DNS: %s is %s, the host its 220 banner names, but %s does not point back to %s; receivers that check both directions distrust it when it sends.", ip, n, n, ip)
		}
	}
	if bannerHost == "" {
		return false, fmt.Sprintf("Reverse DNS: %s is %s; the 220 banner names no host to compare.", ip, strings.Join(names, ", "))
	}
	return false, fmt.Sprintf("Reverse DNS: %s is %s, but the 220 banner says %s. Harmless for receiving, but when this server also sends, receivers may take names that disagree for spam.", ip, strings.Join(names, ", "), bannerHost)
}

func noPTR(ip net.IP, bannerHost string, err error) string {
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsTimeout:
		return fmt.Sprintf("Reverse DNS: no answer in time about %s.", ip)
	case err != nil && !notFound(err):
		return fmt.Sprintf("Reverse DNS: the lookup for %s failed (%v).", ip, err)
	case bannerHost == "":
		return fmt.Sprintf("Reverse DNS: %s has no PTR record, and the 220 banner names no host.", ip)
	}
	return fmt.Sprintf("Reverse DNS: %s has no PTR record, while the 220 banner says %s; receivers often refuse mail sent from an address without reverse DNS.", ip, bannerHost)
}

func resolvesTo(ctx context.Context, r *net.Resolver, name string, ip net.IP) bool {
	addrs, _ := addresses(ctx, r, name)
	for _, a := range addrs {
		if a.Equal(ip) {
			return true
		}
	}
	return false
}
