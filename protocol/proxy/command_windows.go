//go:build windows

package proxy

import (
	"errors"
	"os/exec"
	"strings"
	"syscall"
)

// commandFor runs line as CreateProcess reads it, without cmd.exe, as
// PuTTY does: `ssh -W %host:%port bastion` works; pipes and redirections
// need `cmd /c ...` typed in the command.
func commandFor(line string) (*exec.Cmd, error) {
	prog := firstWord(line)
	if prog == "" {
		return nil, errors.New("no program named")
	}
	cmd := exec.Command(prog)
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: line, HideWindow: true}
	return cmd, nil
}

// firstWord is the program a Windows command line names: up to the first
// space, or between the quotes it starts with.
func firstWord(line string) string {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, `"`) {
		if end := strings.IndexByte(line[1:], '"'); end >= 0 {
			return line[1 : 1+end]
		}
		return line[1:]
	}
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		return line[:i]
	}
	return line
}

// quoteArg refuses a value with a double quote, which would end an
// argument early; one with a space is quoted.
func quoteArg(s string) (string, error) {
	if strings.ContainsRune(s, '"') {
		return "", errors.New("a value holds a double quote, which a Windows command line cannot carry safely")
	}
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`, nil
	}
	return s, nil
}
