// Package escapechar is the escape character that opens telnet> (Ctrl+]
// by default), written and read as telnet writes and reads it: "^]", a
// single character, or "off".
package escapechar

import "strings"

// Default is the escape character, Ctrl+].
const Default = 0x1d

// None turns the escape character off.
const None = -1

// Name renders an escape character the way telnet does: '^]'.
func Name(c int) string {
	switch {
	case c < 0:
		return "off"
	case c < 0x20:
		return "^" + string(rune(c+'@'))
	case c == 0x7f:
		return "^?"
	}
	return string(rune(c))
}

// Parse reads an escape character as telnet's -e does: "^]", a single
// character, or "none"/"off".
func Parse(s string) (int, bool) {
	switch {
	case strings.EqualFold(s, "none") || strings.EqualFold(s, "off"):
		return None, true
	case len(s) == 2 && s[0] == '^':
		if s[1] == '?' {
			return 0x7f, true
		}
		c := strings.ToUpper(s[1:])[0]
		if c >= '@' && c <= '_' {
			return int(c - '@'), true
		}
	case len([]rune(s)) == 1 && s[0] < 0x80:
		return int(s[0]), true
	}
	return 0, false
}
