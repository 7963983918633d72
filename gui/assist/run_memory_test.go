package assist

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/profiles"
)

// TestRememberedPasswordReachesNewTabsOfThatServerOnly: without a
// keychain, Remember says so and keeps the password until Tern closes; a
// new tab to the same server has it, a tab to another server does not,
// and the keychain was never asked to keep it.
func TestRememberedPasswordReachesNewTabsOfThatServerOnly(t *testing.T) {
	profiles.MockNoKeychain()
	t.Cleanup(func() { panel.ForgetRunPasswords(); profiles.MockKeychain() })
	peer, other := smtppeer.Start(t, nil), smtppeer.Start(t, nil)
	pr := profiles.Profile{Name: "Mail", Negotiation: "passive"}

	first := newTab(t, peer.Addr, pr).openPanel()
	first.user.SetText("ann")
	first.password.SetText("Pw-1{x}")
	first.remember.SetChecked(true)
	if !strings.Contains(first.remember.Text, "until Tern closes") || !strings.Contains(first.Status.Text, "no keychain") {
		t.Fatalf("Remember says %q, the assistant %q", first.remember.Text, first.Status.Text)
	}
	if _, _, ok := first.Credentials(first.user, first.password, first.remember); !ok {
		t.Fatalf("credentials refused: %q", first.Status.Text)
	}

	again := newTab(t, peer.Addr, pr).openPanel()
	if again.password.Text != "Pw-1{x}" || !again.remember.Checked {
		t.Fatalf("a new tab to the same server: password %q, remember %v", again.password.Text, again.remember.Checked)
	}
	if elsewhere := newTab(t, other.Addr, pr).openPanel(); elsewhere.password.Text != "" {
		t.Fatalf("a tab to another server got the password")
	}
	if _, err := (profiles.Secrets{}).Get("Mail"); err == nil {
		t.Fatal("the missing keychain was given the password")
	}
}

// TestRememberLabelSaysWhere: the check box names the keychain only when
// there is one and the session is saved, and stays short (a check box
// does not wrap: a long one widened the assistant); the reason is said
// apart.
func TestRememberLabelSaysWhere(t *testing.T) {
	t.Cleanup(profiles.MockKeychain)
	tests := []struct {
		name     string
		keychain bool
		session  string
		want     string
		why      string
	}{
		{"saved, keychain", true, "Mail", "in this computer's keychain", ""},
		{"unsaved, keychain", true, "", "until Tern closes", "save the session"},
		{"saved, no keychain", false, "Mail", "until Tern closes", "no keychain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.keychain {
				profiles.MockKeychain()
			} else {
				profiles.MockNoKeychain()
			}
			got, why := panel.RememberLabel(tt.session), panel.KeychainWhyNot(tt.session)
			if !strings.Contains(got, tt.want) || len(got) > len("Remember password in this computer's keychain") {
				t.Errorf("RememberLabel(%q) = %q, want %q in it, no longer than the keychain's", tt.session, got, tt.want)
			}
			if tt.why == "" && why != "" || !strings.Contains(why, tt.why) {
				t.Errorf("KeychainWhyNot(%q) = %q, want %q", tt.session, why, tt.why)
			}
		})
	}
}

// TestFieldsFollowTheServerIntoNewTabs: From, To and User typed in one
// tab fill a new tab to the same host:port (over the profile's), not a
// tab to another server; the password is not among them.
func TestFieldsFollowTheServerIntoNewTabs(t *testing.T) {
	peer, other := smtppeer.Start(t, nil), smtppeer.Start(t, nil)
	pr := profiles.Profile{Name: "Mail", Negotiation: "passive", SMTP: profiles.SMTPDefaults{From: "saved@example.org"}}
	first := newTab(t, peer.Addr, pr).openPanel()
	first.from.SetText("me@example.org")
	first.to.SetText("a@example.test\nb@example.test")
	first.user.SetText("ann")
	first.password.SetText("not-remembered")

	again := newTab(t, peer.Addr, pr).openPanel()
	if again.from.Text != "me@example.org" || again.to.Text != "a@example.test\nb@example.test" || again.user.Text != "ann" {
		t.Fatalf("a new tab to the same server: From %q, To %q, User %q", again.from.Text, again.to.Text, again.user.Text)
	}
	if again.password.Text != "" {
		t.Fatal("the password followed without Remember")
	}
	elsewhere := newTab(t, other.Addr, pr).openPanel()
	if elsewhere.from.Text != "saved@example.org" || elsewhere.user.Text != "" {
		t.Fatalf("a tab to another server: From %q, User %q", elsewhere.from.Text, elsewhere.user.Text)
	}
}
