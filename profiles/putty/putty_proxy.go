package putty

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tern-telnet/tern/profiles"
)

// PuTTY's ProxyMethod values (conf-enums.h) and what Tern makes of them.
var puttyProxyKinds = map[string]string{"1": "socks4", "2": "socks5", "3": "http", "4": "telnet", "5": "command"}

// puttyProxyNotKept names the ProxyMethod values Tern does not import.
var puttyProxyNotKept = map[string]string{
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
// ProxyTelnetCommand is the Telnet proxy's template and the local
// command both, as in PuTTY.
func puttyProxy(p *profiles.Profile, kv map[string]string) {
	kind, ok := puttyProxyKinds[kv["ProxyMethod"]]
	host := strings.TrimSpace(kv["ProxyHost"])
	command := strings.TrimSpace(kv["ProxyTelnetCommand"])
	if !ok || host == "" && kind != "command" || kind == "command" && command == "" {
		return
	}
	if kind == "telnet" && command == `connect %host %port\n` {
		command = "" // PuTTY's default, which is Tern's
	}
	if kind != "telnet" && kind != "command" {
		command = ""
	}
	p.Proxy = profiles.ProxySettings{Kind: kind, Host: host, User: kv["ProxyUsername"], Command: command,
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
		out = append(out, fmt.Sprintf("Proxy type %s (ProxyMethod=%s; Tern speaks SOCKS 4 and 5, HTTP CONNECT, a Telnet proxy and a local command: an SSH jump host is the local command ssh -W %%host:%%port jumphost)", name, method))
	} else if _, ok := puttyProxyKinds[method]; ok {
		if kv["ProxyPassword"] != "" {
			out = append(out, "Proxy password (type it in the Proxy section; Tern keeps it in the keychain)")
		}
	} else if method != "" && method != "0" {
		out = append(out, fmt.Sprintf("Proxy (ProxyMethod=%s)", method))
	}
	return out
}
