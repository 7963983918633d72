package settings

import (
	"reflect"
	"testing"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// TestEveryProfileFieldHasOnePlace: a session carries each field of its
// profile once, mapped or kept, so that the profile comes back whole
// from the session alone (no base), and the kept part holds none of
// the mapped fields.
func TestEveryProfileFieldHasOnePlace(t *testing.T) {
	p := profiles.Profile{Name: "Mail", Host: "mx.example.test", Port: "25", TLS: profiles.TLSStartTLS, Connection: profiles.Telnet,
		Negotiation: "passive", LocalEcho: "auto", LocalEdit: "auto", CloseOnExit: "never", LogMode: profiles.LogNone, PortCheck: true,
		RememberPassword: true, Notes: "the relay",
		SMTP:  profiles.SMTPDefaults{EHLO: "me.test", From: "a@me.test", To: []string{"b@x.test"}, AuthUser: "a", AuthMech: "LOGIN", OpenOnConnect: true},
		Mail:  profiles.MailDefaults{User: "a", Mechanism: "PLAIN", OpenOnConnect: true},
		Proxy: profiles.ProxySettings{Kind: "socks5", Host: "bastion", Port: 1081, User: "ops", RememberPassword: true}}
	st := FromProfile(p)
	if back := ToProfile("Mail", st, profiles.Profile{}); !reflect.DeepEqual(back, p) {
		t.Fatalf("got  %+v\nwant %+v", back, p)
	}
	if want := (proxy.Config{Kind: proxy.SOCKS5, Host: "bastion", Port: 1081, User: "ops"}); !reflect.DeepEqual(st.Profile.ProxyPasswordFor, want) {
		t.Fatalf("the proxy password is bound to %+v", st.Profile.ProxyPasswordFor)
	}
	// A proxy edited in the session no longer has the keychain's password:
	// saved, it does not claim to.
	st.Engine.Proxy.Host = "elsewhere"
	if back := ToProfile("Mail", st, profiles.Profile{}); back.Proxy.RememberPassword {
		t.Fatal("another proxy keeps the keychain's password")
	}
}
