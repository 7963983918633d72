package telnet

import (
	"sort"
	"strings"
)

// RFC 2066 CHARSET subnegotiation verbs.
const (
	CharsetRequest  = 1
	CharsetAccepted = 2
	CharsetRejected = 3
)

// ParseCharsetRequest reads an "SB CHARSET REQUEST" payload (RFC 2066):
// the character sets offered, in the server's order, and the list as sent
// (after a [TTABLE] version, which is skipped). ok is false for any other
// CHARSET payload.
func ParseCharsetRequest(p []byte) (names []string, list []byte, ok bool) {
	if len(p) == 0 || p[0] != CharsetRequest {
		return nil, nil, false
	}
	list = p[1:]
	if len(list) >= 8 && string(list[:8]) == "[TTABLE]" && len(list) > 9 {
		list = list[9:] // skip the translation-table version byte
	}
	if len(list) > 1 {
		names = strings.Split(string(list[1:]), string(list[0]))
	}
	return names, list, true
}

// ChooseEnviron answers a NEW-ENVIRON SEND (RFC 1572) from what the client
// offers: the variables asked for that it has, or all of them when the
// server asked for everything; USER is a well-known variable, the others
// user variables. Sorted by name.
func ChooseEnviron(offered map[string]string, request []byte) []EnvVariable {
	asked, all := ParseEnvironSend(request)
	var vars []EnvVariable
	if all {
		for k, v := range offered {
			vars = append(vars, EnvVariable{Name: k, Value: v, User: k != "USER"})
		}
	}
	for _, a := range asked {
		if v, ok := offered[a.Name]; ok {
			vars = append(vars, EnvVariable{Name: a.Name, Value: v, User: a.User})
		}
	}
	sort.Slice(vars, func(i, j int) bool { return vars[i].Name < vars[j].Name })
	return vars
}

// DescribeEnviron is vars as NAME=value words, for the event log.
func DescribeEnviron(vars []EnvVariable) string {
	var parts []string
	for _, v := range vars {
		parts = append(parts, v.Name+"="+v.Value)
	}
	return strings.Join(parts, " ")
}

// StatusIS is RFC 859's "IS" payload: WILL for each option enabled on our
// side, DO for each on the other side.
func (n *Negotiator) StatusIS() []byte {
	p := []byte{SubIS}
	for o := 0; o < 256; o++ {
		if n.Enabled(Local, byte(o)) {
			p = append(p, WILL, byte(o))
		}
		if n.Enabled(Remote, byte(o)) {
			p = append(p, DO, byte(o))
		}
	}
	return p
}

// DescribeStatus is a STATUS IS list (the payload after IS) in words, for
// the event log: "WILL ECHO, DO SGA".
func DescribeStatus(p []byte) string { return describeStatus(p, OptionName) }

// describeStatus names each option of a STATUS IS list with name.
func describeStatus(p []byte, name func(byte) string) string {
	var parts []string
	for i := 0; i+1 < len(p); i += 2 {
		parts = append(parts, CommandName(p[i])+" "+name(p[i+1]))
	}
	return strings.Join(parts, ", ")
}
