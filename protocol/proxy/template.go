package proxy

import (
	"strconv"
	"strings"
)

// DefaultTelnetCommand is PuTTY's Telnet proxy command.
const DefaultTelnetCommand = `connect %host %port\n`

// Vars are what a proxy command template's % words stand for.
type Vars struct {
	Host      string // %host: the host the session is for
	Port      int    // %port
	User      string // %user: the proxy user name
	Pass      string // %pass: the proxy password
	ProxyHost string // %proxyhost
	ProxyPort int    // %proxyport
}

// maxExpanded caps an expanded command; a template is typed by a person.
const maxExpanded = 8 << 10

// Expand fills in a proxy command template as PuTTY does: %host, %port,
// %user, %pass, %proxyhost, %proxyport and %% for a percent sign; \n, \r,
// \t, \\, \% and \xHH for the bytes they name. Anything else is kept as
// written.
func Expand(tmpl string, v Vars) string {
	words := []struct{ name, value string }{
		{"proxyhost", v.ProxyHost}, {"proxyport", strconv.Itoa(v.ProxyPort)},
		{"host", v.Host}, {"port", strconv.Itoa(v.Port)}, {"user", v.User}, {"pass", v.Pass},
	}
	var out strings.Builder
	for i := 0; i < len(tmpl) && out.Len() < maxExpanded; {
		c := tmpl[i]
		switch {
		case c == '%' && strings.HasPrefix(tmpl[i+1:], "%"):
			out.WriteByte('%')
			i += 2
			continue
		case c == '%':
			if w, ok := matchWord(tmpl[i+1:], words); ok {
				out.WriteString(w.value)
				i += 1 + len(w.name)
				continue
			}
		case c == '\\' && i+1 < len(tmpl):
			if b, n, ok := escape(tmpl[i+1:]); ok {
				out.WriteByte(b)
				i += 1 + n
				continue
			}
		}
		out.WriteByte(c)
		i++
	}
	s := out.String()
	return s[:min(len(s), maxExpanded)]
}

func matchWord(s string, words []struct{ name, value string }) (struct{ name, value string }, bool) {
	for _, w := range words {
		if len(s) >= len(w.name) && strings.EqualFold(s[:len(w.name)], w.name) {
			return w, true
		}
	}
	return struct{ name, value string }{}, false
}

// escape reads the backslash escape that starts s (after the backslash):
// the byte and how many bytes of s it took.
func escape(s string) (byte, int, bool) {
	switch s[0] {
	case 'n':
		return '\n', 1, true
	case 'r':
		return '\r', 1, true
	case 't':
		return '\t', 1, true
	case '\\', '%':
		return s[0], 1, true
	case 'x', 'X':
		if len(s) >= 3 {
			if n, err := strconv.ParseUint(s[1:3], 16, 8); err == nil {
				return byte(n), 3, true
			}
		}
	}
	return 0, 0, false
}
