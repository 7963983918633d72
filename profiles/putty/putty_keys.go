package putty

import "github.com/tern-telnet/tern/profiles"

// puttyFunctionKeys are PuTTY's "Function keys and keypad" choices
// (LinuxFunctionKeys, the name PuTTY keeps for it) as Profile.FunctionKeys
// names them: ESC[n~, Linux, Xterm R6, VT400, VT100+, SCO; PuTTY's
// "Xterm 216+" is xterm's own encoding, Tern's default.
var puttyFunctionKeys = map[string]string{"0": "tilde", "1": "linux", "2": "xtermr6", "3": "vt400", "4": "vt100+", "5": "sco", "6": ""}

// puttyKeyboard takes a PuTTY session's keyboard choices: the function
// keys' encoding and rxvt's Home and End. A session that does not say
// (PuTTY saves every setting, so a file written by hand) keeps Tern's.
func puttyKeyboard(p *profiles.Profile, kv map[string]string) {
	if fk, ok := puttyFunctionKeys[kv["LinuxFunctionKeys"]]; ok {
		p.FunctionKeys = fk
	}
	if kv["RXVTHomeEnd"] == "1" {
		p.HomeEnd = "rxvt"
	}
}
