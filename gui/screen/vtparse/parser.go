package screen

import "unicode/utf8"

// The parser follows the DEC/ANSI state diagram (Paul Williams' VT500
// parser): every byte moves it through a small set of states, and complete
// sequences are dispatched to the grid operations.

type parseState uint8

const (
	stGround parseState = iota
	stEscape
	stEscInter
	stCSI
	stCSIIgnore
	stOSC
	stOSCEsc
	stString // DCS, SOS, PM, APC: ignored up to ST
	stStringEsc
)

const (
	maxParams = 16
	maxOSC    = 4096
)

type parser struct {
	state      parseState
	params     [maxParams]int
	nparams    int
	private    byte // '?', '>', '<' or '='
	inter      byte // the last intermediate byte
	hasDigit   bool
	osc        []byte
	oscTooLong bool
	utf8       [utf8.UTFMax]byte
	nutf8      int
}

func (p *parser) clear() {
	p.params = [maxParams]int{}
	p.nparams = 0
	p.private, p.inter = 0, 0
	p.hasDigit = false
}

// param returns parameter i, or def when it is missing or zero.
func (p *parser) param(i, def int) int {
	if i >= p.nparams || p.params[i] == 0 {
		return def
	}
	return p.params[i]
}

func (s *Screen) parse(b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if s.p.state == stGround {
			if c >= 0x20 && c < 0x7f && s.p.nutf8 == 0 {
				j := i + 1
				for j < len(b) && b[j] >= 0x20 && b[j] < 0x7f {
					j++
				}
				s.printRun(b[i:j])
				i = j
				continue
			}
			if c >= 0x80 {
				s.utf8Byte(c)
				i++
				continue
			}
		}
		s.step(c)
		i++
	}
}

// utf8Byte collects a multi-byte character, printing U+FFFD for bytes that
// do not form one.
func (s *Screen) utf8Byte(c byte) {
	p := &s.p
	if p.nutf8 > 0 && (c&0xC0 != 0x80) {
		s.put(utf8.RuneError)
		p.nutf8 = 0
	}
	p.utf8[p.nutf8] = c
	p.nutf8++
	if !utf8.FullRune(p.utf8[:p.nutf8]) {
		if p.nutf8 == utf8.UTFMax {
			s.put(utf8.RuneError)
			p.nutf8 = 0
		}
		return
	}
	pending := p.utf8
	n := p.nutf8
	p.nutf8 = 0
	r, size := utf8.DecodeRune(pending[:n])
	s.put(r)
	for _, b := range pending[size:n] { // bytes after an invalid lead byte start again
		s.utf8Byte(b)
	}
}

// step advances the parser by one byte that is not on the fast path.
func (s *Screen) step(c byte) {
	p := &s.p
	if p.nutf8 > 0 { // an ASCII byte in the middle of a character
		s.put(utf8.RuneError)
		p.nutf8 = 0
		if p.state == stGround && c >= 0x20 && c < 0x7f {
			s.printRun([]byte{c})
			return
		}
	}
	// Controls that act in any state but strings.
	if c == 0x18 || c == 0x1a { // CAN, SUB: abort the sequence
		if p.state != stOSC && p.state != stString {
			p.state = stGround
			return
		}
	}
	if c == 0x1b && p.state != stOSC && p.state != stString {
		p.state = stEscape
		p.clear()
		return
	}
	switch p.state {
	case stGround:
		s.control(c)
	case stEscape:
		s.escapeByte(c)
	case stEscInter:
		switch {
		case c >= 0x20 && c <= 0x2f:
			p.inter = c
		case c >= 0x30 && c <= 0x7e:
			s.escDispatch(c)
			p.state = stGround
		case c < 0x20:
			s.control(c)
		}
	case stCSI:
		s.csiByte(c)
	case stCSIIgnore:
		if c >= 0x40 && c <= 0x7e {
			p.state = stGround
		} else if c < 0x20 {
			s.control(c)
		}
	case stOSC:
		s.oscByte(c)
	case stOSCEsc:
		if c == '\\' {
			s.oscDispatch()
			p.state = stGround
			return
		}
		p.state = stEscape
		p.clear()
		s.escapeByte(c)
	case stString:
		if c == 0x1b {
			p.state = stStringEsc
		}
	case stStringEsc:
		if c == '\\' {
			p.state = stGround
		} else if c != 0x1b {
			p.state = stString
		}
	}
}

func (s *Screen) escapeByte(c byte) {
	p := &s.p
	switch {
	case c == '[':
		p.state = stCSI
	case c == ']':
		p.state = stOSC
		p.osc = p.osc[:0]
		p.oscTooLong = false
	case c == 'P' || c == 'X' || c == '^' || c == '_':
		p.state = stString
	case c >= 0x20 && c <= 0x2f:
		p.inter = c
		p.state = stEscInter
	case c >= 0x30 && c <= 0x7e:
		s.escDispatch(c)
		p.state = stGround
	case c < 0x20:
		s.control(c)
	default:
		p.state = stGround
	}
}

func (s *Screen) csiByte(c byte) {
	p := &s.p
	switch {
	case c >= '0' && c <= '9':
		if p.nparams == 0 {
			p.nparams = 1
		}
		v := &p.params[p.nparams-1]
		if *v < 65535 {
			*v = *v*10 + int(c-'0')
		}
		p.hasDigit = true
	case c == ';' || c == ':':
		if p.nparams == 0 {
			p.nparams = 1
		}
		if p.nparams < maxParams {
			p.nparams++
		}
	case c >= '<' && c <= '?':
		if p.nparams == 0 && !p.hasDigit {
			p.private = c
		} else {
			p.state = stCSIIgnore
		}
	case c >= 0x20 && c <= 0x2f:
		p.inter = c
	case c >= 0x40 && c <= 0x7e:
		s.csiDispatch(c)
		p.state = stGround
	case c < 0x20:
		s.control(c)
	default:
		p.state = stCSIIgnore
	}
}

func (s *Screen) oscByte(c byte) {
	p := &s.p
	switch c {
	case 0x07:
		s.oscDispatch()
		p.state = stGround
	case 0x1b:
		p.state = stOSCEsc
	default:
		if len(p.osc) >= maxOSC {
			p.oscTooLong = true
			return
		}
		p.osc = append(p.osc, c)
	}
}

// control handles C0 controls.
func (s *Screen) control(c byte) {
	switch c {
	case 0x05: // ENQ
		s.answerENQ()
	case 0x07:
		s.bells++
		s.touch()
	case 0x08:
		s.backspace()
	case 0x09:
		s.tab(1)
	case 0x0a, 0x0b, 0x0c:
		s.lineFeed()
		if s.modes.Newline {
			s.carriageReturn()
		}
	case 0x0d:
		s.carriageReturn()
	case 0x0e:
		s.cur.gl = 1
	case 0x0f:
		s.cur.gl = 0
	case 0x7f: // ignored, but printed from a 96-character set
		if cs := s.cur.charsets[s.cur.gl]; cs == charsetLatin1 {
			s.put(cs.glyph(0x7f, s.national))
		}
	}
}
