package session

import (
	"testing"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// TestPasswordPlaceIncludesTheProxy: a password given for a session is
// forgotten when the same host is reached through another proxy (or
// without one), since another proxy would see it.
func TestPasswordPlaceIncludesTheProxy(t *testing.T) {
	direct := protocol.Config{Host: "router.lan", Port: "23"}
	via := func(c proxy.Config) protocol.Config { d := direct; d.Proxy = c; return d }
	a := proxy.Config{Kind: proxy.SOCKS5, Host: "bastion", User: "ops"}
	b := proxy.Config{Kind: proxy.SOCKS5, Host: "other", User: "ops"}
	bypassed := proxy.Config{Kind: proxy.SOCKS5, Host: "bastion", Bypass: []string{"*.lan"}}
	withPw := a
	withPw.Password = "changes nothing"
	for _, tt := range []struct {
		name string
		x, y protocol.Config
		same bool
	}{
		{"same proxy", via(a), via(a), true},
		{"proxy password is not part of the place", via(a), via(withPw), true},
		{"another proxy", via(a), via(b), false},
		{"proxy and none", via(a), direct, false},
		{"bypassed is direct", via(bypassed), direct, true},
	} {
		if got := placeOf(tt.x) == placeOf(tt.y); got != tt.same {
			t.Errorf("%s: same place = %v; want %v", tt.name, got, tt.same)
		}
	}
}
