package proxy

import (
	"net"
	"strconv"
	"strings"
)

// Kind is the proxy protocol.
type Kind int

// The proxy kinds Tern speaks.
const (
	None    Kind = iota
	SOCKS5       // SOCKS 5, no authentication or user/password
	HTTP         // HTTP CONNECT, optionally with Basic authentication
	SOCKS4       // SOCKS 4, or 4A when the proxy looks the name up; User is the user ID
	Telnet       // a Telnet proxy: Command (a template) is sent, then the connection is the session's
	Command      // a local command whose standard input and output are the connection
)

// String is the kind's name as settings and the command line spell it.
func (k Kind) String() string {
	switch k {
	case SOCKS5:
		return "socks5"
	case HTTP:
		return "http"
	case SOCKS4:
		return "socks4"
	case Telnet:
		return "telnet"
	case Command:
		return "command"
	}
	return "none"
}

// ParseKind reads a kind name written by String; "" is None.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(s) {
	case "", "none":
		return None, true
	case "socks5":
		return SOCKS5, true
	case "http":
		return HTTP, true
	case "socks4", "socks4a":
		return SOCKS4, true
	case "telnet":
		return Telnet, true
	case "command":
		return Command, true
	}
	return None, false
}

// Config is one proxy.
type Config struct {
	Kind     Kind
	Host     string
	Port     int // 0 means 1080 for SOCKS 5, 3128 for HTTP
	User     string
	Password string
	// LocalDNS looks the target's name up on this computer and asks the
	// proxy for the address; false (the default) sends the name to the
	// proxy, which looks it up.
	LocalDNS bool
	// Command is the Telnet proxy's command template ("" is PuTTY's
	// DefaultTelnetCommand) or the local command to run (Kind Command);
	// see Expand for its % words and escapes.
	Command string
	// Bypass lists hosts reached directly: exact names, "*.suffix" (the
	// suffix itself and any name under it) and CIDR blocks for addresses.
	Bypass []string
}

// Active reports whether a proxy is configured: a host, or for a local
// command the command.
func (c *Config) Active() bool {
	if c == nil || c.Kind == None {
		return false
	}
	if c.Kind == Command {
		return strings.TrimSpace(c.Command) != ""
	}
	return c.Host != ""
}

// PortOrDefault is the port to dial for the proxy.
func (c *Config) PortOrDefault() int {
	if c.Port != 0 {
		return c.Port
	}
	switch c.Kind {
	case HTTP:
		return 3128
	case Telnet:
		return 23
	}
	return 1080
}

// Addr is the proxy's host:port, for messages and dialling; for a local
// command, the command's first word.
func (c *Config) Addr() string {
	if c.Kind == Command {
		if f := strings.Fields(c.Command); len(f) > 0 {
			return f[0]
		}
		return "command"
	}
	return net.JoinHostPort(c.Host, strconv.Itoa(c.PortOrDefault()))
}

// Template is the command template in effect: Command, or for a Telnet
// proxy without one PuTTY's default.
func (c *Config) Template() string {
	if c.Kind == Telnet && strings.TrimSpace(c.Command) == "" {
		return DefaultTelnetCommand
	}
	return c.Command
}

// Vars are the % words for a connection to host and port through c.
func (c *Config) Vars(host string, port int) Vars {
	return Vars{Host: host, Port: port, User: c.User, Pass: c.Password, ProxyHost: c.Host, ProxyPort: c.PortOrDefault()}
}

// Bypasses reports whether host is reached without the proxy. Loopback is
// not bypassed unless listed.
func (c *Config) Bypasses(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	ip := net.ParseIP(host)
	for _, rule := range c.Bypass {
		rule = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(rule)), ".")
		switch {
		case rule == "":
		case strings.Contains(rule, "/"):
			if _, block, err := net.ParseCIDR(rule); err == nil && ip != nil && block.Contains(ip) {
				return true
			}
		case strings.HasPrefix(rule, "*."):
			suffix := rule[1:]
			if host == suffix[1:] || strings.HasSuffix(host, suffix) {
				return true
			}
		case rule == host:
			return true
		case ip != nil && net.ParseIP(rule) != nil && net.ParseIP(rule).Equal(ip):
			return true
		}
	}
	return false
}

// SplitBypass reads a bypass list written with commas, spaces or new
// lines (PuTTY's ProxyExcludeList uses commas).
func SplitBypass(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == ';' })
}
