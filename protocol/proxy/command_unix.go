//go:build !windows

package proxy

import (
	"os/exec"
	"strings"
)

// commandFor runs line through the shell, as PuTTY on Unix does.
func commandFor(line string) (*exec.Cmd, error) {
	return exec.Command("/bin/sh", "-c", line), nil
}

// quoteArg quotes a value for the shell when it holds anything but
// letters, digits and . - _ : @ [ ] / % + ,
func quoteArg(s string) (string, error) {
	if strings.IndexFunc(s, func(r rune) bool { return !plainArgRune(r) }) < 0 {
		return s, nil
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'", nil
}

func plainArgRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-_:@[]/%+,", r)
}
