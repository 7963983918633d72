package mx_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/dnspeer"
	"github.com/tern-telnet/tern/protocol/mx"
)

// zone is the DNS the tests see.
var zone = dnspeer.Zone{
	MX: map[string][]dnspeer.MX{
		"example.test":  {{Pref: 20, Host: "mx2.example.test"}, {Pref: 10, Host: "mx1.example.test"}},
		"equal.test":    {{Pref: 10, Host: "a.equal.test"}, {Pref: 10, Host: "b.equal.test"}, {Pref: 30, Host: "c.equal.test"}},
		"null.test":     {{Pref: 0, Host: "."}},
		"dangling.test": {{Pref: 10, Host: "gone.dangling.test"}, {Pref: 20, Host: "mx.equal.test"}},
	},
	Addr: map[string][]string{
		"mx1.example.test": {"192.0.2.1", "2001:db8::1"},
		"mx2.example.test": {"192.0.2.2"},
		"a.equal.test":     {"192.0.2.10"},
		"b.equal.test":     {"192.0.2.11"},
		"c.equal.test":     {"192.0.2.12"},
		"mx.equal.test":    {"192.0.2.13"},
		"nomx.test":        {"192.0.2.20"},
	},
	Silent: []string{"slow.test"},
}

func hostLines(r mx.Result) []string {
	var out []string
	for _, h := range r.Hosts { // addresses sorted: their order is RFC 6724's, which depends on this computer
		addrs := make([]string, len(h.Addrs))
		for i, a := range h.Addrs {
			addrs[i] = a.String()
		}
		slices.Sort(addrs)
		out = append(out, fmt.Sprintf("%d %s %v", h.Preference, h.Name, addrs))
	}
	return out
}

func TestLookup(t *testing.T) {
	r := dnspeer.Start(t, zone).Resolver()
	tests := []struct {
		name, domain string
		want         []string // hostLines; equal preferences sorted for comparison
		kind         mx.ErrorKind
		err          bool
		null, impl   bool
		summary      string // a line the Summary holds
	}{
		{name: "RFC 5321 5.1 preference order", domain: "example.test", want: []string{"10 mx1.example.test [192.0.2.1 2001:db8::1]", "20 mx2.example.test [192.0.2.2]"}, summary: "     20 mx2.example.test  192.0.2.2\n"},
		{name: "trailing dot and case", domain: " Example.TEST. ", want: []string{"10 mx1.example.test [192.0.2.1 2001:db8::1]", "20 mx2.example.test [192.0.2.2]"}},
		{name: "equal preferences both kept", domain: "equal.test", want: []string{"10 a.equal.test [192.0.2.10]", "10 b.equal.test [192.0.2.11]", "30 c.equal.test [192.0.2.12]"}},
		{name: "RFC 7505 null MX", domain: "null.test", err: true, kind: mx.NoMail, null: true, summary: "null.test: null MX (0 .): the domain accepts no mail."},
		{name: "RFC 5321 5.1 no MX: the A record", domain: "nomx.test", want: []string{"0 nomx.test [192.0.2.20]"}, impl: true, summary: "nomx.test has no MX record; mail goes to its own address"},
		{name: "MX without address", domain: "dangling.test", want: []string{"10 gone.dangling.test []", "20 mx.equal.test [192.0.2.13]"}, summary: "gone.dangling.test  (no address: the name does not resolve)"},
		{name: "NXDOMAIN", domain: "nowhere.test", err: true, kind: mx.NoSuchDomain},
		{name: "empty", domain: "", err: true, kind: mx.NoSuchDomain},
		{name: "DNS timeout", domain: "slow.test", err: true, kind: mx.DNSTimeout},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
			defer cancel()
			res, err := mx.Lookup(ctx, r, tc.domain)
			var le *mx.LookupError
			if tc.err != (err != nil) || tc.err && (!errors.As(err, &le) || le.Kind != tc.kind) {
				t.Fatalf("error %v, want kind %v", err, tc.kind)
			}
			got := hostLines(res)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) || res.NullMX != tc.null || res.Implicit != tc.impl {
				t.Fatalf("got %q null %v implicit %v, want %q", got, res.NullMX, res.Implicit, tc.want)
			}
			if !strings.Contains(res.Summary(), tc.summary) {
				t.Fatalf("summary %q lacks %q", res.Summary(), tc.summary)
			}
			if le != nil && (!strings.HasPrefix(le.Error(), "mx: ") || !strings.Contains(le.Explain(), strings.TrimSpace(tc.domain))) {
				t.Fatalf("error %q explained %q", le.Error(), le.Explain())
			}
		})
	}
}

// TestEqualPreferencesAreShuffled: RFC 5321 5.1 wants senders to spread
// load over exchangers of equal preference; both orders must turn up.
func TestEqualPreferencesAreShuffled(t *testing.T) {
	r := dnspeer.Start(t, zone).Resolver()
	seen := map[string]bool{}
	for i := 0; i < 40 && len(seen) < 2; i++ {
		res, err := mx.Lookup(context.Background(), r, "equal.test")
		if err != nil {
			t.Fatal(err)
		}
		seen[res.Hosts[0].Name] = true
		if res.Hosts[2].Name != "c.equal.test" {
			t.Fatalf("preference 30 not last: %v", hostLines(res))
		}
	}
	if len(seen) != 2 {
		t.Fatalf("always %v first", seen)
	}
}

func TestExplainSaysWhatItMeans(t *testing.T) {
	for kind, want := range map[mx.ErrorKind]string{
		mx.NoSuchDomain: "it does not exist",
		mx.NoMail:       "accepts no mail at all",
		mx.DNSTimeout:   "did not answer in time",
		mx.DNSFailed:    "lookup for x.test failed",
	} {
		e := &mx.LookupError{Kind: kind, Domain: "x.test", Err: errors.New("boom")}
		if !strings.Contains(e.Explain(), want) {
			t.Errorf("%v: %q", kind, e.Explain())
		}
	}
}
