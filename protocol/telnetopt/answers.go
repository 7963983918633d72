package telnetopt

import (
	"strings"

	"github.com/tern-telnet/tern/protocol/charset"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// Answers holds what Tern tells a server that asks, and where it is in
// the list of terminal types (RFC 1091 asks for the next one each time).
// The zero value of each field means the default its comment names.
// Its goroutine is the one reading the server (protocol's read loop).
type Answers struct {
	TerminalTypes []string // first preferred; nil means XTERM-256COLOR, XTERM, VT100
	Speed         string   // TSPEED; "" means 38400,38400
	Environ       Environ  // NEW-ENVIRON: only its exported variables are sent

	nextType int // the next terminal type to offer
}

// Reply is one subnegotiation to send, and how the event log names it
// ("IS VT100").
type Reply struct {
	Payload []byte
	Summary string
}

// Send answers the server's "SB opt SEND request": ok is false for an
// option Tern does not answer SEND for. The caller checks that the option
// is enabled on its side first.
func (a *Answers) Send(opt byte, request []byte) (r Reply, ok bool) {
	switch opt {
	case telnet.OptTTYPE:
		names := a.terminalTypes()
		name := names[min(a.nextType, len(names)-1)]
		a.nextType++
		if a.nextType > len(names) { // the last was sent twice: start again
			a.nextType = 0
		}
		return Reply{telnet.TTYPEPayload(name), "IS " + name}, true
	case telnet.OptTSpeed:
		sp := a.Speed
		if sp == "" {
			sp = "38400,38400"
		}
		return Reply{append([]byte{telnet.SubIS}, sp...), "IS " + sp}, true
	case telnet.OptNewEnviron:
		vars := a.environFor(request)
		return Reply{telnet.NewEnvironPayload(telnet.SubIS, vars), "IS " + telnet.DescribeEnviron(vars)}, true
	}
	return Reply{}, false
}

func (a *Answers) terminalTypes() []string {
	if len(a.TerminalTypes) == 0 {
		return []string{"XTERM-256COLOR", "XTERM", "VT100"}
	}
	out := make([]string, len(a.TerminalTypes))
	for i, t := range a.TerminalTypes {
		out[i] = strings.ToUpper(t)
	}
	return out
}

// environFor chooses the NEW-ENVIRON variables to send: only the exported
// ones of Environ (USER and the profile's, and what "environ define"
// added), never anything else of the local environment.
func (a *Answers) environFor(request []byte) []telnet.EnvVariable {
	return telnet.ChooseEnviron(a.Environ.offered(), request)
}

// EnvironInfo is the INFO that tells the server about variable v (telnet's
// "environ send").
func EnvironInfo(v Variable) Reply {
	vars := []telnet.EnvVariable{{Name: v.Name, Value: v.Value, User: v.Name != "USER"}}
	return Reply{telnet.NewEnvironPayload(telnet.SubINFO, vars), "INFO " + telnet.DescribeEnviron(vars)}
}

// AnswerCharset answers a CHARSET REQUEST (RFC 2066) offering the sets
// offered: ACCEPTED for the session's own set (session, "" meaning UTF-8)
// under whichever of its names the server used, REJECTED otherwise. Tern
// converts only the one set the session is set to.
func AnswerCharset(session string, offered []string) Reply {
	want, _ := charset.Canonical(session)
	for _, name := range offered {
		if got, ok := charset.Canonical(name); ok && got == want && name != "" {
			return Reply{append([]byte{telnet.CharsetAccepted}, name...), "ACCEPTED " + name}
		}
	}
	return Reply{[]byte{telnet.CharsetRejected}, "REJECTED"}
}
