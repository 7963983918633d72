package gui

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestLogonPasswordRememberedUntilTernClosesWithoutKeychain: on a
// computer without a keychain the question says so and offers to keep
// the password until Tern closes; a second tab to the same server logs
// on without asking, and the keychain was never given it.
func TestLogonPasswordRememberedUntilTernClosesWithoutKeychain(t *testing.T) {
	profiles.MockNoKeychain()
	t.Cleanup(func() { panel.ForgetRunPasswords(); profiles.MockKeychain() })
	const password = "Logon-Pw-88{!}"
	srv := loopserver.StartScripted(t, loopserver.Login("ann", password))
	w := newTestWindow(t)
	p := profiles.Profile{Name: "Peer", Host: "127.0.0.1", Port: srv.Port(), User: "ann", Logon: logon.Unix}
	first := w.OpenSession(settings.FromProfile(p))
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	var q logonQuestion
	waitUntil(t, "the password question", func() bool { var ok bool; q, ok = shownLogonQuestion(t, w); return ok })
	if !strings.Contains(q.remember, "until Tern closes") || !strings.Contains(q.why, "no keychain") {
		t.Fatalf("Remember says %q, the question %q", q.remember, q.why)
	}
	q.answer(password, true)
	waitUntil(t, "the first logon", func() bool { return first.LogonStatus() == "Logon: done" })

	second := w.OpenSession(settings.FromProfile(p))
	waitUntil(t, "the second logon", func() bool {
		if _, asked := shownLogonQuestion(t, w); asked {
			t.Fatal("the second tab asked again")
		}
		return second.LogonStatus() == "Logon: done"
	})
	if _, err := (profiles.Secrets{}).Get("Peer"); err == nil {
		t.Fatal("the missing keychain was given the password")
	}
}
