package screen

import "github.com/tern-telnet/tern/gui/screen/glyph"

// performer is the screen as the VT parser sees it (vtparse.Performer):
// what the parser finds becomes grid operations, with s.mu held.
type performer Screen

func (p *performer) s() *Screen { return (*Screen)(p) }

func (p *performer) Print(run []byte)       { p.s().printRun(run) }
func (p *performer) Put(r rune)             { p.s().put(r) }
func (p *performer) Execute(c byte)         { p.s().control(c) }
func (p *performer) EscDispatch(final byte) { p.s().escDispatch(final) }
func (p *performer) CSIDispatch(final byte) { p.s().csiDispatch(final) }
func (p *performer) OSCDispatch()           { p.s().oscDispatch() }

// parse runs b through the parser into the grid.
func (s *Screen) parse(b []byte) { s.p.Parse(b, (*performer)(s)) }

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
		if cs := s.cur.charsets[s.cur.gl]; cs == glyph.Latin1 {
			s.put(cs.Glyph(0x7f, s.national))
		}
	}
}
