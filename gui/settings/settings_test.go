package settings

import (
	"cmp"
	"errors"
	"net"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
	"github.com/tern-telnet/tern/protocol/proxy"
)

func TestProfileSettingsRoundTrip(t *testing.T) {
	p := profiles.Profile{
		Name: "Router", Host: "r.lan", Port: "2323", Bind: "127.0.0.2", Connection: profiles.Telnet, Network: "tcp4",
		TerminalTypes: []string{"VT100"}, Negotiation: "active", LocalEcho: "off", LocalEdit: "on", EnterCRNUL: true,
		BackspaceCtlH: true, TelnetKeys: true, Escape: "^X", KeepAlive: 60, User: "admin", LogMode: profiles.LogRaw,
		LogFile: "/tmp/r.log", LogAppend: true, CloseOnExit: "never", Scrollback: 3000, Notes: "kept",
	}
	st := FromProfile(p)
	if st.Engine.Negotiation != protocol.NegotiateActive || st.Engine.Escape != 0x18 || st.Engine.RawLog.Path != "/tmp/r.log" {
		t.Fatalf("settings %+v", st.Engine)
	}
	back := ToProfile("Router", st, p)
	if !reflect.DeepEqual(back, p) {
		t.Fatalf("got  %+v\nwant %+v", back, p)
	}
}

// TestLogonAndLogOptionsRoundTrip: the logon steps, the printable log's
// timestamp and the secrets choice reach the engine and come back, in
// every log mode (the choices are kept while no log is on).
func TestLogonAndLogOptionsRoundTrip(t *testing.T) {
	steps := append([]logon.Step{{Expect: "Press any key", Send: "{enter}", NoEnter: true, Timeout: 2 * time.Second, OnTimeout: logon.Continue}}, logon.Unix...)
	for _, mode := range []string{profiles.LogNone, profiles.LogPrintable, profiles.LogRaw} {
		t.Run(mode, func(t *testing.T) {
			p := profiles.Profile{Name: "r", Host: "r.lan", Connection: profiles.Telnet, LogMode: mode,
				LogTimestamp: "[&Y-&M-&D &T] ", LogSecrets: true, Logon: steps, CloseOnExit: "clean"}
			if mode != profiles.LogNone {
				p.LogFile = "/tmp/r.log"
			}
			st := FromProfile(p)
			if !st.Engine.LogSecrets || st.Engine.SessionLog.Timestamp != p.LogTimestamp || !reflect.DeepEqual(st.Logon, steps) {
				t.Fatalf("settings %+v, logon %+v", st.Engine, st.Logon)
			}
			st.Logon[0].Send = "changed" // the profile's steps are not shared
			if p.Logon[0].Send != "{enter}" {
				t.Fatal("FromProfile shares the profile's steps")
			}
			st.Logon[0].Send = "{enter}"
			back := ToProfile("r", st, profiles.Profile{})
			back.Negotiation, back.LocalEcho, back.LocalEdit = "", "", ""
			if !reflect.DeepEqual(back, p) {
				t.Fatalf("got  %+v\nwant %+v", back, p)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	old := LocalAddrs
	t.Cleanup(func() { LocalAddrs = old })
	LocalAddrs = func() ([]net.Addr, error) {
		return []net.Addr{&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.ParseIP("192.0.2.7"), Mask: net.CIDRMask(24, 32)}}, nil
	}
	for _, c := range []struct {
		name, value string
		check       func(string) error
		wantErr     string // "" for none
	}{
		{"host empty", " ", ValidateHost, "enter a host name"},
		{"host option-like", "-oProxy", ValidateHost, "cannot start with -"},
		{"host with space", "a b", ValidateHost, "no spaces"},
		{"host ok", "mail.example.com", ValidateHost, ""},
		{"port empty", "", ValidatePort, "enter a port"},
		{"port service", "smtp", ValidatePort, ""},
		{"port out of range", "70000", ValidatePort, "not a port"},
		{"bind any", "", ValidateBind, ""},
		{"bind own address", "192.0.2.7", ValidateBind, ""},
		{"bind other loopback", "127.0.0.2", ValidateBind, ""},
		{"bind foreign address", "198.51.100.1", ValidateBind, "not an address of this computer"},
		{"bind bad name", "a/b", ValidateBind, "not an IP address or host name"},
		{"bind number out of range", "999.1.1.1", ValidateBind, "not an IP address"},
		{"bind three numbers", "10.1.1", ValidateBind, "not an IP address"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.check(c.value)
			if c.wantErr == "" && err != nil || c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("%q: got %v, want %q", c.value, err, c.wantErr)
			}
		})
	}
	LocalAddrs = func() ([]net.Addr, error) { return nil, errors.New("no interfaces") }
	if err := ValidateBind("198.51.100.1"); err != nil {
		t.Fatalf("unknown interfaces must not refuse an address: %v", err)
	}
}

func TestExpandHome(t *testing.T) {
	t.Setenv("HOME", "/home/ann")
	t.Setenv("USERPROFILE", "/home/ann") // Windows
	home := filepath.Join("/home/ann")
	for in, want := range map[string]string{"~": home, "~/logs/a.log": filepath.Join(home, "logs/a.log"), "/tmp/~x": "/tmp/~x", "~bob/x": "~bob/x"} {
		if got := ExpandHome(in); got != want {
			t.Errorf("ExpandHome(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"mail.example.com:25":     "mail.example.com_25",
		`a/b\c*d?e"f<g>h|i[j]`:    "a_b_c_d_e_f_g_h_i_j_",
		"Router (core) — ünïcode": "Router (core) — ünïcode",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAssistantFollowsProfileThenPort(t *testing.T) {
	for _, c := range []struct {
		port, chosen, want string
	}{
		{"25", "", AssistSMTP}, {"587", "", AssistSMTP}, {"110", "", AssistPOP3}, {"pop3s", "", AssistPOP3},
		{"993", "", AssistIMAP}, {"8080", "", AssistHTTP}, {"2323", "", AssistSMTP}, {"2110", "POP3", AssistPOP3},
		{"25", "http", AssistHTTP},
	} {
		s := FromProfile(profiles.Profile{Port: c.port, Assistant: c.chosen})
		if got := s.PickAssistant(); got != c.want {
			t.Errorf("port %q, profile %q: %q, want %q", c.port, c.chosen, got, c.want)
		}
	}
}

// TestToProfileTakesTheEditedNotes: notes edited in the form replace the
// saved profile's (Save passes the saved profile as the base).
func TestToProfileTakesTheEditedNotes(t *testing.T) {
	saved := profiles.Profile{Name: "Router", Host: "r.lan", Notes: "old"}
	st := FromProfile(saved)
	st.Profile.Notes = "new"
	if got := ToProfile("Router", st, saved).Notes; got != "new" {
		t.Fatalf("notes %q, want the edited ones", got)
	}
}

// TestKeyboardRoundTrip: each keyboard choice reaches the session's
// settings and comes back to the profile as it was saved.
func TestKeyboardRoundTrip(t *testing.T) {
	for _, fk := range []string{"", "tilde", "linux", "xtermr6", "vt400", "vt100+", "sco"} {
		for _, he := range []string{"", "rxvt"} {
			p := profiles.Profile{Name: "k", Host: "h", Connection: profiles.Telnet, Negotiation: "auto", LocalEcho: "auto",
				LocalEdit: "auto", CloseOnExit: "clean", LogMode: profiles.LogNone, FunctionKeys: fk, HomeEnd: he, AltSends8Bit: he == "rxvt"}
			st := FromProfile(p)
			if st.Keyboard.FunctionKeys.String() != cmp.Or(fk, "xterm") || st.Keyboard.RxvtHomeEnd != (he == "rxvt") || st.Keyboard.Meta8Bit != p.AltSends8Bit {
				t.Fatalf("%q %q: settings %+v", fk, he, st.Keyboard)
			}
			if back := ToProfile("k", st, p); !reflect.DeepEqual(back, p) {
				t.Fatalf("got  %+v\nwant %+v", back, p)
			}
		}
	}
	if ParseFunctionKeys("nonsense") != FunctionKeysXterm || FunctionKeys(99).String() != "xterm" {
		t.Fatal("an unknown encoding is not xterm's")
	}
	if len(FunctionKeysLabels) != len(functionKeysNames) {
		t.Fatal("a function-key encoding without its label")
	}
}

// TestProxyPasswordGoesOnlyWhereSaved: the keychain's proxy password is
// used only for the saved session, proxy and user it was saved for, and
// only when none was typed.
func TestProxyPasswordGoesOnlyWhereSaved(t *testing.T) {
	p := profiles.Profile{Name: "Router", Host: "r.lan", Proxy: profiles.ProxySettings{Kind: "socks5", Host: "bastion", User: "ops", Bypass: "a.lan, *.b.lan", RememberPassword: true}}
	base := FromProfile(p)
	if c := base.Engine.Proxy; c.Kind != proxy.SOCKS5 || c.Addr() != "bastion:1080" || c.Password != "" || !reflect.DeepEqual(c.Bypass, []string{"a.lan", "*.b.lan"}) {
		t.Fatalf("engine proxy %+v", c)
	}
	tests := []struct {
		name   string
		change func(*Session)
		want   bool
	}{
		{"as saved", func(*Session) {}, true},
		{"unsaved session", func(s *Session) { s.Name = "" }, false},
		{"another proxy host", func(s *Session) { s.Engine.Proxy.Host = "evil" }, false},
		{"another port", func(s *Session) { s.Engine.Proxy.Port = 1081 }, false},
		{"another kind", func(s *Session) { s.Engine.Proxy.Kind = proxy.HTTP }, false},
		{"another user", func(s *Session) { s.Engine.Proxy.User = "root" }, false},
		{"typed one", func(s *Session) { s.Engine.Proxy.Password = "typed" }, false},
		{"not remembered", func(s *Session) { s.Profile.ProxyPasswordFor = proxy.Config{} }, false},
		{"no proxy", func(s *Session) { s.Engine.Proxy = proxy.Config{} }, false},
	}
	for _, tt := range tests {
		st := FromProfile(p)
		tt.change(&st)
		if got := WantsProxyPassword(st); got != tt.want {
			t.Errorf("%s: WantsProxyPassword = %v; want %v", tt.name, got, tt.want)
		}
	}
	if back := ToProfile("Router", base, p); back.Proxy != p.Proxy {
		t.Fatalf("round trip: %+v", back.Proxy)
	}
	if back := ToProfile("Router", Session{Engine: protocol.Config{Proxy: proxy.Config{Kind: proxy.SOCKS5, Host: "h"}}}, p); back.Proxy.RememberPassword {
		t.Fatal("a proxy without a user remembers a password")
	}
}
