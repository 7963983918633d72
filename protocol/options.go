package protocol

import (
	"fmt"

	"github.com/tern-telnet/tern/protocol/charset"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// option is one row of Tern's Telnet option table, as PuTTY's telnet.c
// describes each option once: whether we may enable it on our side
// (answer DO with WILL), whether the server may on its side (answer WILL
// with DO), what Active mode asks for when the connection opens, and the
// option's side effect when it turns on or off. The generic RFC 1143
// negotiator (telnet.Negotiator) does the rest.
type option struct {
	code     byte
	weMay    bool                                        // DO is answered with WILL
	theyMay  bool                                        // WILL is answered with DO
	offer    offer                                       // what Active mode sends at connect
	onChange func(s *Session, side telnet.Side, on bool) // nil: no side effect; s.mu held
}

// offer is what Active mode asks for at connect: WILL, DO, both or nothing.
type offer uint8

const (
	askWill offer = 1 << telnet.Local  // offer to enable the option on our side
	askDo   offer = 1 << telnet.Remote // ask the server to enable it on its side
	askBoth       = askWill | askDo
)

// asks reports whether Active mode asks for the option on that side.
func (a offer) asks(side telnet.Side) bool { return a&(1<<side) != 0 }

// options is Tern's option table. Active mode offers in table order, every
// WILL first, then every DO (PuTTY's set). LINEMODE, LFLOW, XDISPLOC,
// OLD-ENVIRON, AUTHENTICATION, ENCRYPT and everything unknown are refused;
// TIMING-MARK never turns on (handler.Negotiation answers it).
var options = optionTable{
	{code: telnet.OptTTYPE, weMay: true, offer: askWill},
	{code: telnet.OptNAWS, weMay: true, offer: askWill, onChange: nawsChanged},
	{code: telnet.OptTSpeed, weMay: true, offer: askWill},
	{code: telnet.OptNewEnviron, weMay: true, offer: askWill},
	{code: telnet.OptEcho, theyMay: true, offer: askDo, onChange: modesChanged},
	{code: telnet.OptSGA, weMay: true, theyMay: true, offer: askBoth, onChange: modesChanged},
	{code: telnet.OptBinary, weMay: true, theyMay: true, onChange: binaryChanged}, // asked for when Config.RequestBinary
	{code: telnet.OptStatus, weMay: true, theyMay: true},
	{code: telnet.OptEOR, weMay: true, theyMay: true},
	{code: telnet.OptCharset, weMay: true},
}

// nawsChanged sends the window size as soon as the server agrees to NAWS.
func nawsChanged(s *Session, side telnet.Side, on bool) {
	if side == telnet.Local && on {
		s.sendNAWS()
	}
}

// binaryChanged switches the direction that changed to BINARY (RFC 856):
// what we send stops being NVT text, and what the server sends stops
// reading CR NUL as CR.
func binaryChanged(s *Session, side telnet.Side, on bool) {
	if side == telnet.Local {
		s.binaryOut = on
	} else {
		s.decoder.Binary = on
	}
}

// modesChanged follows the server's ECHO and SGA with local echo and line
// editing.
func modesChanged(s *Session, _ telnet.Side, _ bool) { s.updateModesLocked() }

// optionTable is the negotiator's Policy.
type optionTable []option

func (t optionTable) row(code byte) *option {
	for i := range t {
		if t[i].code == code {
			return &t[i]
		}
	}
	return nil
}

// Accept reports whether the table lets opt be enabled on that side.
func (t optionTable) Accept(side telnet.Side, code byte) bool {
	o := t.row(code)
	if o == nil {
		return false
	}
	if side == telnet.Local {
		return o.weMay
	}
	return o.theyMay
}

func verbName(verb byte) string { return telnet.CommandName(verb) }

// sendNegotiation is the negotiator's output (s.mu held).
func (s *Session) sendNegotiation(verb, opt byte) {
	s.logf("client: %s %s", verbName(verb), telnet.OptionName(opt))
	s.send(telnet.AppendNegotiation(nil, verb, opt))
}

// optionChanged runs the option's side effect (s.mu held).
func (s *Session) optionChanged(side telnet.Side, code byte, on bool) {
	if o := options.row(code); o != nil && o.onChange != nil {
		o.onChange(s, side, on)
	}
	s.pendingChange = true
}

// offerOptions sends the table's Active-mode offers, and BINARY both ways
// when the profile asks for it (s.mu not held).
func (s *Session) offerOptions() {
	s.locked(func() {
		for _, side := range []telnet.Side{telnet.Local, telnet.Remote} {
			for _, o := range options {
				if o.offer.asks(side) {
					s.neg.Request(side, o.code, true)
				}
			}
		}
		if s.cfg.RequestBinary {
			s.neg.Request(telnet.Local, telnet.OptBinary, true)
			s.neg.Request(telnet.Remote, telnet.OptBinary, true)
		}
	})
}

// updateModesLocked recomputes local echo and line editing. Auto echo is
// on until the server says WILL ECHO. Auto line editing is on while the
// server neither echoes nor has SGA in effect: PuTTY's rule is SGA alone,
// but a client that answers DO TIMING-MARK (as RFC 860 asks) gets GNU
// telnetd's "kludge linemode", where the server says WONT SGA while it
// echoes and never says WILL SGA again when vi or top goes raw; keys must
// then still go out one at a time. In Raw mode Auto means on.
func (s *Session) updateModesLocked() {
	serverEchoes := s.neg.Enabled(telnet.Remote, telnet.OptEcho)
	s.ld.EchoOn = resolve(s.cfg.LocalEcho, !serverEchoes)
	s.ld.Edit = resolve(s.cfg.LocalEdit, !serverEchoes && !s.neg.Enabled(telnet.Remote, telnet.OptSGA))
}

func resolve(t Tristate, auto bool) bool {
	switch t {
	case ForceOn:
		return true
	case ForceOff:
		return false
	}
	return auto
}

// handler receives the decoder's commands (s.mu held).
type handler struct{ s *Session }

func (h handler) Command(cmd byte) {
	h.s.logf("server: IAC %s", telnet.CommandName(cmd))
}

func (h handler) Negotiation(verb, opt byte) {
	s := h.s
	s.logf("server: %s %s", verbName(verb), telnet.OptionName(opt))
	first := !s.telnetSeen
	s.telnetSeen = true
	if opt == telnet.OptTimingMark {
		// RFC 860: answer DO TIMING-MARK once everything before it is
		// processed (it is); the option itself never turns on.
		if verb == telnet.DO {
			s.sendNegotiation(telnet.WILL, opt)
		} else if verb == telnet.WILL {
			s.sendNegotiation(telnet.DONT, opt)
		}
		return
	}
	s.neg.Receive(verb, opt)
	if first && s.mode() == NegotiatePassive {
		// The server speaks Telnet: now offer PuTTY's passive minimum.
		s.neg.Request(telnet.Remote, telnet.OptEcho, true)
		s.neg.Request(telnet.Local, telnet.OptSGA, true)
		s.neg.Request(telnet.Remote, telnet.OptSGA, true)
	}
	s.pendingChange = true
}

func (h handler) Subnegotiation(opt byte, payload []byte, empty bool) {
	s := h.s
	if empty {
		s.logf("server: SB (empty)")
		return
	}
	switch {
	case opt == telnet.OptCharset:
		s.answerCharset(payload)
	case len(payload) > 0 && payload[0] == telnet.SubSEND:
		s.answerSend(opt, payload[1:])
	case opt == telnet.OptStatus && len(payload) > 0 && payload[0] == telnet.SubIS:
		s.logf("server: SB STATUS IS %s", telnet.DescribeStatus(payload[1:]))
	default:
		s.logf("server: SB %s %x", telnet.OptionName(opt), payload)
	}
}

func (h handler) SubnegotiationDropped(opt byte, size int) {
	h.s.logf("server: SB %s of %d bytes dropped (longer than %d)", telnet.OptionName(opt), size, telnet.DefaultMaxSubnegotiation)
}

// answerSend answers "SB opt SEND ..." for an option we have agreed to.
func (s *Session) answerSend(opt byte, rest []byte) {
	s.logf("server: SB %s SEND", telnet.OptionName(opt))
	if !s.neg.Enabled(telnet.Local, opt) {
		s.logf("(ignored: %s is not enabled on our side)", telnet.OptionName(opt))
		return
	}
	switch opt {
	case telnet.OptTTYPE:
		names := s.cfg.terminalTypes()
		name := names[min(s.ttypeIndex, len(names)-1)]
		s.ttypeIndex++
		if s.ttypeIndex > len(names) { // the last was sent twice: start again
			s.ttypeIndex = 0
		}
		s.sendSB(opt, telnet.TTYPEPayload(name), "IS "+name)
	case telnet.OptTSpeed:
		sp := s.cfg.terminalSpeed()
		s.sendSB(opt, append([]byte{telnet.SubIS}, sp...), "IS "+sp)
	case telnet.OptNewEnviron:
		vars := s.environFor(rest)
		s.sendSB(opt, telnet.NewEnvironPayload(telnet.SubIS, vars), "IS "+telnet.DescribeEnviron(vars))
	case telnet.OptStatus:
		s.sendSB(opt, s.neg.StatusIS(), "IS")
	}
}

// answerCharset accepts the session's character set (Config.Charset,
// UTF-8 when none) when the server offers it under any of its names (RFC
// 2066), and turns every other set down: Tern converts only the one set
// the session is set to.
func (s *Session) answerCharset(p []byte) {
	offered, list, ok := telnet.ParseCharsetRequest(p)
	if !ok {
		s.logf("server: SB CHARSET %x", p)
		return
	}
	s.logf("server: SB CHARSET REQUEST %q", list)
	if !s.neg.Enabled(telnet.Local, telnet.OptCharset) && !s.neg.Enabled(telnet.Remote, telnet.OptCharset) {
		s.logf("(ignored: CHARSET was not agreed)")
		return
	}
	want, _ := charset.Canonical(s.cfg.Charset)
	for _, name := range offered {
		if got, ok := charset.Canonical(name); ok && got == want && name != "" {
			s.sendSB(telnet.OptCharset, append([]byte{telnet.CharsetAccepted}, name...), "ACCEPTED "+name)
			return
		}
	}
	s.sendSB(telnet.OptCharset, []byte{telnet.CharsetRejected}, "REJECTED")
}

// environFor chooses the NEW-ENVIRON variables to send: only USER and the
// ones the profile lists, never anything else of the local environment.
func (s *Session) environFor(request []byte) []telnet.EnvVariable {
	offered := map[string]string{}
	for k, v := range s.cfg.Environment {
		offered[k] = v
	}
	if s.cfg.User != "" {
		offered["USER"] = s.cfg.User
	}
	return telnet.ChooseEnviron(offered, request)
}

func (s *Session) sendSB(opt byte, payload []byte, summary string) {
	s.logf("client: SB %s %s", telnet.OptionName(opt), summary)
	s.send(telnet.AppendSubnegotiation(nil, opt, payload))
}

func (s *Session) sendNAWS() {
	s.sendSB(telnet.OptNAWS, telnet.NAWSPayload(s.naws.cols, s.naws.rows), fmt.Sprintf("%dx%d", s.naws.cols, s.naws.rows))
}
