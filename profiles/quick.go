package profiles

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol/logon"
)

// QuickCommand is one button of a session's quick-command bar: Send is
// a line with the logon actions' placeholders ({password}, {user},
// {enter}, {ctrl-c}…; see protocol/logon.Expand), sent followed by Enter
// unless Keys is set.
type QuickCommand struct {
	Label string `json:"label"`
	Send  string `json:"send,omitempty"`
	// Keys sends Send as written, without Enter at the end.
	Keys bool `json:"keys,omitempty"`
}

// Bounds on quick commands: a bar of buttons, each a few lines at most.
const (
	MaxQuickCommands = 40
	MaxQuickLabel    = 40
	MaxQuickSend     = 2048
)

// ParseQuickCommands reads quick commands one a line, as a person edits
// them: "Label = text" sends text and Enter, "Label => keys" sends keys
// as written (no Enter). Blank lines and lines starting with # are
// skipped. The error names the first bad line.
//
//	Show run = show running-config
//	Save = write memory
//	Enable = enable{enter}{password}
//	Break => {ctrl-c}
func ParseQuickCommands(text string) ([]QuickCommand, error) {
	var cmds []QuickCommand
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parseQuickCommand(line)
		if err != nil {
			return nil, fmt.Errorf("profiles: quick command line %d: %w", i+1, err)
		}
		if len(cmds) == MaxQuickCommands {
			return nil, fmt.Errorf("profiles: more than %d quick commands", MaxQuickCommands)
		}
		cmds = append(cmds, c)
	}
	return cmds, nil
}

func parseQuickCommand(line string) (QuickCommand, error) {
	label, send, ok := strings.Cut(line, "=")
	if !ok {
		return QuickCommand{}, errors.New(`no "=" between the label and what it sends`)
	}
	c := QuickCommand{Label: strings.TrimSpace(label)}
	if rest, keys := strings.CutPrefix(send, ">"); keys {
		c.Keys, send = true, rest
	}
	c.Send = strings.TrimSpace(send)
	return c, c.Validate()
}

// Validate checks a quick command: a label without line breaks, within
// the bounds, and placeholders protocol/logon knows.
func (c QuickCommand) Validate() error {
	switch {
	case c.Label == "":
		return errors.New("no label")
	case len(c.Label) > MaxQuickLabel:
		return fmt.Errorf("a label longer than %d bytes", MaxQuickLabel)
	case strings.ContainsAny(c.Label, "=\r\n#") || strings.TrimSpace(c.Label) != c.Label:
		return errors.New("a label with =, # or a line break")
	case len(c.Send) > MaxQuickSend:
		return fmt.Errorf("more than %d bytes to send", MaxQuickSend)
	case strings.ContainsAny(c.Send, "\r\n") || strings.TrimSpace(c.Send) != c.Send:
		return errors.New("a line break in what it sends (use {enter})")
	case c.Send == "" && c.Keys:
		return errors.New("no keys to send")
	}
	if _, err := logon.Expand(c.Send, logon.Vars{}, !c.Keys); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "logon: "))
	}
	return nil
}

// String writes the command as ParseQuickCommands reads it.
func (c QuickCommand) String() string {
	if c.Keys {
		return c.Label + " => " + c.Send
	}
	return c.Label + " = " + c.Send
}

// FormatQuickCommands writes commands one a line.
func FormatQuickCommands(cmds []QuickCommand) string {
	lines := make([]string, len(cmds))
	for i, c := range cmds {
		lines[i] = c.String()
	}
	return strings.Join(lines, "\n")
}
