// Package prompt runs the commands of the telnet> prompt that the escape
// character opens, with BSD telnet's names, answers and error texts.
package prompt

import (
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/specials"
	"github.com/tern-telnet/tern/protocol/telnetopt"
)

// Target is the session tab the prompt acts on.
type Target interface {
	Connected() bool
	// Open connects to host (port "" for the settings' own); user, when
	// not "", is the new auto-login user name (telnet's open -l).
	Open(host, port, user string) error
	Close()
	// Logout asks the server to log out and close (DO LOGOUT).
	Logout() error
	Quit()
	Status() protocol.Status
	Send(verb string) error
	SetEscape(c int)
	Toggle(name string) (string, error)
	// Toggled reports a toggle's state (crmod, localchars), for display.
	Toggled(name string) bool
	Mode(name string) error
	// Environ is the NEW-ENVIRON variables; SetEnviron replaces them, for
	// the session and the tab's next connections.
	Environ() telnetopt.Environ
	SetEnviron(e telnetopt.Environ)
	SendEnviron(name string) error
}

type command struct {
	name string
	help string
	run  func(t Target, args []string) string
}

var commands []command

func init() {
	commands = []command{
		{"close", "close current connection", cmdClose},
		{"logout", "forcibly logout remote user and close the connection", cmdLogout},
		{"display", "display operating parameters", cmdDisplay},
		{"environ", "change environment variables ('environ ?' for more)", cmdEnviron},
		{"mode", "try to enter line or character mode ('mode ?' for more)", cmdMode},
		{"open", "connect to a site", cmdOpen},
		{"quit", "exit telnet", cmdQuit},
		{"send", "transmit special characters ('send ?' for more)", cmdSend},
		{"set", "set operating parameters ('set ?' for more)", cmdSet},
		{"unset", "unset operating parameters ('unset ?' for more)", cmdUnset},
		{"status", "print status information", cmdStatus},
		{"toggle", "toggle operating parameters ('toggle ?' for more)", cmdToggle},
		{"help", "print help information", cmdHelp},
		{"?", "print help information", cmdHelp},
	}
}

// Run executes one line typed at the prompt. It returns the text to print
// (lines ending in CR LF) and whether to go back to the session: after a
// command while connected (but help and close, after which telnet stays
// at its prompt), and after an open that started connecting, whose
// session the keys then go to, as in telnet.
func Run(line string, t Target) (out string, resume bool) {
	fields := splitArgs(line)
	if len(fields) == 0 {
		return "", true
	}
	cmd, err := lookup(fields[0])
	if err != "" {
		return err + "\r\n", t.Connected()
	}
	out = cmd.run(t, fields[1:])
	switch {
	case cmd.name == "open" && out == "":
		return out, true
	case cmd.name == "close" || cmd.name == "help" || cmd.name == "?":
		return out, false // the session may still be ending: telnet> stays
	}
	return out, t.Connected()
}

// lookup finds a command by name or unique prefix.
func lookup(name string) (command, string) {
	c, n := byPrefix(name, commands, func(c command) string { return c.name })
	switch n {
	case 1:
		return c, ""
	case 0:
		return command{}, "?Invalid command"
	}
	return command{}, "?Ambiguous command"
}

// byPrefix is the item of items whose name is typed (any case), or else
// begins with it, as telnet reads its words; n counts the items that
// match, 1 when the word names one.
func byPrefix[T any](typed string, items []T, name func(T) string) (found T, n int) {
	typed = strings.ToLower(typed)
	for _, it := range items {
		switch {
		case name(it) == typed:
			return it, 1
		case strings.HasPrefix(name(it), typed):
			found, n = it, n+1
		}
	}
	return found, n
}

func lines(ls ...string) string { return strings.Join(ls, "\r\n") + "\r\n" }

func cmdHelp(Target, []string) string {
	var b strings.Builder
	b.WriteString("Commands may be abbreviated.  Commands are:\r\n\r\n")
	for _, c := range commands {
		if c.name == "?" {
			continue
		}
		fmt.Fprintf(&b, "%-8s\t%s\r\n", c.name, c.help) // telnet's columns
	}
	return b.String()
}

func cmdOpen(t Target, args []string) string {
	if t.Connected() {
		return lines("?Already connected to " + t.Status().Host)
	}
	user := ""
	if len(args) > 0 && args[0] == "-l" {
		if len(args) < 2 {
			args = nil // usage
		} else {
			user, args = args[1], args[2:]
		}
	}
	if len(args) == 0 || len(args) > 2 || strings.HasPrefix(args[0], "-") {
		return lines("usage: open [-l user] host-name [port]")
	}
	port := ""
	if len(args) == 2 {
		port = args[1]
	}
	if err := t.Open(args[0], port, user); err != nil {
		return lines(err.Error())
	}
	return ""
}

func cmdClose(t Target, _ []string) string {
	if !t.Connected() {
		return lines("?Need to be connected first.")
	}
	t.Close()
	return ""
}

func cmdLogout(t Target, _ []string) string {
	if !t.Connected() {
		return lines("?Need to be connected first.")
	}
	if err := t.Logout(); err != nil {
		return lines(err.Error())
	}
	return lines("Asked the server to log out and close (DO LOGOUT).")
}

func cmdQuit(t Target, _ []string) string {
	t.Quit()
	return ""
}

func cmdStatus(t Target, _ []string) string {
	return strings.ReplaceAll(StatusText(t.Status()), "\n", "\r\n")
}

func cmdSend(t Target, args []string) string {
	if len(args) == 0 {
		return lines("need at least one argument for 'send' command", "'send ?' for help")
	}
	var b strings.Builder
	for _, verb := range args {
		if verb == "?" || verb == "help" {
			for _, sp := range specials.List {
				fmt.Fprintf(&b, "%-10s %s\r\n", sp.Verb, sp.Help)
			}
			fmt.Fprintf(&b, "%-10s %s\r\n", "?", "Display send options")
			return b.String()
		}
		if err := t.Send(verb); err != nil {
			b.WriteString(err.Error() + "\r\n")
			return b.String()
		}
	}
	return b.String()
}

// cmdDisplay is telnet's display: the toggles as "will ..." or "won't
// ...", in its order and words (Tern's own first), then the settings.
func cmdDisplay(t Target, _ []string) string {
	st := t.Status()
	will := func(on bool, what string) string {
		if on {
			return "will " + what + "."
		}
		return "won't " + what + "."
	}
	return lines(
		will(st.LocalEcho, "echo characters locally"),
		will(st.LineMode, "edit lines locally"),
		will(t.Toggled("crmod"), "map carriage return on output"),
		will(t.Toggled("localchars"), "recognize certain control characters"),
		will(st.ShowOptions, "show option processing"),
		"",
		fmt.Sprintf("%-15s [%s]", "escape", escapechar.Name(st.Escape)),
		fmt.Sprintf("%-15s [%s]", "negotiation", st.Mode),
	)
}

func cmdSet(t Target, args []string) string {
	if len(args) == 0 || args[0] == "?" {
		return lines("escape\tcharacter to escape back to telnet command mode")
	}
	if !strings.HasPrefix("escape", strings.ToLower(args[0])) || len(args) != 2 {
		return lines(fmt.Sprintf("'%s': unknown argument ('set ?' for help).", args[0]))
	}
	c, ok := escapechar.Parse(args[1])
	if !ok {
		return lines(fmt.Sprintf("'%s': not a character (use ^X, a single character, or off)", args[1]))
	}
	t.SetEscape(c)
	return lines(fmt.Sprintf("escape character is '%s'.", escapechar.Name(c)))
}

// cmdUnset is telnet's unset: "unset escape" leaves no escape character
// (Ctrl+] then goes to the server; Session ▸ Change settings… sets one
// again).
func cmdUnset(t Target, args []string) string {
	if len(args) == 0 {
		return lines("Need an argument to 'unset' command.  'unset ?' for help.")
	}
	if args[0] == "?" {
		return lines("escape\tcharacter to escape back to telnet command mode")
	}
	if !strings.HasPrefix("escape", strings.ToLower(args[0])) {
		return lines(fmt.Sprintf("'%s': unknown argument ('unset ?' for help).", args[0]))
	}
	t.SetEscape(escapechar.None)
	return lines("escape character is 'off'.")
}

func cmdToggle(t Target, args []string) string {
	if len(args) == 0 || args[0] == "?" {
		var help []string
		for _, tg := range toggles {
			help = append(help, fmt.Sprintf("%-15s %s", tg.name, tg.help))
		}
		return lines(help...)
	}
	var b strings.Builder
	for _, name := range args {
		if _, n := byPrefix(name, toggles, func(tg toggle) string { return tg.name }); n > 1 {
			fmt.Fprintf(&b, "'%s': ambiguous argument ('toggle ?' for help).\r\n", name)
			continue
		}
		msg, err := t.Toggle(toggleName(name))
		if err != nil {
			b.WriteString(err.Error() + "\r\n")
			continue
		}
		b.WriteString(msg + "\r\n")
	}
	return b.String()
}

type toggle struct{ name, help string }

// toggles are what "toggle" changes (Target.Toggle), as "toggle ?" lists
// them.
var toggles = []toggle{
	{"localecho", "toggle local echoing of typed characters"},
	{"crlf", "toggle sending carriage returns as telnet <CR><LF> or <CR><NUL>"},
	{"binary", "toggle sending and receiving of binary data"},
	{"options", "toggle viewing of options processing (debugging)"},
	{"crmod", "toggle mapping of received carriage returns"},
	{"localchars", "toggle local recognition of certain control characters"},
}

// toggleName is the toggle a unique prefix names ("opt" is options), as
// telnet reads them; anything else is returned as typed, for Toggle's
// error.
func toggleName(typed string) string {
	tg, n := byPrefix(typed, toggles, func(tg toggle) string { return tg.name })
	if n != 1 {
		return strings.ToLower(typed)
	}
	return tg.name
}

func cmdMode(t Target, args []string) string {
	if len(args) != 1 || args[0] == "?" {
		return lines("character\tDisable LINEMODE option (local line editing off)", "line\tEnable local line editing")
	}
	if err := t.Mode(strings.ToLower(args[0])); err != nil {
		return lines(err.Error())
	}
	return ""
}
