package launch

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

func TestMailDomainInHost(t *testing.T) {
	tests := []struct {
		host, domain string
		ok           bool
	}{
		{"mx:example.com", "example.com", true},
		{" MX: example.com ", "example.com", true},
		{"mx:", "", false},
		{"mail.example.com", "", false},
		{"mx.example.com", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		st := settings.Session{Engine: protocol.Config{Host: tc.host, Port: "25"}}
		if d, ok := st.MailDomain(); d != tc.domain || ok != tc.ok {
			t.Errorf("MailDomain(%q) = %q, %v; want %q, %v", tc.host, d, ok, tc.domain, tc.ok)
		}
		if tc.ok && st.Title() != strings.TrimSpace(tc.host) {
			t.Errorf("title %q", st.Title())
		}
	}
}

func TestMailDomainSettings(t *testing.T) {
	opts, err := cmdline.Parse([]string{"-sessionlog", "/tmp/s.log", "-mx", "example.com", "2525"})
	if err != nil {
		t.Fatal(err)
	}
	st := MailDomain(opts)
	e := st.Engine
	if e.Host != "mx:example.com" || e.Port != "2525" || st.Assistant != settings.AssistSMTP || st.Name != "" {
		t.Fatalf("settings %+v", st)
	}
	if e.Negotiation != protocol.NegotiatePassive || e.SessionLog.Path != "/tmp/s.log" {
		t.Fatalf("engine %+v", e)
	}
	if PrintFound(opts) == nil || PrintFound(cmdline.Options{}) != nil {
		t.Fatal("-mx prints its lookup, and only -mx")
	}
}

// TestLoginNameFromTheCommandLine: -l (or telnet://user@) is the session's
// auto-login user name, over a loaded profile's.
func TestLoginNameFromTheCommandLine(t *testing.T) {
	for _, args := range [][]string{{"-l", "ops", "router.lan"}, {"telnet://ops@router.lan"}} {
		o, err := cmdline.Parse(args)
		if err != nil {
			t.Fatal(err)
		}
		if st := settings.FromCommandLine(o); st.Engine.User != "ops" || st.Engine.Host != "router.lan" {
			t.Errorf("%q: %+v", args, st.Engine)
		}
		if st := Loaded(profiles.Profile{Name: "r1", Host: "router.lan", User: "alice"}, o); st.Engine.User != "ops" {
			t.Errorf("%q with -load: user %q, want ops", args, st.Engine.User)
		}
	}
	if st := Loaded(profiles.Profile{Name: "r1", Host: "router.lan", User: "alice"}, cmdline.Options{}); st.Engine.User != "alice" {
		t.Errorf("without -l: user %q, want the profile's", st.Engine.User)
	}
}
