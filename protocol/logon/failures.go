package logon

import "bytes"

// FailurePatterns are the replies that mean the server refused a login,
// as Cisco IOS, login(1) and common appliances word them. They are
// matched without regard to case, anywhere in a line.
var FailurePatterns = []string{
	"Login incorrect",
	"% Login invalid",
	"% Authentication failed",
	"Access denied",
}

// findFailure returns the line of text holding the first failure pattern,
// and whether that line has ended.
func findFailure(text []byte, patterns []string) (line string, ended, ok bool) {
	lower := asciiLower(text)
	for _, p := range patterns {
		i := bytes.Index(lower, asciiLower([]byte(p)))
		if i < 0 {
			continue
		}
		start := bytes.LastIndexAny(text[:i], "\r\n") + 1
		end := i + len(p)
		j := bytes.IndexAny(text[end:], "\r\n")
		if j < 0 {
			return string(bytes.TrimSpace(text[start:])), false, true
		}
		return string(bytes.TrimSpace(text[start : end+j])), true, true
	}
	return "", false, false
}

// asciiLower lower-cases A to Z only, so that indices stay the same.
func asciiLower(p []byte) []byte {
	out := make([]byte, len(p))
	for i, c := range p {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
