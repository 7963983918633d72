// Package specials lists the special commands a person can send on a
// Telnet session (PuTTY's Special Command menu, BSD telnet's "send"
// verbs) and finds one by its verb, an alias or a unique prefix.
// protocol.Session.SendSpecial sends them.
package specials

import (
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// Special is a special command the user can send.
type Special struct {
	Verb string // telnet's "send" verb
	Name string // PuTTY's menu text
	Help string // telnet's "send ?" text
	Cmd  byte   // the Telnet command sent after IAC; 0 for escape and getstatus
}

// List holds the special commands in telnet's "send ?" order.
var List = []Special{
	{"ao", "Abort Output", "Send Telnet Abort output", telnet.AO},
	{"ayt", "Are You There", "Send Telnet 'Are You There'", telnet.AYT},
	{"brk", "Break", "Send Telnet Break", telnet.BRK},
	{"ec", "Erase Character", "Send Telnet Erase Character", telnet.EC},
	{"el", "Erase Line", "Send Telnet Erase Line", telnet.EL},
	{"escape", "Escape Character", "Send current escape character", 0},
	{"ga", "Go Ahead", "Send Telnet 'Go Ahead' sequence", telnet.GA},
	{"ip", "Interrupt Process", "Send Telnet Interrupt Process", telnet.IP},
	{"nop", "No Operation", "Send Telnet 'No operation'", telnet.NOP},
	{"eor", "End Of Record", "Send Telnet 'End of Record'", telnet.EOR},
	{"abort", "Abort Process", "Send Telnet 'Abort Process'", telnet.ABORT},
	{"susp", "Suspend Process", "Send Telnet 'Suspend Process'", telnet.SUSP},
	{"eof", "End Of File", "Send Telnet End of File Character", telnet.EOF},
	{"synch", "Synch", "Perform Telnet 'Synch operation'", telnet.DM},
	{"getstatus", "Get Status", "Send request for STATUS", 0},
}

var specialAliases = map[string]string{"break": "brk", "intp": "ip", "interrupt": "ip", "intr": "ip"}

// Lookup finds a special command by its verb, an alias, or a unique
// prefix, as telnet's "send" does.
func Lookup(verb string) (Special, error) {
	verb = strings.ToLower(verb)
	if a, ok := specialAliases[verb]; ok {
		verb = a
	}
	var found []Special
	for _, sp := range List {
		if sp.Verb == verb {
			return sp, nil
		}
		if strings.HasPrefix(sp.Verb, verb) {
			found = append(found, sp)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return Special{}, fmt.Errorf("?Unknown send argument '%s'", verb)
	}
	return Special{}, fmt.Errorf("?Ambiguous send argument '%s'", verb)
}
