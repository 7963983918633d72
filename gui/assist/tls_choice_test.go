package assist

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/profiles"
)

// TestRunTestTLSChoiceSavedWithProfile: Save fields to profile keeps the
// Use STLS / STARTTLS check box, and the next tab of that profile starts
// with it as saved (a LAN POP3 server without STLS needs no click).
func TestRunTestTLSChoiceSavedWithProfile(t *testing.T) {
	peer := scriptpeer.Start(t, "+OK ready\r\n", nil, false)
	h := mailTab(t, "POP3 (110)", peer.Addr, peer.Roots, "+OK")
	h.tab.st.Name = "LAN mail"
	if _, err := h.win.store.Update(func(f *profiles.File) error {
		f.Put(settings.ToProfile("LAN mail", h.tab.st, profiles.Profile{}))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p := NewPOP3Panel(h.win, h.tab)
	h.open(p)
	if !p.useTLS.Checked {
		t.Fatal("Use STLS starts unticked")
	}
	p.useTLS.SetChecked(false)
	test.Tap(h.buttonLabelled("Save fields to profile"))
	f, _ := h.win.store.Load()
	saved, _ := f.Find("LAN mail")
	if !saved.Mail.NoTLS {
		t.Fatalf("saved %+v (%q)", saved.Mail, p.Status.Text)
	}
	h.tab.st.Profile.Mail = saved.Mail
	if again := NewPOP3Panel(h.win, h.tab); again.useTLS.Checked {
		t.Fatal("the next panel of the profile ticks Use STLS again")
	}

	smtpPeer := smtppeer.Start(t, nil)
	relay := profiles.Profile{Name: "Relay", Negotiation: "passive"}
	hs := newTab(t, smtpPeer.Addr, relay)
	if _, err := hs.win.store.Update(func(f *profiles.File) error { f.Put(relay); return nil }); err != nil {
		t.Fatal(err)
	}
	sp := hs.openPanel()
	sp.from.SetText("me@example.org")
	sp.useTLS.SetChecked(true)
	sp.saveDefaults()
	f, _ = hs.win.store.Load()
	relay, _ = f.Find("Relay")
	hs.tab.st.Profile.SMTP = relay.SMTP
	if !relay.SMTP.StartTLS || !NewSMTPPanel(hs.win, hs.tab).useTLS.Checked {
		t.Fatalf("SMTP: saved %+v", relay.SMTP)
	}
}
