package protocol

import (
	"cmp"
	"fmt"

	"github.com/tern-telnet/tern/protocol/telnet"
	"github.com/tern-telnet/tern/protocol/telnetopt"
)

// optionChanged runs an option's side effect when it turns on or off
// (s.mu held): NAWS sends the window size as soon as the server agrees;
// BINARY switches the direction that changed (RFC 856: what we send stops
// being NVT text, what the server sends stops reading CR NUL as CR); ECHO
// and SGA are followed by local echo and line editing.
func (s *Session) optionChanged(side telnet.Side, code byte, on bool) {
	switch code {
	case telnet.OptNAWS:
		if side == telnet.Local && on {
			s.sendNAWS()
		}
	case telnet.OptBinary:
		if side == telnet.Local {
			s.binaryOut = on
		} else {
			s.decoder.Binary = on
		}
	case telnet.OptEcho, telnet.OptSGA:
		s.updateModesLocked()
	}
	s.pendingChange = true
}

func verbName(verb byte) string { return telnet.CommandName(verb) }

// received and sent record a piece of option processing (s.mu held): in
// the event log ("server: WILL ECHO", "client: DO ECHO") and, while
// ShowOptions is on (telnet's "toggle options"), on the screen as BSD
// telnet shows it ("RCVD WILL ECHO", "SENT DO ECHO"), after the echo and
// before the server's data of the same read.
//
// logged is the event log's words; shown is BSD telnet's (telnet.Trace*),
// "" for the same words.
func (s *Session) received(logged, shown string) { s.traceOption("server: ", "RCVD ", logged, shown) }
func (s *Session) sent(logged, shown string)     { s.traceOption("client: ", "SENT ", logged, shown) }

func (s *Session) traceOption(logAs, showAs, logged, shown string) {
	s.events.Addf("%s", logAs+logged)
	if s.showOptions {
		s.pendingEcho = append(s.pendingEcho, showAs+cmp.Or(shown, logged)+"\r\n"...)
	}
}

// sendNegotiation is the negotiator's output (s.mu held).
func (s *Session) sendNegotiation(verb, opt byte) {
	s.sent(verbName(verb)+" "+telnet.OptionName(opt), verbName(verb)+" "+telnet.TraceOptionName(opt))
	s.send(telnet.AppendNegotiation(nil, verb, opt))
}

// offerOptions sends the table's Active-mode offers, and BINARY both ways
// when the profile asks for it (s.mu not held).
func (s *Session) offerOptions() {
	s.locked(func() {
		for _, side := range []telnet.Side{telnet.Local, telnet.Remote} {
			for _, code := range telnetopt.Tern.Offers(side) {
				s.neg.Request(side, code, true)
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
	h.s.received("IAC "+telnet.CommandName(cmd), "")
}

func (h handler) Negotiation(verb, opt byte) {
	s := h.s
	s.received(verbName(verb)+" "+telnet.OptionName(opt), verbName(verb)+" "+telnet.TraceOptionName(opt))
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
	if opt == telnet.OptLogout && s.logoutAsked && (verb == telnet.WONT || verb == telnet.WILL) {
		s.logoutAsked = false
		if verb == telnet.WONT {
			s.pendingEcho = append(s.pendingEcho, "\r\nThe server does not log out on request (WONT LOGOUT); 'close' at telnet> ends the connection.\r\n"...)
		}
	}
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
		s.received("SB (empty)", "IAC SB (Empty suboption???)")
		return
	}
	switch {
	case opt == telnet.OptCharset:
		s.answerCharset(payload)
	case len(payload) > 0 && payload[0] == telnet.SubSEND:
		s.answerSend(opt, payload[1:])
	case opt == telnet.OptStatus && len(payload) > 0 && payload[0] == telnet.SubIS:
		s.received("SB STATUS IS "+telnet.DescribeStatus(payload[1:]), telnet.TraceSubnegotiation(opt, payload))
	default:
		s.received(fmt.Sprintf("SB %s %x", telnet.OptionName(opt), payload), telnet.TraceSubnegotiation(opt, payload))
	}
}

func (h handler) SubnegotiationDropped(opt byte, size int) {
	h.s.received(fmt.Sprintf("SB %s of %d bytes dropped (longer than %d)", telnet.OptionName(opt), size, telnet.DefaultMaxSubnegotiation), "")
}

// answerSend answers "SB opt SEND ..." for an option we have agreed to.
func (s *Session) answerSend(opt byte, rest []byte) {
	s.received("SB "+telnet.OptionName(opt)+" SEND", telnet.TraceSubnegotiation(opt, append([]byte{telnet.SubSEND}, rest...)))
	if !s.neg.Enabled(telnet.Local, opt) {
		s.logf("(ignored: %s is not enabled on our side)", telnet.OptionName(opt))
		return
	}
	if opt == telnet.OptStatus {
		s.sendSB(opt, s.neg.StatusIS(), "IS")
	} else if r, ok := s.answers.Send(opt, rest); ok {
		s.sendSB(opt, r.Payload, r.Summary)
	}
}

// answerCharset accepts the session's character set (Config.Charset,
// UTF-8 when none) when the server offers it under any of its names (RFC
// 2066), and turns every other set down: Tern converts only the one set
// the session is set to.
func (s *Session) answerCharset(p []byte) {
	offered, list, ok := telnet.ParseCharsetRequest(p)
	if !ok {
		s.received(fmt.Sprintf("SB CHARSET %x", p), telnet.TraceSubnegotiation(telnet.OptCharset, p))
		return
	}
	s.received(fmt.Sprintf("SB CHARSET REQUEST %q", list), telnet.TraceSubnegotiation(telnet.OptCharset, p))
	if !s.neg.Enabled(telnet.Local, telnet.OptCharset) && !s.neg.Enabled(telnet.Remote, telnet.OptCharset) {
		s.logf("(ignored: CHARSET was not agreed)")
		return
	}
	r := telnetopt.AnswerCharset(s.cfg.Charset, offered)
	s.sendSB(telnet.OptCharset, r.Payload, r.Summary)
}

func (s *Session) sendSB(opt byte, payload []byte, summary string) {
	s.sent("SB "+telnet.OptionName(opt)+" "+summary, telnet.TraceSubnegotiation(opt, payload))
	s.send(telnet.AppendSubnegotiation(nil, opt, payload))
}

func (s *Session) sendNAWS() {
	s.sendSB(telnet.OptNAWS, telnet.NAWSPayload(s.naws.cols, s.naws.rows), fmt.Sprintf("%dx%d", s.naws.cols, s.naws.rows))
}
