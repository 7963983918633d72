package telnet

import "bytes"

// AppendData appends data to dst with every 0xFF doubled (RFC 854).
func AppendData(dst, data []byte) []byte {
	for len(data) > 0 {
		i := bytes.IndexByte(data, IAC)
		if i < 0 {
			return append(dst, data...)
		}
		dst = append(dst, data[:i+1]...)
		dst = append(dst, IAC)
		data = data[i+1:]
	}
	return dst
}

// AppendNVT appends data as NVT text: 0xFF doubled and every CR that is not
// followed by LF sent as CR NUL (RFC 854). A CR at the very end of data is
// taken as a bare CR.
func AppendNVT(dst, data []byte) []byte {
	for i, b := range data {
		switch {
		case b == IAC:
			dst = append(dst, IAC, IAC)
		case b == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			dst = append(dst, '\r', 0)
		default:
			dst = append(dst, b)
		}
	}
	return dst
}

// AppendCommand appends IAC cmd.
func AppendCommand(dst []byte, cmd byte) []byte { return append(dst, IAC, cmd) }

// AppendNegotiation appends IAC verb opt.
func AppendNegotiation(dst []byte, verb, opt byte) []byte { return append(dst, IAC, verb, opt) }

// AppendSubnegotiation appends IAC SB opt payload IAC SE with 0xFF in the
// payload doubled (RFC 855).
func AppendSubnegotiation(dst []byte, opt byte, payload []byte) []byte {
	dst = append(dst, IAC, SB, opt)
	dst = AppendData(dst, payload)
	return append(dst, IAC, SE)
}

// NAWSPayload is the RFC 1073 payload for a window of cols x rows.
func NAWSPayload(cols, rows int) []byte {
	clamp := func(v int) int { return max(0, min(v, 0xFFFF)) }
	c, r := clamp(cols), clamp(rows)
	return []byte{byte(c >> 8), byte(c), byte(r >> 8), byte(r)}
}

// TTYPEPayload is the RFC 1091 "IS name" payload.
func TTYPEPayload(name string) []byte {
	return append([]byte{SubIS}, name...)
}

// EnvVariable is one NEW-ENVIRON variable; User marks a USERVAR.
type EnvVariable struct {
	Name, Value string
	User        bool
}

// NewEnvironPayload is the RFC 1572 payload for verb (IS or INFO) with the
// given variables, escaping VAR, VALUE, ESC and USERVAR bytes inside names
// and values.
func NewEnvironPayload(verb byte, vars []EnvVariable) []byte {
	out := []byte{verb}
	for _, v := range vars {
		kind := EnvVar
		if v.User {
			kind = EnvUserVar
		}
		out = append(out, kind)
		out = appendEnvEscaped(out, v.Name)
		out = append(out, EnvValue)
		out = appendEnvEscaped(out, v.Value)
	}
	return out
}

func appendEnvEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case EnvVar, EnvValue, EnvEsc, EnvUserVar:
			dst = append(dst, EnvEsc)
		}
		dst = append(dst, s[i])
	}
	return dst
}

// ParseEnvironSend reads the names a server asks for in "SEND [VAR name]
// [USERVAR name]..." (the payload after the SEND byte). all is true when the
// server asked for everything (no names, or a bare VAR or USERVAR).
func ParseEnvironSend(p []byte) (names []EnvVariable, all bool) {
	if len(p) == 0 {
		return nil, true
	}
	var cur *EnvVariable
	for i := 0; i < len(p); i++ {
		b := p[i]
		switch b {
		case EnvVar, EnvUserVar:
			if cur != nil && cur.Name == "" {
				all = true
			}
			names = append(names, EnvVariable{User: b == EnvUserVar})
			cur = &names[len(names)-1]
			continue
		case EnvEsc:
			if i+1 < len(p) {
				i++
				b = p[i]
			}
		}
		if cur != nil {
			cur.Name += string(b)
		}
	}
	if cur != nil && cur.Name == "" {
		all = true
	}
	kept := names[:0]
	for _, n := range names {
		if n.Name != "" {
			kept = append(kept, n)
		}
	}
	return kept, all
}
