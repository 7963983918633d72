package proxy

import (
	"strings"
	"testing"
)

var expansions = []struct {
	name, tmpl, want string
}{
	{"PuTTY's default", DefaultTelnetCommand, "connect sw1.lan 23\n"},
	{"all the words", "%user:%pass %proxyhost:%proxyport -> %host:%port", "ops:pw gw:2323 -> sw1.lan:23"},
	{"words in capitals", "%HOST %Port", "sw1.lan 23"},
	{"percent signs", "100%% %%host %", "100% %host %"},
	{"unknown word kept", "%hostname %bogus", "sw1.lanname %bogus"},
	{"escapes", `a\rb\nc\td\\e\%host`, "a\rb\nc\td\\e%host"},
	{"hex escape", `\x41\x7e\x0d\x0a`, "A~\r\n"},
	{"bad hex kept", `\xg1\x4`, `\xg1\x4`},
	{"unknown escape kept", `\q\`, `\q\`},
	{"ssh jump", "ssh -W %host:%port bastion", "ssh -W sw1.lan:23 bastion"},
	{"nc", "nc -X 5 -x %proxyhost:%proxyport %host %port", "nc -X 5 -x gw:2323 sw1.lan 23"},
}

var vars = Vars{Host: "sw1.lan", Port: 23, User: "ops", Pass: "pw", ProxyHost: "gw", ProxyPort: 2323}

func TestExpand(t *testing.T) {
	for _, tt := range expansions {
		if got := Expand(tt.tmpl, vars); got != tt.want {
			t.Errorf("%s: Expand(%q) = %q; want %q", tt.name, tt.tmpl, got, tt.want)
		}
	}
}

func FuzzExpand(f *testing.F) {
	for _, tt := range expansions {
		f.Add(tt.tmpl)
	}
	f.Add(strings.Repeat("%pass", 5000))
	f.Fuzz(func(t *testing.T, tmpl string) {
		out := Expand(tmpl, Vars{Host: "h", Pass: strings.Repeat("p", 100)})
		if len(out) > maxExpanded {
			t.Fatalf("expanded to %d bytes", len(out))
		}
		if !strings.ContainsAny(tmpl, `%\`) && out != tmpl[:min(len(tmpl), maxExpanded)] {
			t.Fatalf("%q changed to %q without a %% or a backslash", tmpl, out)
		}
	})
}
