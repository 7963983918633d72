package mx_test

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/mx"
)

// dnsmasq starts Debian's dnsmasq (package dnsmasq-base) on a free
// loopback port as the only authority for .test, and returns a resolver
// that asks it: a second, independent DNS server for Lookup. The test
// skips without the program.
func dnsmasq(t *testing.T, args ...string) *net.Resolver {
	t.Helper()
	bin, err := exec.LookPath("dnsmasq")
	if err != nil {
		if bin, err = exec.LookPath("/usr/sbin/dnsmasq"); err != nil {
			t.Skip("dnsmasq not installed (apt-get install dnsmasq-base)")
		}
	}
	addr := freePort(t)
	host, port, _ := net.SplitHostPort(addr)
	base := []string{"--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll",
		"--listen-address=" + host, "--bind-interfaces", "--port=" + port, "--local=/test/", "--log-facility=-"}
	if os.Geteuid() == 0 {
		base = append(base, "--user=root")
	}
	cmd := exec.Command(bin, append(base, args...)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}}
	if !testwait.Holds(testwait.Timeout, func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err = r.LookupMX(ctx, "ready.test.")
		dnsErr, ok := errors.AsType[*net.DNSError](err)
		return ok && dnsErr.IsNotFound // it answers: NXDOMAIN
	}) {
		t.Fatalf("dnsmasq does not answer on %s: %v", addr, err)
	}
	return r
}

// freePort finds a loopback port free for both UDP and TCP.
func freePort(t *testing.T) string {
	t.Helper()
	for range 20 {
		u, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := u.LocalAddr().String()
		l, err := net.Listen("tcp", addr)
		_ = u.Close()
		if err == nil {
			_ = l.Close()
			return addr
		}
	}
	t.Fatal("no free port")
	return ""
}

func TestLookupWithDnsmasq(t *testing.T) {
	r := dnsmasq(t,
		"--mx-host=example.test,mx2.example.test,20", "--mx-host=example.test,mx1.example.test,10",
		"--mx-host=null.test,.,0",
		"--host-record=mx1.example.test,192.0.2.1,2001:db8::1", "--host-record=mx2.example.test,192.0.2.2",
		"--host-record=nomx.test,192.0.2.20")
	tests := []struct {
		domain string
		want   []string
		kind   mx.ErrorKind
		err    bool
	}{
		{domain: "example.test", want: []string{"10 mx1.example.test [192.0.2.1 2001:db8::1]", "20 mx2.example.test [192.0.2.2]"}},
		{domain: "null.test", err: true, kind: mx.NoMail},
		{domain: "nomx.test", want: []string{"0 nomx.test [192.0.2.20]"}},
		{domain: "nowhere.test", err: true, kind: mx.NoSuchDomain},
	}
	for _, tc := range tests {
		t.Run(tc.domain, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			res, err := mx.Lookup(ctx, r, tc.domain)
			var le *mx.LookupError
			if tc.err != (err != nil) || tc.err && (!errors.As(err, &le) || le.Kind != tc.kind) {
				t.Fatalf("error %v, want kind %v", err, tc.kind)
			}
			if got := hostLines(res); !slices.Equal(got, tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}
