package prompt

import (
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol/telnetopt"
)

// telnet's "environ": the variables NEW-ENVIRON tells the server, kept for
// the tab's next connection too. Only exported ones are ever sent.

type environCommand struct {
	name, help string
	nargs      int
	run        func(t Target, e telnetopt.Environ, args []string) string
}

var environCommands []environCommand

func init() {
	environCommands = []environCommand{
		{"define", "Define an environment variable", 2, envDefine},
		{"undefine", "Undefine an environment variable", 1, envUndefine},
		{"export", "Mark an environment variable for automatic export", 1, envExport(true)},
		{"unexport", "Don't mark an environment variable for automatic export", 1, envExport(false)},
		{"send", "Send an environment variable", 1, envSend},
		{"list", "List the current environment variables", 0, envList},
		{"?", "Print help information", 0, envHelp},
		{"help", "", 0, envHelp},
	}
}

func cmdEnviron(t Target, args []string) string {
	if len(args) == 0 {
		return lines("Need an argument to 'environ' command.  'environ ?' for help.")
	}
	c, n := byPrefix(args[0], environCommands, func(c environCommand) string { return c.name })
	switch {
	case n == 0:
		return lines(fmt.Sprintf("'%s': unknown argument ('environ ?' for help).", args[0]))
	case n > 1:
		return lines(fmt.Sprintf("'%s': ambiguous argument ('environ ?' for help).", args[0]))
	case len(args)-1 != c.nargs:
		only, s := "", "s"
		if len(args)-1 > c.nargs {
			only = "only "
		}
		if c.nargs == 1 {
			s = ""
		}
		return lines(fmt.Sprintf("Need %s%d argument%s to 'environ %s' command.  'environ ?' for help.", only, c.nargs, s, c.name))
	}
	return c.run(t, t.Environ(), args[1:])
}

func envHelp(Target, telnetopt.Environ, []string) string {
	var b strings.Builder
	for _, c := range environCommands {
		if c.help != "" {
			fmt.Fprintf(&b, "%-15s %s\r\n", c.name, c.help)
		}
	}
	return b.String()
}

// envDefine defines (or redefines) a variable, exported, as telnet does;
// like telnet it says nothing.
func envDefine(t Target, e telnetopt.Environ, args []string) string {
	if msg := checkVariable(args[0], args[1]); msg != "" {
		return lines(msg)
	}
	t.SetEnviron(e.Define(args[0], args[1]))
	return ""
}

// checkVariable refuses what NEW-ENVIRON cannot carry as typed: control
// characters (IAC and the option's own codes are escaped on the wire).
func checkVariable(name, value string) string {
	for _, s := range []string{name, value} {
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			return fmt.Sprintf("%q: control characters cannot be sent.", s)
		}
	}
	return ""
}

// envUndefine removes a variable. USER given by the session's auto-login
// user name cannot go (the logon actions use the name); it stays defined
// and is no longer sent.
func envUndefine(t Target, e telnetopt.Environ, args []string) string {
	e, ok := e.Undefine(args[0])
	if !ok {
		return ""
	}
	t.SetEnviron(e)
	if e, still := t.Environ().Exported(args[0], false); still {
		t.SetEnviron(e)
		return lines(fmt.Sprintf("'%s' is the session's auto-login user name: it stays defined, no longer sent (unexported).", args[0]))
	}
	return ""
}

func envExport(export bool) func(Target, telnetopt.Environ, []string) string {
	return func(t Target, e telnetopt.Environ, args []string) string {
		if e, ok := e.Exported(args[0], export); ok {
			t.SetEnviron(e)
		}
		return ""
	}
}

func envSend(t Target, _ telnetopt.Environ, args []string) string {
	if err := t.SendEnviron(args[0]); err != nil {
		return lines(fmt.Sprintf("Cannot send '%s': %v", args[0], err))
	}
	return ""
}

// envList lists the variables as telnet does: "*" marks an exported one.
func envList(_ Target, e telnetopt.Environ, _ []string) string {
	var b strings.Builder
	for _, v := range e {
		mark := ' '
		if v.Export {
			mark = '*'
		}
		fmt.Fprintf(&b, "%c %-20s %s\r\n", mark, v.Name, v.Value)
	}
	return b.String()
}
