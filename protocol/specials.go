package protocol

import (
	"fmt"
	"sort"
	"time"

	"github.com/tern-telnet/tern/protocol/queue"
	"github.com/tern-telnet/tern/protocol/specials"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// SendSpecial sends a special command by its verb ("ayt", "ip", "synch",
// "escape", "getstatus", ...).
func (s *Session) SendSpecial(verb string) (err error) {
	sp, err := specials.Lookup(verb)
	if err != nil {
		return err
	}
	s.locked(func() { err = s.sendSpecialLocked(sp) }) // locked: a shown trace (toggle options) is written
	return err
}

func (s *Session) sendSpecialLocked(sp specials.Special) error {
	if s.conn == nil || s.state != StateConnected {
		return fmt.Errorf("?Need to be connected first.")
	}
	switch sp.Verb {
	case "escape":
		if s.escape < 0 {
			return fmt.Errorf("there is no escape character to send")
		}
		(*sessionLine)(s).SendData([]byte{byte(s.escape)})
	case "getstatus":
		if !s.neg.Enabled(telnet.Remote, telnet.OptStatus) {
			return fmt.Errorf("Remote side does not support STATUS option")
		}
		s.sendSB(telnet.OptStatus, []byte{telnet.SubSEND}, "SEND")
	case "synch":
		s.logf("client: IAC DM (Synch, urgent)")
		s.send([]byte{telnet.IAC})
		s.link.outq.Push(queue.Item{Data: []byte{telnet.DM}, Urgent: true})
	default:
		s.logf("client: IAC %s", telnet.CommandName(sp.Cmd))
		s.send([]byte{telnet.IAC, sp.Cmd})
	}
	return nil
}

// Resize gives the session the terminal's new size; NAWS is sent (once the
// size has stayed put for a moment) when the server has agreed to it.
func (s *Session) Resize(cols, rows int) {
	if cols <= 0 || rows <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if cols == s.naws.cols && rows == s.naws.rows {
		return
	}
	s.naws.cols, s.naws.rows = cols, rows
	if s.naws.timer != nil {
		s.naws.timer.Stop()
	}
	s.naws.timer = time.AfterFunc(100*time.Millisecond, func() {
		s.locked(func() { // locked: the report may be shown (ShowOptions)
			if s.neg.Enabled(telnet.Local, telnet.OptNAWS) && s.state == StateConnected {
				s.sendNAWS()
			}
		})
	})
}

// ShowOptions shows option processing on the screen from now on, as BSD
// telnet's "toggle options" does ("RCVD WILL ECHO", "SENT DO ECHO"), or
// stops showing it; the event log has it either way.
func (s *Session) ShowOptions(on bool) {
	s.mu.Lock()
	s.showOptions = on
	s.mu.Unlock()
}

// ShowingOptions reports whether option processing is shown.
func (s *Session) ShowingOptions() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.showOptions
}

// SetEscape changes the escape character (escapechar.None for none).
func (s *Session) SetEscape(c int) {
	s.mu.Lock()
	s.escape = c
	s.ld.EscapeChar = c
	s.mu.Unlock()
}

// SetLocalEcho and SetLocalEdit override the echo and line editing modes.
func (s *Session) SetLocalEcho(t Tristate) {
	s.locked(func() { s.cfg.LocalEcho = t; s.updateModesLocked(); s.pendingChange = true })
}

// SetLocalEdit overrides local line editing (telnet's "mode line|character").
func (s *Session) SetLocalEdit(t Tristate) {
	s.locked(func() { s.cfg.LocalEdit = t; s.updateModesLocked(); s.pendingChange = true })
}

// SetCRNUL chooses whether Enter sends CR NUL (telnet's "toggle crlf").
func (s *Session) SetCRNUL(on bool) { s.locked(func() { s.cfg.EnterSendsCRNUL = on }) }

// RequestBinary asks the server for BINARY in both directions, or to end it.
func (s *Session) RequestBinary(on bool) {
	s.locked(func() {
		s.neg.Request(telnet.Local, telnet.OptBinary, on)
		s.neg.Request(telnet.Remote, telnet.OptBinary, on)
	})
}

// Logout asks the server to log the user out and close the connection,
// as telnet's "logout" does (DO LOGOUT, RFC 727). A server that agrees
// says WILL LOGOUT and closes; one that refuses (WONT LOGOUT) is reported
// on the screen, since nothing else would happen.
func (s *Session) Logout() (err error) {
	s.locked(func() {
		switch {
		case s.conn == nil || s.state != StateConnected:
			err = fmt.Errorf("?Need to be connected first.")
		case s.resolvedMode == NegotiateRaw:
			err = fmt.Errorf("a raw connection has no Telnet LOGOUT; 'close' ends it")
		default:
			s.logoutAsked = true
			s.neg.Request(telnet.Remote, telnet.OptLogout, true)
		}
	})
	return err
}

// optionNamesSorted lists the options that are not plain NO on either side.
func (s *Session) optionStatesLocked() []OptionState {
	var out []OptionState
	for o := 0; o < 256; o++ {
		l, r := s.neg.State(telnet.Local, byte(o)), s.neg.State(telnet.Remote, byte(o))
		if l != telnet.No || r != telnet.No {
			out = append(out, OptionState{Option: byte(o), Name: telnet.OptionName(byte(o)), Local: l, Remote: r})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Option < out[j].Option })
	return out
}
