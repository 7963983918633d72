package termtab

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestPasswordDoesNotFollowTheTabToAnotherHost (issue 24 item 2): after
// a logon to one server, `open` typed at the telnet> prompt or Edit and
// reconnect to another port asks again; the first password never
// reaches the second server.
func TestPasswordDoesNotFollowTheTabToAnotherHost(t *testing.T) {
	for _, how := range []string{"open", "edit and reconnect"} {
		t.Run(how, func(t *testing.T) {
			first := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-first"))
			other := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-other"))
			h := newHarnessWith(t, logonSettings(first.Port(), logon.Unix), func(f *fakeHost) { f.password = "Pw-first" })
			h.waitUntil("the first logon", func() bool { return h.tab.LogonStatus() == "Logon: done" })
			h.host.password = "Pw-other"
			h.tab.Disconnect()
			h.waitUntil("the first session to end", func() bool { return h.tab.State() == protocol.StateClosed })
			switch how {
			case "open":
				h.tab.OpenPrompt()
				h.tab.Type([]byte("open 127.0.0.1 " + other.Port() + "\r"))
			default:
				st := h.tab.Settings()
				st.Engine.Port = other.Port()
				h.tab.ReconnectWith(st)
			}
			h.waitUntil("the second logon", func() bool { return h.tab.LogonStatus() == "Logon: done" })
			if h.host.asked != 2 {
				t.Fatalf("asked %d times for two hosts", h.host.asked)
			}
			if got := other.Received(); strings.Contains(got, "Pw-first") {
				t.Fatalf("the first host's password reached the other: %q", got)
			}
		})
	}
}

// TestKeychainPasswordStaysWithItsProfilesHost: the keychain's password
// for a profile (which the tab reads through its host) goes to the host
// and port the tab opened the profile for; Edit and reconnect to another
// port asks instead.
func TestKeychainPasswordStaysWithItsProfilesHost(t *testing.T) {
	first := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-keychain"))
	other := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-typed"))
	st := logonSettings(first.Port(), logon.Unix)
	st.Profile.RememberPassword = true
	h := newHarnessWith(t, st, func(f *fakeHost) {
		f.password, f.saved = "Pw-typed", map[string]string{"peer": "Pw-keychain"}
	})
	h.waitUntil("the logon with the keychain's password", func() bool { return h.tab.LogonStatus() == "Logon: done" })
	if h.host.asked != 0 {
		t.Fatalf("asked %d times with the password in the keychain", h.host.asked)
	}
	st = h.tab.Settings()
	st.Engine.Port = other.Port()
	h.tab.ReconnectWith(st)
	h.waitUntil("the second logon", func() bool { return h.tab.LogonStatus() == "Logon: done" })
	if h.host.asked != 1 {
		t.Fatalf("asked %d times for another port", h.host.asked)
	}
	if got := other.Received(); strings.Contains(got, "Pw-keychain") {
		t.Fatalf("the keychain's password went to another port: %q", got)
	}
}
