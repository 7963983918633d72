package protocol

import (
	"bytes"

	"github.com/tern-telnet/tern/protocol/queue"
	"github.com/tern-telnet/tern/protocol/sessionlog"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// sessionLine is the session as the line discipline sees it (s.mu held).
type sessionLine Session

func (l *sessionLine) s() *Session { return (*Session)(l) }

func (l *sessionLine) SendData(p []byte) {
	if len(p) == 0 || l.s().conn == nil {
		return
	}
	l.s().sendTyped(l.appendData(nil, p))
}

// sendLine sends p followed by Enter in one write, so that a line-based
// server never sees a line cut in two.
func (l *sessionLine) SendLine(p []byte) {
	if l.s().conn == nil {
		return
	}
	l.s().sendTyped(l.appendNewline(l.appendData(nil, p)))
}

// sendReturnLF sends Return as a terminal in newline mode (LNM) sends
// it, CR LF, in one write. In Raw mode that is Enter itself. Over Telnet
// Enter is the NVT end of line (CR LF, or CR NUL), which the server turns
// back into the terminal's CR (RFC 854), or a bare CR in BINARY, so the
// LF follows as data: the server's program reads CR LF, as from PuTTY.
func (l *sessionLine) SendReturnLF() {
	s := l.s()
	if s.conn == nil {
		return
	}
	wire := l.appendNewline(nil)
	if s.mode() != NegotiateRaw {
		wire = l.appendData(wire, []byte{'\n'})
	}
	s.sendTyped(wire)
}

// sendText sends p with each CR as Enter, in one write: a paste, which
// CleanPaste has turned into text and CRs.
func (l *sessionLine) SendText(p []byte) {
	if len(p) == 0 || l.s().conn == nil {
		return
	}
	var buf []byte
	for {
		i := bytes.IndexByte(p, '\r')
		if i < 0 {
			break
		}
		buf = l.appendNewline(l.appendData(buf, p[:i]))
		p = p[i+1:]
	}
	l.s().sendTyped(l.appendData(buf, p))
}

// appendData appends p encoded for the wire: converted from UTF-8 to the
// remote character set (Config.Charset), then as is in Raw mode, with IAC
// doubled in BINARY, as NVT text (CR NUL for a lone CR) otherwise.
func (l *sessionLine) appendData(buf, p []byte) []byte {
	s := l.s()
	if s.cfg.Charset != "" {
		p = s.toRemote.Encode(nil, p)
	}
	switch {
	case s.mode() == NegotiateRaw:
		return append(buf, p...)
	case s.binaryOut:
		return telnet.AppendData(buf, p)
	default:
		return telnet.AppendNVT(buf, p)
	}
}

// appendNewline appends Enter: the Telnet new line CR LF, or CR NUL when
// the profile asks, or a bare CR once we send in BINARY.
func (l *sessionLine) appendNewline(buf []byte) []byte {
	s := l.s()
	switch {
	case s.mode() == NegotiateRaw:
		return append(buf, '\r', '\n')
	case s.binaryOut:
		return append(buf, '\r')
	case s.cfg.EnterSendsCRNUL:
		return append(buf, '\r', 0)
	default:
		return append(buf, '\r', '\n')
	}
}

func (l *sessionLine) SendCommand(cmd byte) {
	s := l.s()
	if s.conn == nil {
		return
	}
	s.logf("client: IAC %s", telnet.CommandName(cmd))
	s.send([]byte{telnet.IAC, cmd})
}

func (l *sessionLine) Echo(p []byte) {
	s := l.s()
	s.pendingEcho = append(s.pendingEcho, p...)
}

func (l *sessionLine) EscapePressed() { l.s().pendingEscape = true }

// telnetSpoken is true once the server has negotiated, or from the start
// in Active mode: only then may keys turn into IAC commands.
func (l *sessionLine) TelnetSpoken() bool {
	s := l.s()
	return s.mode() == NegotiateActive || (s.mode() == NegotiatePassive && s.telnetSeen)
}

// SendData sends bytes to the server as data, bypassing local echo and line
// editing: for the terminal's own answers (DA, CPR) and for the SMTP
// assistant. It never blocks.
func (s *Session) SendData(p []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != StateConnected || len(p) == 0 {
		return
	}
	s.send((*sessionLine)(s).appendData(nil, p))
}

// SendSecretData is SendData for bytes the raw log must not hold, such as
// a password sent without Enter: it records ******** in their place
// (unless Config.LogSecrets).
func (s *Session) SendSecretData(p []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != StateConnected || len(p) == 0 {
		return
	}
	s.sendMasked((*sessionLine)(s).appendData(nil, p), []byte(sessionlog.Masked))
}

// SendLine sends text followed by the Enter sequence, as if typed with
// local line editing, echoing it when local echo is on.
func (s *Session) SendLine(text string) { s.SendSecretLine(text, text) }

// SendSecretLine is SendLine for a line that must not be seen, such as
// AUTH PLAIN's credentials: the server gets text, while local echo (the
// terminal and its transcript) shows shown instead, and the raw log
// records what text and shown have in common followed by ********
// ("AUTH PLAIN ********"), unless Config.LogSecrets.
func (s *Session) SendSecretLine(text, shown string) {
	s.locked(func() {
		if s.state != StateConnected {
			return
		}
		l := (*sessionLine)(s)
		wire := l.appendNewline(l.appendData(nil, []byte(text)))
		if text == shown {
			s.send(wire)
		} else {
			s.sendMasked(wire, l.appendNewline(l.appendData(nil, []byte(sessionlog.MaskLine(text, shown)))))
		}
		if s.ld.EchoOn {
			l.Echo([]byte(shown + "\r\n"))
		}
	})
}

// sendMasked queues wire, which the raw log records as logAs (s.mu held).
func (s *Session) sendMasked(wire, logAs []byte) {
	if s.cfg.LogSecrets {
		s.send(wire)
		return
	}
	s.sendItem(queue.Item{Data: wire, LogAs: logAs})
}

// sendTyped queues the person's keys (s.mu held). At a password prompt
// the server does not echo, the raw log gets ******** once for the keys
// typed, and Enter as it is; when in doubt (a prompt ending with a colon
// that asks for no user name, in a language the table may lack), too.
func (s *Session) sendTyped(wire []byte) {
	if s.cfg.LogSecrets || s.ld.EchoOn || !s.secretPrompt && !s.doubtPrompt {
		s.maskRun = false
		s.send(wire)
		return
	}
	logAs, run := sessionlog.MaskKeys(wire, s.maskRun)
	s.maskRun = run
	s.sendItem(queue.Item{Data: wire, LogAs: logAs})
}

// SecretInput reports whether the keys typed now are taken for a secret:
// the server's last line asks for a password and nothing echoes locally.
// The raw log masks them; a recorder proposes {password} for them.
func (s *Session) SecretInput() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.ld.EchoOn && s.secretPrompt
}

// MaskingInput reports whether the keys typed now are masked in the raw
// log: nothing echoes them locally and the server's last line asks for a
// password, or may (a prompt ending with a colon that asks for no user
// name). Type into all tabs asks before sending such keys further.
func (s *Session) MaskingInput() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.ld.EchoOn && (s.secretPrompt || s.doubtPrompt)
}
