package telnet

import (
	"fmt"
	"strconv"
	"strings"
)

// BSD telnet's option trace ("toggle options", "RCVD WILL TERMINAL TYPE",
// "SENT IAC SB NAWS 0 100 (100) 0 30 (30)"), in its words, so that what
// Tern shows reads as telnet's does. The event log keeps Tern's shorter
// words (OptionName).

// traceNames are the option names of BSD's <arpa/telnet.h> table, which
// ends at NEW-ENVIRON.
var traceNames = [...]string{
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS", "TIMING MARK",
	"RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
	"NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO",
	"DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT", "SEND LOCATION",
	"TERMINAL TYPE", "END OF RECORD", "TACACS UID", "OUTPUT MARKING", "TTYLOC",
	"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW", "LINEMODE", "XDISPLOC",
	"OLD-ENVIRON", "AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON",
}

// TraceOptionName is opt as BSD telnet's trace names it: its table's name,
// a command's name (236 to 255), or else the number.
func TraceOptionName(opt byte) string {
	if int(opt) < len(traceNames) {
		return traceNames[opt]
	}
	if n, ok := commandNames[opt]; ok {
		return n
	}
	return strconv.Itoa(int(opt))
}

// TraceSubnegotiation is the trace of "IAC SB opt payload IAC SE" (payload
// unescaped, without IAC SE), as BSD telnet prints it after RCVD or SENT:
// "IAC SB TERMINAL-TYPE IS "XTERM"". Options BSD does not know are shown
// by name and byte values.
func TraceSubnegotiation(opt byte, payload []byte) string {
	var b strings.Builder
	b.WriteString("IAC SB ")
	if len(payload) == 0 {
		b.WriteString(TraceOptionName(opt) + " (empty suboption???)")
		return b.String()
	}
	qual, rest := payload[0], payload[1:]
	switch opt {
	case OptTTYPE, OptXDisplayLoc:
		name := map[byte]string{OptTTYPE: "TERMINAL-TYPE ", OptXDisplayLoc: "X-DISPLAY-LOCATION "}[opt]
		b.WriteString(name + quotedIsOrSend(qual, rest))
	case OptTSpeed:
		b.WriteString("TERMINAL-SPEED")
		if qual == SubIS {
			b.WriteString(" IS " + printableTrace(rest))
		} else {
			b.WriteString(qualifier(qual, SubSEND, "SEND") + unexpected(rest))
		}
	case OptNAWS:
		b.WriteString("NAWS" + traceNAWS(payload))
	case OptLFlow:
		b.WriteString("TOGGLE-FLOW-CONTROL")
		names := []string{"OFF", "ON", "RESTART-ANY", "RESTART-XON"}
		if int(qual) < len(names) {
			b.WriteString(" " + names[qual])
		} else {
			fmt.Fprintf(&b, " %d (unknown)", qual)
		}
		b.WriteString(unexpected(rest))
	case OptStatus:
		b.WriteString("STATUS")
		if qual == SubIS {
			b.WriteString(" IS " + describeStatus(rest, TraceOptionName))
		} else {
			b.WriteString(qualifier(qual, SubSEND, "SEND") + unexpected(rest))
		}
	case OptNewEnviron, OptOldEnviron:
		b.WriteString(TraceOptionName(opt) + " ")
		switch qual {
		case SubIS, SubSEND, SubINFO:
			b.WriteString([...]string{"IS ", "SEND ", "INFO "}[qual] + traceEnviron(rest))
		default:
			fmt.Fprintf(&b, "%d (unknown)%s", qual, unexpected(rest))
		}
	default:
		b.WriteString(TraceOptionName(opt))
		for _, c := range payload {
			fmt.Fprintf(&b, " %d", c)
		}
	}
	return b.String()
}

// quotedIsOrSend is `IS "name"` or `SEND`, as TERMINAL-TYPE is traced.
func quotedIsOrSend(qual byte, rest []byte) string {
	switch qual {
	case SubIS:
		return `IS "` + printableTrace(rest) + `"`
	case SubSEND:
		return "SEND"
	}
	return fmt.Sprintf("- unknown qualifier %d (0x%x).", qual, qual)
}

func qualifier(q, want byte, name string) string {
	if q == want {
		return " " + name
	}
	return fmt.Sprintf(" %d (unknown)", q)
}

// unexpected is bytes where none belong, as BSD marks them: " ?5?".
func unexpected(p []byte) string {
	var b strings.Builder
	for _, c := range p {
		fmt.Fprintf(&b, " ?%d?", c)
	}
	return b.String()
}

// traceNAWS is " 0 100 (100) 0 30 (30)": each size's two bytes, then its
// value.
func traceNAWS(p []byte) string {
	var b strings.Builder
	i := 0
	for ; i+1 < len(p) && i < 4; i += 2 {
		fmt.Fprintf(&b, " %d %d (%d)", p[i], p[i+1], int(p[i])<<8|int(p[i+1]))
	}
	b.WriteString(unexpected(p[i:]))
	return b.String()
}

// traceEnviron is NEW-ENVIRON's list: VAR, USERVAR, VALUE and ESC by name,
// text in quotes, other bytes in octal, as `USERVAR "GREETING" VALUE "hi"`.
func traceEnviron(p []byte) string {
	var b strings.Builder
	quoted := false
	word := func(w string) {
		if quoted {
			b.WriteString(`" `)
			quoted = false
		}
		b.WriteString(w + " ")
	}
	for _, c := range p {
		switch {
		case c == EnvVar:
			word("VAR")
		case c == EnvValue:
			word("VALUE")
		case c == EnvEsc:
			word("ESC")
		case c == EnvUserVar:
			word("USERVAR")
		case c >= 0x20 && c < 0x7f && c != '"':
			if !quoted {
				b.WriteByte('"')
				quoted = true
			}
			b.WriteByte(c)
		default:
			word(fmt.Sprintf("%03o", c))
		}
	}
	if quoted {
		b.WriteByte('"')
	}
	return b.String()
}

// printableTrace keeps what a server names on one line and out of the
// terminal's control: control characters (C0, DEL, C1) become "?".
func printableTrace(p []byte) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			return '?'
		}
		return r
	}, string(p))
}
