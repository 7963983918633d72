package newsession

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
)

// TestProxyPasswordSavedToTheKeychain: saving a session whose Proxy
// section has a password keeps it in the keychain, never in the profiles
// file; a rename carries it along.
func TestProxyPasswordSavedToTheKeychain(t *testing.T) {
	keyring.MockInit()
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
