package protocol

import "github.com/tern-telnet/tern/protocol/telnet"

// sessionLine is the session as the line discipline sees it (s.mu held).
type sessionLine Session

func (l *sessionLine) s() *Session { return (*Session)(l) }

func (l *sessionLine) sendData(p []byte) {
	s := l.s()
	if len(p) == 0 || s.conn == nil {
		return
	}
	switch {
	case s.mode() == NegotiateRaw:
		s.send(append([]byte(nil), p...))
	case s.binaryOut:
		s.send(telnet.AppendData(nil, p))
	default:
		s.send(telnet.AppendNVT(nil, p))
	}
}

// sendNewline sends Enter: the Telnet new line CR LF, or CR NUL when the
// profile asks, or a bare CR once we send in BINARY.
func (l *sessionLine) sendNewline() {
	s := l.s()
	if s.conn == nil {
		return
	}
	switch {
	case s.mode() == NegotiateRaw:
		s.send([]byte("\r\n"))
	case s.binaryOut:
		s.send([]byte("\r"))
	case s.cfg.EnterSendsCRNUL:
		s.send([]byte("\r\x00"))
	default:
		s.send([]byte("\r\n"))
	}
}

func (l *sessionLine) sendCommand(cmd byte) {
	s := l.s()
	if s.conn == nil {
		return
	}
	s.logf("client: IAC %s", telnet.CommandName(cmd))
	s.send([]byte{telnet.IAC, cmd})
}

func (l *sessionLine) echo(p []byte) {
	s := l.s()
	s.pendingEcho = append(s.pendingEcho, p...)
}

func (l *sessionLine) escapePressed() { l.s().pendingEscape = true }

// telnetSpoken is true once the server has negotiated, or from the start
// in Active mode: only then may keys turn into IAC commands.
func (l *sessionLine) telnetSpoken() bool {
	s := l.s()
	return s.mode() == NegotiateActive || (s.mode() == NegotiatePassive && s.telnetSeen)
}

// SendData sends bytes to the server as data, bypassing local echo and line
// editing: for the terminal's own answers (DA, CPR) and for the SMTP
// assistant. It never blocks.
func (s *Session) SendData(p []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != StateConnected {
		return
	}
	(*sessionLine)(s).sendData(p)
}

// SendLine sends text followed by the Enter sequence, as if typed with
// local line editing, echoing it when local echo is on.
func (s *Session) SendLine(text string) {
	s.locked(func() {
		if s.state != StateConnected {
			return
		}
		l := (*sessionLine)(s)
		l.sendData([]byte(text))
		l.sendNewline()
		if s.ld.echoOn {
			l.echo([]byte(text + "\r\n"))
		}
	})
}
