package vtparse

import "unicode/utf8"

// The parser follows the DEC/ANSI state diagram (Paul Williams' VT500
// parser): every byte moves it through a small set of states, and complete
// sequences are handed to the Performer.

// Performer carries out what the parser finds. Its methods run on the
// goroutine that calls Parse; the sequence being dispatched (parameters,
// intermediate, OSC string) is read from the Parser's fields.
type Performer interface {
	Print(run []byte) // a run of printable ASCII bytes (0x20-0x7e)
	Put(r rune)       // one character decoded from UTF-8, or U+FFFD
	Execute(c byte)   // a C0 control, or DEL
	EscDispatch(final byte)
	CSIDispatch(final byte)
	OSCDispatch()
}

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

// The parser's bounds: MaxParams CSI parameters (more are dropped; each
// stops growing once past 65535), MaxOSC bytes of an OSC string (a longer
// one is marked OSCTooLong and its rest dropped).
const (
	MaxParams = 16
	MaxOSC    = 4096
)

// Parser is the state of a VT byte stream between two Parse calls: a
// sequence or a UTF-8 character cut between two reads is carried over.
// The zero value is ready, in the ground state.
type Parser struct {
	state parseState
	// The sequence being dispatched: Params[:NParams], the private marker
	// ('?', '>', '<' or '='), the last intermediate byte, and for OSC the
	// string (OSCTooLong when it was cut at MaxOSC).
	Params     [MaxParams]int
	NParams    int
	Private    byte
	Inter      byte
	OSC        []byte
	OSCTooLong bool
	hasDigit   bool
	utf8       [utf8.UTFMax]byte
	nutf8      int
}

func (p *Parser) clear() {
	p.Params = [MaxParams]int{}
	p.NParams = 0
	p.Private, p.Inter = 0, 0
	p.hasDigit = false
}

// Param returns parameter i, or def when it is missing or zero.
func (p *Parser) Param(i, def int) int {
	if i >= p.NParams || p.Params[i] == 0 {
		return def
	}
	return p.Params[i]
}

// Parse runs b through the parser, calling to for what it finds.
func (p *Parser) Parse(b []byte, to Performer) {
	for i := 0; i < len(b); {
		c := b[i]
		if p.state == stGround {
			if c >= 0x20 && c < 0x7f && p.nutf8 == 0 {
				j := i + 1
				for j < len(b) && b[j] >= 0x20 && b[j] < 0x7f {
					j++
				}
				to.Print(b[i:j])
				i = j
				continue
			}
			if c >= 0x80 {
				p.utf8Byte(c, to)
				i++
				continue
			}
		}
		p.step(c, to)
		i++
	}
}

// utf8Byte collects a multi-byte character, printing U+FFFD for bytes that
// do not form one.
func (p *Parser) utf8Byte(c byte, to Performer) {
	if p.nutf8 > 0 && (c&0xC0 != 0x80) {
		to.Put(utf8.RuneError)
		p.nutf8 = 0
	}
	p.utf8[p.nutf8] = c
	p.nutf8++
	if !utf8.FullRune(p.utf8[:p.nutf8]) {
		if p.nutf8 == utf8.UTFMax {
			to.Put(utf8.RuneError)
			p.nutf8 = 0
		}
		return
	}
	pending := p.utf8
	n := p.nutf8
	p.nutf8 = 0
	r, size := utf8.DecodeRune(pending[:n])
	to.Put(r)
	for _, b := range pending[size:n] { // bytes after an invalid lead byte start again
		p.utf8Byte(b, to)
	}
}

// step advances the parser by one byte that is not on the fast path.
func (p *Parser) step(c byte, to Performer) {
	if p.nutf8 > 0 { // an ASCII byte in the middle of a character
		to.Put(utf8.RuneError)
		p.nutf8 = 0
		if p.state == stGround && c >= 0x20 && c < 0x7f {
			to.Print([]byte{c})
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
		to.Execute(c)
	case stEscape:
		p.escapeByte(c, to)
	case stEscInter:
		switch {
		case c >= 0x20 && c <= 0x2f:
			p.Inter = c
		case c >= 0x30 && c <= 0x7e:
			to.EscDispatch(c)
			p.state = stGround
		case c < 0x20:
			to.Execute(c)
		}
	case stCSI:
		p.csiByte(c, to)
	case stCSIIgnore:
		if c >= 0x40 && c <= 0x7e {
			p.state = stGround
		} else if c < 0x20 {
			to.Execute(c)
		}
	case stOSC:
		p.oscByte(c, to)
	case stOSCEsc:
		if c == '\\' {
			to.OSCDispatch()
			p.state = stGround
			return
		}
		p.state = stEscape
		p.clear()
		p.escapeByte(c, to)
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

func (p *Parser) escapeByte(c byte, to Performer) {
	switch {
	case c == '[':
		p.state = stCSI
	case c == ']':
		p.state = stOSC
		p.OSC = p.OSC[:0]
		p.OSCTooLong = false
	case c == 'P' || c == 'X' || c == '^' || c == '_':
		p.state = stString
	case c >= 0x20 && c <= 0x2f:
		p.Inter = c
		p.state = stEscInter
	case c >= 0x30 && c <= 0x7e:
		to.EscDispatch(c)
		p.state = stGround
	case c < 0x20:
		to.Execute(c)
	default:
		p.state = stGround
	}
}

func (p *Parser) csiByte(c byte, to Performer) {
	switch {
	case c >= '0' && c <= '9':
		if p.NParams == 0 {
			p.NParams = 1
		}
		v := &p.Params[p.NParams-1]
		if *v < 65535 {
			*v = *v*10 + int(c-'0')
		}
		p.hasDigit = true
	case c == ';' || c == ':':
		if p.NParams == 0 {
			p.NParams = 1
		}
		if p.NParams < MaxParams {
			p.NParams++
		}
	case c >= '<' && c <= '?':
		if p.NParams == 0 && !p.hasDigit {
			p.Private = c
		} else {
			p.state = stCSIIgnore
		}
	case c >= 0x20 && c <= 0x2f:
		p.Inter = c
	case c >= 0x40 && c <= 0x7e:
		to.CSIDispatch(c)
		p.state = stGround
	case c < 0x20:
		to.Execute(c)
	default:
		p.state = stCSIIgnore
	}
}

func (p *Parser) oscByte(c byte, to Performer) {
	switch c {
	case 0x07:
		to.OSCDispatch()
		p.state = stGround
	case 0x1b:
		p.state = stOSCEsc
	default:
		if len(p.OSC) >= MaxOSC {
			p.OSCTooLong = true
			return
		}
		p.OSC = append(p.OSC, c)
	}
}
