package termtab

import (
	"context"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/tern-telnet/tern/internal/certtest"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestPasswordDoesNotFollowTheTabToAnotherHost (issue 24 item 2): after
// a logon to one server, `open` at the telnet> prompt or Edit and
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
				if err := (promptTarget{h.tab}).Open("127.0.0.1", other.Port()); err != nil {
					t.Fatal(err)
				}
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

// TestTabRemembersAnAcceptedCertificate: the certificate question is
// asked once per tab and certificate; a different certificate asks
// again; a late yes is not remembered.
func TestTabRemembersAnAcceptedCertificate(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "pw"))
	h := newHarnessWith(t, logonSettings(srv.Port(), nil), nil)
	yes := func(context.Context, string, protocol.TLSInfo) error { return nil }
	h.host.verify = yes
	verify := h.tab.verifier("mail.example.test:465")
	a, b := selfSigned(t), selfSigned(t)
	ctx := context.Background()
	for i, info := range []protocol.TLSInfo{a, a, b} {
		if err := verify(ctx, info); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
	}
	if n := h.host.certAsked.Load(); n != 2 {
		t.Fatalf("asked %d times for two certificates", n)
	}
	late, cancel := context.WithCancel(ctx)
	cancel()
	c := selfSigned(t)
	if err := verify(late, c); err == nil {
		t.Fatal("a yes after the session gave up went on")
	}
	if err := verify(ctx, c); err != nil || h.host.certAsked.Load() != 4 {
		t.Fatalf("a late yes was remembered: %v, asked %d", err, h.host.certAsked.Load())
	}
}

func selfSigned(t *testing.T) protocol.TLSInfo { return certtest.SelfSigned(t, "mail.example.test") }

// TestKeychainPasswordStaysWithItsProfilesHost: the keychain's password
// for a profile goes to the host and port the tab opened the profile
// for; Edit and reconnect to another port asks instead.
func TestKeychainPasswordStaysWithItsProfilesHost(t *testing.T) {
	keyring.MockInit()
	if err := (profiles.Secrets{}).Set("peer", "Pw-keychain"); err != nil {
		t.Fatal(err)
	}
	first := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-keychain"))
	other := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-typed"))
	st := logonSettings(first.Port(), logon.Unix)
	st.Profile.RememberPassword = true
	h := newHarnessWith(t, st, func(f *fakeHost) { f.password = "Pw-typed" })
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
