package cmdline

import (
	"errors"
	"net"
	"reflect"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/proxy"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		want Options
		err  bool
	}{
		{nil, Options{}, false},
		{[]string{"mail.example.com", "25"}, Options{Host: "mail.example.com", Port: "25"}, false},
		{[]string{"mail.example.com", "smtp"}, Options{Host: "mail.example.com", Port: "smtp"}, false},
		{[]string{"-P", "2323", "-b", "127.0.0.2", "host"}, Options{Host: "host", Port: "2323", Bind: "127.0.0.2"}, false},
		{[]string{"telnet://router.lan:2001/"}, Options{Host: "router.lan", Port: "2001"}, false},
		{[]string{"telnet://[::1]:23"}, Options{Host: "::1", Port: "23"}, false},
		{[]string{"telnet://router.lan"}, Options{Host: "router.lan"}, false},
		{[]string{"-raw", "-close", "always", "-4", "h"}, Options{Host: "h", Raw: true, Close: protocol.CloseAlways, CloseSet: true, Network: "tcp4"}, false},
		{[]string{"-e", "none", "h"}, Options{Host: "h", Escape: -1, EscapeSet: true}, false},
		{[]string{"-e", "^X", "h"}, Options{Host: "h", Escape: 0x18, EscapeSet: true}, false},
		{[]string{"-sessionlog", "s.log", "-rawlog", "r.log", "-load", "mail"}, Options{SessionLog: "s.log", RawLog: "r.log", Profile: "mail"}, false},
		{[]string{"--", "-weird"}, Options{}, true},
		{[]string{"telnet://-oProxyCommand=x"}, Options{}, true},
		{[]string{"ssh://host"}, Options{}, true},
		{[]string{"host", "70000"}, Options{}, true},
		{[]string{"host", "nosuchservice"}, Options{}, true},
		{[]string{"-P"}, Options{}, true},
		{[]string{"-frobnicate"}, Options{}, true},
		{[]string{"-close", "sometimes"}, Options{}, true},
		{[]string{"a", "b", "c"}, Options{}, true},
		{[]string{"-raw", "-telnet", "h"}, Options{}, true},
		{[]string{"-mx", "example.com"}, Options{MX: "example.com"}, false},
		{[]string{"-mx", "example.com", "2525"}, Options{MX: "example.com", Port: "2525"}, false},
		{[]string{"-P", "2525", "-mx", "example.com."}, Options{MX: "example.com.", Port: "2525"}, false},
		{[]string{"-mx", "example.com", "mail.example.com", "25"}, Options{}, true},
		{[]string{"-mx", "example.com", "-P", "25", "26"}, Options{}, true},
		{[]string{"-mx", "example.com", "70000"}, Options{}, true},
		{[]string{"-mx", "telnet://example.com"}, Options{}, true},
		{[]string{"-mx", "-raw"}, Options{}, true},
		{[]string{"-mx"}, Options{}, true},
		{[]string{"-proxy", "socks5://user@127.0.0.1:1080", "router.lan"}, Options{Host: "router.lan", Proxy: proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: 1080, User: "user"}}, false},
		{[]string{"-proxy", "http://proxy.corp:3128", "-P", "2001", "router.lan"}, Options{Host: "router.lan", Port: "2001", Proxy: proxy.Config{Kind: proxy.HTTP, Host: "proxy.corp", Port: 3128}}, false},
		{[]string{"-proxy", "socks4://h", "router.lan"}, Options{Host: "router.lan", Proxy: proxy.Config{Kind: proxy.SOCKS4, Host: "h", LocalDNS: true}}, false},
		{[]string{"-proxy", "socks4a://ops@h:1081", "router.lan"}, Options{Host: "router.lan", Proxy: proxy.Config{Kind: proxy.SOCKS4, Host: "h", Port: 1081, User: "ops"}}, false},
		{[]string{"-proxy", "socks6://h", "router.lan"}, Options{}, true},
		{[]string{"-proxy", "h:1080", "router.lan"}, Options{}, true},
		{[]string{"-proxy"}, Options{}, true},
		{[]string{"-l", "admin", "router.lan"}, Options{Host: "router.lan", User: "admin"}, false},
		{[]string{"telnet://admin@router.lan:2001"}, Options{Host: "router.lan", Port: "2001", User: "admin"}, false},
		{[]string{"-l", "ops", "telnet://admin@router.lan"}, Options{Host: "router.lan", User: "ops"}, false},
		{[]string{"telnet://admin:secret@router.lan"}, Options{}, true},
		{[]string{"-l", "", "router.lan"}, Options{}, true},
		{[]string{"-l", "a\x1bb", "router.lan"}, Options{}, true},
		{[]string{"-l"}, Options{}, true},
		{[]string{"-version"}, Options{Version: true}, false},
		{[]string{"-help"}, Options{Help: true}, false},
	}
	for _, tc := range tests {
		got, err := Parse(tc.args)
		if tc.err {
			if !errors.Is(err, ErrUsage) {
				t.Errorf("%q: got %v, want a usage error", tc.args, err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %+v, %v; want %+v", tc.args, got, err, tc.want)
		}
	}
}

func TestMXPort(t *testing.T) {
	if p := (Options{MX: "example.com"}).MXPort(); p != "25" {
		t.Fatalf("default %q", p)
	}
	if p := (Options{MX: "example.com", Port: "2525"}).MXPort(); p != "2525" {
		t.Fatalf("given %q", p)
	}
}

// FuzzParse: any arguments give options or a usage error, never a panic,
// and a host never starts with "-".
// TestURLPasswordIsNotRepeated: the refusal of a password in a telnet://
// URL does not print the password.
func TestURLPasswordIsNotRepeated(t *testing.T) {
	_, err := Parse([]string{"telnet://admin:s3cret@router.lan"})
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "no password on the command line") {
		t.Fatalf("%v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("-P\x0025\x00host", "telnet://a:1")
	f.Add("-close\x00never", "--")
	f.Add("-mx\x00example.com", "2525")
	f.Add("-proxy\x00socks5://u@h:1080", "router")
	known := map[string]int{"telnet": 23, "smtp": 25}
	lookupPort = func(_, name string) (int, error) {
		if p, ok := known[name]; ok {
			return p, nil
		}
		return 0, errors.New("unknown service")
	}
	f.Cleanup(func() { lookupPort = net.LookupPort })
	f.Fuzz(func(t *testing.T, a, b string) {
		args := append(strings.Split(a, "\x00"), strings.Split(b, "\x00")...)
		o, err := Parse(args)
		if err != nil && !errors.Is(err, ErrUsage) {
			t.Fatalf("non-usage error %v", err)
		}
		if err == nil && (strings.HasPrefix(o.Host, "-") || strings.HasPrefix(o.MX, "-") || o.MX != "" && o.Host != "") {
			t.Fatalf("host %q or -mx %q starts with -, or both are set", o.Host, o.MX)
		}
	})
}

// TestUsageFitsAConsole: tern -help in Windows' default console (80x25)
// shows the whole usage, its first line included, with room for the line
// after it: no line wraps, at most 23 of them. (The -l line once pushed
// "usage: tern" off the top; TestWineConsoleWithoutHandles reads it.)
func TestUsageFitsAConsole(t *testing.T) {
	lines := strings.Split(strings.TrimRight(Usage, "\n"), "\n")
	for _, l := range lines {
		if len(l) > 79 {
			t.Errorf("%d columns, wraps in an 80-column console: %q", len(l), l)
		}
	}
	if len(lines) > 23 {
		t.Errorf("%d lines: the first scroll out of a 25-row console", len(lines))
	}
}
