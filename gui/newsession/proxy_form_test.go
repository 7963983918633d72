package newsession

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// TestProxyPasswordSavedToTheKeychain: saving a session whose Proxy
// section has a password keeps it in the keychain, never in the profiles
// file; a rename carries it along.
func TestProxyPasswordSavedToTheKeychain(t *testing.T) {
	profiles.MockKeychain()
	h := newTestHost(t)
	f := newConnectForm(settings.Session{})
	p := newProfilePanel(h, f, widget.NewLabel(""), func() {})
	f.host.SetText("router.lan")
	f.proxy.kind.SetSelected("SOCKS 5")
	f.proxy.host.SetText("bastion.corp")
	f.proxy.user.SetText("ops")
	f.proxy.password.SetText("Proxy-Pw-77")
	st := f.settings()
	if !p.update(func(file *profiles.File) error {
		file.Put(settings.ToProfile("Router", st, profiles.Profile{}))
		return nil
	}, "Saved Router.") {
		t.Fatal("save failed")
	}
	p.keepProxyPassword("Router", st)
	if pw, err := (profiles.Secrets{Proxy: true}).Get("Router"); err != nil || pw != "Proxy-Pw-77" {
		t.Fatalf("keychain has %q, %v", pw, err)
	}
	if pw, err := (profiles.Secrets{}).Get("Router"); err == nil {
		t.Fatalf("the proxy password went to the logon entry: %q", pw)
	}
	raw, err := os.ReadFile(h.store.Path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "Proxy-Pw-77") || !strings.Contains(string(raw), "bastion.corp") {
		t.Fatalf("profiles file:\n%s", raw)
	}
	file, _ := h.store.Load()
	saved, _ := file.Find("Router")
	if !saved.Proxy.RememberPassword {
		t.Fatalf("profile does not say the keychain has the proxy password: %+v", saved.Proxy)
	}
	if err := moveSecret(saved, "Core router"); err != nil {
		t.Fatal(err)
	}
	if pw, err := (profiles.Secrets{Proxy: true}).Get("Core router"); err != nil || pw != "Proxy-Pw-77" {
		t.Fatalf("after rename the keychain has %q, %v", pw, err)
	}
	// Opened again and connected, the tab takes it from the keychain.
	again := settings.FromProfile(saved)
	again.Name = "Core router"
	if !settings.WantsProxyPassword(again) {
		t.Fatal("the saved session does not take its proxy password from the keychain")
	}
}

// TestProxyFormKinds: each kind shows the fields it uses and reads back
// as it was filled; a local command needs no proxy host.
func TestProxyFormKinds(t *testing.T) {
	newTestHost(t)
	f := newConnectForm(settings.Session{})
	for _, tt := range []struct {
		choice   string
		cfg      proxy.Config
		password bool // the password field is enabled
		command  bool
	}{
		{"SOCKS 4", proxy.Config{Kind: proxy.SOCKS4, Host: "gw", User: "ops", LocalDNS: true}, false, false},
		{"SOCKS 5", proxy.Config{Kind: proxy.SOCKS5, Host: "gw", Port: 1081, User: "ops", Password: "pw"}, true, false},
		{"HTTP CONNECT", proxy.Config{Kind: proxy.HTTP, Host: "gw", Port: 8080}, true, false},
		{"Telnet", proxy.Config{Kind: proxy.Telnet, Host: "ts.lan", Command: `%user\n%pass\nconnect %host %port\n`, User: "u", Password: "p"}, true, true},
		{"Local command", proxy.Config{Kind: proxy.Command, Command: "ssh -W %host:%port bastion"}, true, true},
	} {
		f.proxy.fill(tt.cfg, false)
		if f.proxy.kind.Selected != tt.choice {
			t.Errorf("%s: shown as %q", tt.choice, f.proxy.kind.Selected)
		}
		if f.proxy.password.Disabled() == tt.password || f.proxy.command.Disabled() == tt.command {
			t.Errorf("%s: password enabled %v, command enabled %v", tt.choice, !f.proxy.password.Disabled(), !f.proxy.command.Disabled())
		}
		got := f.proxy.config()
		if len(got.Bypass) == 0 {
			got.Bypass = nil
		}
		if !reflect.DeepEqual(got, tt.cfg) {
			t.Errorf("%s: read back %+v; want %+v", tt.choice, got, tt.cfg)
		}
		if err := f.proxy.host.Validate(); err != nil {
			t.Errorf("%s: host %q invalid: %v", tt.choice, f.proxy.host.Text, err)
		}
	}
	f.proxy.kind.SetSelected("Telnet")
	f.proxy.host.SetText("ts.lan")
	f.proxy.command.SetText(proxy.DefaultTelnetCommand)
	if c := f.proxy.config(); c.Kind != proxy.Telnet || c.Command != "" {
		t.Errorf("PuTTY's default command is kept as the default: %+v", c)
	}
	f.proxy.kind.SetSelected("SOCKS 5")
	f.proxy.host.SetText("")
	if f.proxy.host.Validate() == nil {
		t.Error("SOCKS 5 without a proxy host is accepted")
	}
}
