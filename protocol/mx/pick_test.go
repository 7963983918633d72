package mx_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/dnspeer"
	"github.com/tern-telnet/tern/protocol/mx"
)

// blackhole dials for real, except to addresses in silent, which never
// answer (as behind a firewall that drops packets).
func blackhole(silent ...string) mx.DialFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		for _, s := range silent {
			if host == s {
				<-ctx.Done()
				return nil, &net.OpError{Op: "dial", Net: network, Err: ctx.Err()}
			}
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
}

func listen(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			_ = c.Close()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

func host(pref uint16, name string, addrs ...string) mx.Host {
	h := mx.Host{Name: name, Preference: pref}
	for _, a := range addrs {
		h.Addrs = append(h.Addrs, net.ParseIP(a))
	}
	if len(addrs) == 0 {
		h.Err = &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
	}
	return h
}

func TestPick(t *testing.T) {
	port := listen(t)
	p := strconv.Itoa(port)
	tests := []struct {
		name    string
		hosts   []mx.Host
		explain string // Choice.Explain, or the PickError's
		fail    bool
	}{
		{name: "first answers", hosts: []mx.Host{host(10, "mx1.example.test", "127.0.0.1"), host(20, "mx2.example.test", "192.0.2.2")},
			explain: "Connected to mx1.example.test (preference 10) at 127.0.0.1 port " + p + ", the first exchanger tried."},
		{name: "timed out, then refused, then the next address", hosts: []mx.Host{host(10, "mx1.example.test", "192.0.2.1"), host(20, "mx2.example.test", "127.0.0.2", "127.0.0.1")},
			explain: "Connected to mx2.example.test (preference 20) at 127.0.0.1 port " + p + "; before it, mx1.example.test (preference 10) at 192.0.2.1: timed out after 300ms; mx2.example.test (preference 20) at 127.0.0.2: refused the connection (nothing listens on port " + p + ")."},
		{name: "a host without address is skipped", hosts: []mx.Host{host(10, "gone.example.test"), host(20, "mx2.example.test", "127.0.0.1")},
			explain: "Connected to mx2.example.test (preference 20) at 127.0.0.1 port " + p + "; before it, gone.example.test (preference 10): has no address: the name does not resolve."},
		{name: "none answers", hosts: []mx.Host{host(10, "mx1.example.test", "192.0.2.1"), host(20, "mx2.example.test", "127.0.0.2")}, fail: true,
			explain: "No mail exchanger of example.test answered on port " + p + ", so mail to it waits in senders' queues and bounces after some days:\n" +
				"  mx1.example.test (preference 10) at 192.0.2.1: timed out after 300ms\n" +
				"  mx2.example.test (preference 20) at 127.0.0.2: refused the connection (nothing listens on port " + p + ")\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			c, err := mx.Pick(ctx, mx.Result{Domain: "example.test", Hosts: tc.hosts}, port, 300*time.Millisecond, blackhole("192.0.2.1", "192.0.2.2"))
			var pe *mx.PickError
			switch {
			case tc.fail && errors.As(err, &pe):
				if pe.Explain() != tc.explain {
					t.Fatalf("got %q\nwant %q", pe.Explain(), tc.explain)
				}
			case tc.fail || err != nil:
				t.Fatalf("error %v, want failure %v", err, tc.fail)
			default:
				defer c.Conn.Close()
				if c.Explain() != tc.explain || c.TCPConn() == nil {
					t.Fatalf("got %q\nwant %q", c.Explain(), tc.explain)
				}
			}
		})
	}
}

func TestPickNullMX(t *testing.T) {
	var le *mx.LookupError
	_, err := mx.Pick(context.Background(), mx.Result{Domain: "null.test", NullMX: true}, 25, time.Second, nil)
	if !errors.As(err, &le) || le.Kind != mx.NoMail {
		t.Fatalf("%v", err)
	}
}

func TestAttemptTimeoutInSeconds(t *testing.T) {
	a := mx.Attempt{Host: host(10, "mx1.example.test", "192.0.2.1"), Addr: net.ParseIP("192.0.2.1"), Err: context.DeadlineExceeded, Timeout: 5 * time.Second, Port: 25}
	if want := "mx1.example.test (preference 10) at 192.0.2.1: timed out after 5 s"; a.String() != want {
		t.Fatalf("got %q, want %q", a.String(), want)
	}
	if !strings.Contains(mx.Attempt{Host: host(1, "x")}.Reason(), "no address") {
		t.Fatal("no address")
	}
}

func TestConnect(t *testing.T) {
	port := listen(t)
	r := dnspeer.Start(t, dnspeer.Zone{
		MX:   map[string][]dnspeer.MX{"example.test": {{Pref: 10, Host: "mx1.example.test"}, {Pref: 20, Host: "mx2.example.test"}}, "null.test": {{Pref: 0, Host: "."}}},
		Addr: map[string][]string{"mx1.example.test": {"192.0.2.1"}, "mx2.example.test": {"127.0.0.1"}},
	}).Resolver()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, c, err := mx.Connect(ctx, r, "example.test", port, 200*time.Millisecond, blackhole("192.0.2.1"))
	if err != nil || len(res.Hosts) != 2 || c.Host.Name != "mx2.example.test" || len(c.Attempts) != 2 {
		t.Fatalf("%v %+v %+v", err, res, c)
	}
	c.Conn.Close()
	var le *mx.LookupError
	if res, _, err := mx.Connect(ctx, r, "null.test", port, time.Second, nil); !errors.As(err, &le) || le.Kind != mx.NoMail || !res.NullMX {
		t.Fatalf("null MX: %v %+v", err, res)
	}
}
