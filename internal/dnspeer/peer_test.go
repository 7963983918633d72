package dnspeer

import (
	"context"
	"errors"
	"net"
	"slices"
	"testing"
	"time"
)

func TestPeerAnswers(t *testing.T) {
	p := Start(t, Zone{
		MX:     map[string][]MX{"example.test": {{10, "mx1.example.test"}}, "null.test": {{0, "."}}},
		Addr:   map[string][]string{"mx1.example.test": {"127.0.0.1", "::1"}},
		PTR:    map[string][]string{"127.0.0.9": {"mx1.example.test"}, "::1": {"six.example.test"}},
		Silent: []string{"slow.test"},
	})
	r := p.Resolver()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	mx, err := r.LookupMX(ctx, "example.test")
	if err != nil || len(mx) != 1 || mx[0].Host != "mx1.example.test." || mx[0].Pref != 10 {
		t.Fatalf("MX %v %v", mx, err)
	}
	if mx, err := r.LookupMX(ctx, "null.test"); err != nil || len(mx) != 1 || mx[0].Host != "." {
		t.Fatalf("null MX %v %v", mx, err)
	}
	ips, err := r.LookupIPAddr(ctx, "mx1.example.test")
	if err != nil || len(ips) != 2 {
		t.Fatalf("addresses %v %v", ips, err)
	}
	for ip, want := range map[string]string{"127.0.0.9": "mx1.example.test.", "::1": "six.example.test."} {
		if names, err := r.LookupAddr(ctx, ip); err != nil || !slices.Equal(names, []string{want}) {
			t.Fatalf("PTR %s: %v %v", ip, names, err)
		}
	}
	var dnsErr *net.DNSError
	if _, err := r.LookupMX(ctx, "nowhere.test"); !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
		t.Fatalf("NXDOMAIN: %v", err)
	}
	short, cancel2 := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel2()
	if _, err := r.LookupMX(short, "slow.test"); !errors.As(err, &dnsErr) || !dnsErr.IsTimeout {
		t.Fatalf("silent: %#v", err)
	}
}
