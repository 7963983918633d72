package linedisc

import (
	"bytes"
	"unicode/utf8"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// Output is what the line discipline drives: the session.
type Output interface {
	SendData(p []byte)    // user data for the server
	SendLine(p []byte)    // user data and the Enter sequence, in one write
	SendReturnLF()        // Return in newline mode (LNM): Enter, then LF, in one write
	SendText(p []byte)    // user data with each CR as Enter, in one write
	SendCommand(cmd byte) // IAC cmd (only when Telnet is spoken)
	Echo(p []byte)        // text for the local screen
	EscapePressed()       // the escape character was typed
	TelnetSpoken() bool   // whether IAC commands may be sent
}

// Discipline turns the keys, as the key table encodes them (see
// protocol.Session.Write), into what goes to the server, with PuTTY's local echo
// and local line editing. In character mode these are keys, not data:
//
//	CR      Return: Enter as the session sends it (CR LF, CR NUL, CR)
//	CR LF   Return in newline mode (LNM), when the two come in one write
//	DEL     Backspace: ^? or ^H as the session says, or Telnet's EC
//	^C ^Z   IP and SUSP, with Telnet keys on
//
// Every other byte is data: LF alone (Ctrl+J) is LF and
// ^H (Ctrl+H, Ctrl+Backspace) is ^H, whatever Backspace sends. In local
// line editing the line ends at CR, LF or CR LF alike, with one Enter, and
// both ^H and DEL erase.
type Discipline struct {
	Out Output

	Edit       bool // local line editing
	EchoOn     bool // local echo
	Specials   bool // ^C, ^Z and Backspace send IP, SUSP and EC (Config.KeyboardSpecials)
	Backspace  byte // what Backspace sends in character mode
	EscapeChar int  // the escape character; -1 for none

	line      []byte
	quoteNext bool
	escState  uint8 // skipping a key's escape sequence while editing
}

// Feed handles one write from the terminal: a CR directly followed by LF
// in it is one key, Return in newline mode.
func (l *Discipline) Feed(p []byte) {
	for i := 0; i < len(p); i++ {
		lf := p[i] == '\r' && i+1 < len(p) && p[i+1] == '\n'
		if l.key(p[i], lf) {
			i++ // the LF was the Return key's
		}
	}
}

// key handles byte b; lf says a LF follows a CR in the same write. It
// reports whether it took that LF as part of the key.
func (l *Discipline) key(b byte, lf bool) bool {
	if l.quoteNext {
		l.quoteNext = false
		l.insert(b)
		return false
	}
	if l.EscapeChar >= 0 && int(b) == l.EscapeChar {
		l.EscapePressed()
		return false
	}
	if l.Edit {
		return l.editKey(b) && lf
	}
	return l.charKey(b, lf)
}

// Paste handles cleaned pasted text (see CleanPaste): every byte is text,
// never a key, and the escape character is sent like any other. In
// character mode it goes out in one write, inside the bracketed-paste
// markers when the server asked for them; with local line editing it is
// typed into the line, each CR ending a line.
func (l *Discipline) Paste(text []byte, bracketed bool) {
	l.quoteNext, l.escState = false, 0
	if len(text) == 0 {
		return
	}
	switch {
	case l.Edit:
		for _, b := range text {
			if b != '\r' {
				l.line = append(l.line, b)
				continue
			}
			l.Out.SendLine(l.line)
			l.line = l.line[:0]
		}
	case bracketed:
		wire := make([]byte, 0, len(bracketStart)+len(text)+len(bracketEnd))
		l.Out.SendText(append(append(append(wire, bracketStart...), text...), bracketEnd...))
	default:
		l.Out.SendText(text)
	}
	l.echoText(bytes.ReplaceAll(text, []byte("\r"), []byte("\r\n")))
}

// The markers of a bracketed paste (xterm's mode 2004).
var (
	bracketStart = []byte("\x1b[200~")
	bracketEnd   = []byte("\x1b[201~")
)

func (l *Discipline) EscapePressed() {
	l.Out.EscapePressed()
}

// charKey sends one key at once (character mode); lf says a LF follows
// a CR in the same write, and it reports whether it took that LF.
func (l *Discipline) charKey(b byte, lf bool) bool {
	telnetOn := l.Specials && l.Out.TelnetSpoken()
	switch {
	case b == '\r' && lf:
		l.Out.SendReturnLF()
		l.echoText([]byte("\r\n"))
		return true
	case b == '\r':
		l.Out.SendLine(nil)
		l.echoText([]byte("\r\n"))
		return false
	case b == 0x7f:
		if telnetOn {
			l.Out.SendCommand(telnet.EC)
			return false
		}
		l.Out.SendData([]byte{l.Backspace})
		l.echoText([]byte("\b \b"))
		return false
	case b == 0x03 && telnetOn:
		l.Out.SendCommand(telnet.IP)
		return false
	case b == 0x1a && telnetOn:
		l.Out.SendCommand(telnet.SUSP)
		return false
	}
	l.Out.SendData([]byte{b})
	l.echoText([]byte{b})
	return false
}

func (l *Discipline) echoText(p []byte) {
	if l.EchoOn {
		l.Out.Echo(p)
	}
}

// editKey handles a key in local line editing; it reports whether the
// key ended the line.
func (l *Discipline) editKey(b byte) (endedLine bool) {
	if l.escState > 0 {
		l.skipEscape(b)
		return false
	}
	telnetOn := l.Specials && l.Out.TelnetSpoken()
	switch b {
	case '\r', '\n':
		l.Out.SendLine(l.line)
		l.line = l.line[:0]
		l.echoText([]byte("\r\n"))
		return true
	case 0x08, 0x7f:
		l.eraseRunes(1)
	case 0x15: // ^U
		l.eraseRunes(utf8.RuneCount(l.line))
	case 0x17: // ^W
		l.eraseWord()
	case 0x12: // ^R
		l.echoText([]byte("^R\r\n"))
		l.echoText(l.line)
	case 0x16: // ^V
		l.quoteNext = true
	case 0x1b:
		l.escState = 1
	case 0x04: // ^D
		switch {
		case len(l.line) > 0:
			l.Out.SendData(l.line)
			l.line = l.line[:0]
		case telnetOn:
			l.Out.SendCommand(telnet.EOF)
		}
	case 0x03, 0x1a, 0x1c: // ^C ^Z ^\ (with telnet keys: IP, SUSP, ABORT)
		if !telnetOn {
			l.insert(b)
			return false
		}
		l.eraseRunes(utf8.RuneCount(l.line))
		l.Out.SendCommand(map[byte]byte{0x03: telnet.IP, 0x1a: telnet.SUSP, 0x1c: telnet.ABORT}[b])
	default:
		l.insert(b)
	}
	return false
}

// skipEscape drops the rest of a cursor or function key sequence, which
// means nothing in a line being edited.
func (l *Discipline) skipEscape(b byte) {
	switch {
	case l.escState == 1 && (b == '[' || b == 'O'):
		l.escState = 2
	case l.escState == 2 && (b < 0x40 || b > 0x7e):
		// parameter bytes
	default:
		l.escState = 0
	}
}

func (l *Discipline) insert(b byte) {
	if !l.Edit {
		l.Out.SendData([]byte{b})
		l.echoText([]byte{b})
		return
	}
	l.line = append(l.line, b)
	if b < 0x20 && b != '\t' {
		l.echoText([]byte{'^', b + '@'})
		return
	}
	l.echoText([]byte{b})
}

// eraseRunes removes n characters from the end of the line, on screen too.
func (l *Discipline) eraseRunes(n int) {
	for ; n > 0 && len(l.line) > 0; n-- {
		_, size := utf8.DecodeLastRune(l.line)
		last := l.line[len(l.line)-1]
		l.line = l.line[:len(l.line)-size]
		width := 1
		if last < 0x20 && last != '\t' {
			width = 2 // shown as ^X
		}
		for i := 0; i < width; i++ {
			l.echoText([]byte("\b \b"))
		}
	}
}

func (l *Discipline) eraseWord() {
	for len(l.line) > 0 && l.line[len(l.line)-1] == ' ' {
		l.eraseRunes(1)
	}
	for len(l.line) > 0 && l.line[len(l.line)-1] != ' ' {
		l.eraseRunes(1)
	}
}
