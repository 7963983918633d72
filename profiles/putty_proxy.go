package profiles

import (
	"fmt"
	"strconv"
	"strings"
)

// PuTTY's ProxyMethod values (conf-enums.h) and what Tern makes of them.
var puttyProxyKinds = map[string]string{"2": "socks5", "3": "http"}

// puttyProxyNotKept names the ProxyMethod values Tern does not import.
var puttyProxyNotKept = map[string]string{
	"1": "SOCKS 4",
	"4": "Telnet proxy",
	"5": "Local proxy command",
	"6": "SSH to proxy and use port forwarding",
	"7": "SSH to proxy and execute a command",
	"8": "SSH to proxy and invoke a subsystem",
}

// puttyLoopbackBypass is what PuTTY never proxies unless "Consider
// proxying local host connections" is on (ProxyLocalhost=1).
const puttyLoopbackBypass = "localhost, 127.0.0.0/8, ::1/128"

// puttyProxy maps the Proxy panel for the kinds Tern speaks. The proxy
// password (ProxyPassword, which PuTTY keeps in the clear) is not taken:
// Tern keeps it in the keychain once it is typed in the Proxy section.
func puttyProxy(p *Profile, kv map[string]string) {
	kind, ok := puttyProxyKinds[kv["ProxyMethod"]]
	host := strings.TrimSpace(kv["ProxyHost"])
	if !ok || host == "" {
		return
	}
	p.Proxy = ProxySettings{Kind: kind, Host: host, User: kv["ProxyUsername"],
		// ProxyDNS: 0 No, 1 Auto (the default), 2 Yes.
		LocalDNS: kv["ProxyDNS"] == "0"}
	if n, err := strconv.Atoi(kv["ProxyPort"]); err == nil && n > 0 && n <= 65535 {
		p.Proxy.Port = n
	}
	bypass := strings.FieldsFunc(kv["ProxyExcludeList"], func(r rune) bool { return r == ',' || r == ' ' })
	if kv["ProxyLocalhost"] != "1" {
		bypass = append(bypass, puttyLoopbackBypass)
	}
	p.Proxy.Bypass = strings.Join(bypass, ", ")
}

// puttyProxyNotImported says, in PuTTY's words, what of the Proxy panel
// Tern did not take.
func puttyProxyNotImported(kv map[string]string) []string {
	var out []string
	method := kv["ProxyMethod"]
	if name, ok := puttyProxyNotKept[method]; ok {
		out = append(out, fmt.Sprintf("Proxy type %s (ProxyMethod=%s; Tern speaks SOCKS 5 and HTTP CONNECT)", name, method))
	} else if _, ok := puttyProxyKinds[method]; ok {
		if kv["ProxyPassword"] != "" {
			out = append(out, "Proxy password (type it in the Proxy section; Tern keeps it in the keychain)")
		}
	} else if method != "" && method != "0" {
		out = append(out, fmt.Sprintf("Proxy (ProxyMethod=%s)", method))
	}
	return out
}
