package mx_test

import (
	"context"
	"crypto/x509"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/dnspeer"
	"github.com/tern-telnet/tern/protocol/mx"
	"github.com/tern-telnet/tern/protocol/smtp"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

func TestReverseMatches(t *testing.T) {
	r := dnspeer.Start(t, dnspeer.Zone{
		Addr:   map[string][]string{"mx.example.test": {"192.0.2.1"}, "liar.example.test": {"192.0.2.99"}},
		PTR:    map[string][]string{"192.0.2.1": {"mx.example.test"}, "192.0.2.2": {"pool-2.isp.test"}, "192.0.2.3": {"liar.example.test"}},
		Silent: []string{"4.2.0.192.in-addr.arpa"},
	}).Resolver()
	tests := []struct {
		name, ip, banner string
		match            bool
		want             string
	}{
		{"agree", "192.0.2.1", "MX.example.test", true, "Reverse DNS: 192.0.2.1 is mx.example.test, the host its 220 banner names, and that name points back to 192.0.2.1: the names agree."},
		{"disagree", "192.0.2.2", "mx.example.test", false, "Reverse DNS: 192.0.2.2 is pool-2.isp.test, but the 220 banner says mx.example.test. Harmless for receiving"},
		{"not forward-confirmed", "192.0.2.3", "liar.example.test", false, "Reverse DNS: 192.0.2.3 is liar.example.test, the host its 220 banner names, but liar.example.test does not point back to 192.0.2.3"},
		{"no PTR", "192.0.2.5", "mx.example.test", false, "Reverse DNS: 192.0.2.5 has no PTR record, while the 220 banner says mx.example.test"},
		{"no banner host", "192.0.2.2", "", false, "Reverse DNS: 192.0.2.2 is pool-2.isp.test; the 220 banner names no host to compare."},
		{"timeout", "192.0.2.4", "mx.example.test", false, "Reverse DNS: no answer in time about 192.0.2.4."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
			defer cancel()
			match, got := mx.ReverseMatches(ctx, r, net.ParseIP(tc.ip), tc.banner)
			if match != tc.match || !strings.HasPrefix(got, tc.want) {
				t.Fatalf("got %v %q\nwant %v %q", match, got, tc.match, tc.want)
			}
		})
	}
}

func TestBannerHost(t *testing.T) {
	for banner, want := range map[string]string{
		"mail.example.test ESMTP Postfix": "mail.example.test",
		"mx.example.com. ready":           "mx.example.com",
		"ESMTP ready":                     "",
		"":                                "",
	} {
		if got := mx.BannerHost(banner); got != want {
			t.Errorf("BannerHost(%q) = %q, want %q", banner, got, want)
		}
	}
}

// TestCertificateFinding: the certificate is judged against the MX name,
// as a sender that checks certificates (MTA-STS, DANE) judges it.
func TestCertificateFinding(t *testing.T) {
	cert := &x509.Certificate{DNSNames: []string{"mail.example.test"}, NotAfter: time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name string
		mx   string
		tls  *tlscheck.Info
		run  smtp.Result
		want string
	}{
		{"valid", "mail.example.test", &tlscheck.Info{Verified: true, Certificate: cert}, smtp.Result{OfferedStartTLS: true}, "Certificate: valid for the MX name mail.example.test, trusted, until 2030-01-02."},
		{"other name", "mx2.example.test", &tlscheck.Info{Verified: false, Certificate: cert, Problem: "wrong name"}, smtp.Result{OfferedStartTLS: true}, "Certificate: it is for mail.example.test, not the MX name mx2.example.test; senders that check (MTA-STS, DANE) will not deliver, others still will."},
		{"untrusted", "mail.example.test", &tlscheck.Info{Certificate: cert, Problem: "self-signed"}, smtp.Result{OfferedStartTLS: true}, "Certificate: it names mail.example.test, but it is not trusted: self-signed."},
		{"not tried", "mail.example.test", nil, smtp.Result{OfferedStartTLS: true}, "Certificate: not checked (STARTTLS was not used in this test)."},
		{"no TLS", "mail.example.test", nil, smtp.Result{}, "Certificate: none (no TLS)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run.Greeted = true
			rep := mx.Report{Lookup: mx.Result{Domain: "example.test"}, Choice: mx.Choice{Host: mx.Host{Name: tc.mx}, Addr: net.ParseIP("192.0.2.1"), Attempts: []mx.Attempt{{}}}, Run: tc.run, TLS: tc.tls}
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // no DNS: the PTR finding is not under test
			f := rep.Findings(ctx, &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) { return nil, context.Canceled }})
			if len(f) != 4 || f[2] != tc.want {
				t.Fatalf("got %q\nwant %q", f, tc.want)
			}
		})
	}
}
