package settings

import (
	"strings"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// proxyFromProfile is a profile's proxy without its password (the tab
// takes that from the keychain as it connects; see ProxyPassword).
func proxyFromProfile(p profiles.ProxySettings) proxy.Config {
	kind, ok := proxy.ParseKind(p.Kind)
	if !ok || kind == proxy.None || strings.TrimSpace(p.Host) == "" {
		return proxy.Config{}
	}
	return proxy.Config{Kind: kind, Host: strings.TrimSpace(p.Host), Port: p.Port, User: p.User,
		LocalDNS: p.LocalDNS, Bypass: proxy.SplitBypass(p.Bypass)}
}

// proxyToProfile records c in a profile; the keychain keeps its password
// when it kept one for c already (remembered) or c carries one (which the
// caller keeps there).
func proxyToProfile(c proxy.Config, remembered bool) profiles.ProxySettings {
	if !c.Active() {
		return profiles.ProxySettings{}
	}
	return profiles.ProxySettings{Kind: c.Kind.String(), Host: c.Host, Port: c.Port, User: c.User, LocalDNS: c.LocalDNS,
		Bypass: strings.Join(c.Bypass, ", "), RememberPassword: c.User != "" && (remembered || c.Password != "")}
}

// ProxyPasswordToKeep is the proxy password a save should put in the
// keychain for the profile: "" when there is none to keep.
func ProxyPasswordToKeep(st Session) string {
	if !st.Engine.Proxy.Active() || st.Engine.Proxy.User == "" {
		return ""
	}
	return st.Engine.Proxy.Password
}

// WantsProxyPassword reports whether a tab about to connect should take
// the proxy password from the keychain: a saved session whose proxy has a
// user, a remembered password, none typed for this connection, and the
// proxy and user it was saved for.
func WantsProxyPassword(st Session) bool {
	c := st.Engine.Proxy
	return st.Name != "" && c.User != "" && c.Password == "" && st.Profile.ProxyPasswordGoesTo(c)
}
