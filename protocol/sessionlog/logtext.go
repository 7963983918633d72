package sessionlog

// textFilter keeps the text of the server's output for a text-only log
// (PuTTY's "Printable output"): escape sequences (CSI, OSC, DCS and the
// like, ECMA-48) and control characters other than CR, LF and TAB are
// dropped. A sequence cut between two writes is followed across them; the
// filter holds no bytes, only its state.
type textFilter struct{ st textState }

type textState uint8

const (
	textGround    textState = iota
	textEsc                 // after ESC
	textEscInter            // ESC and intermediate bytes (ESC ( 0)
	textCSI                 // ESC [ and parameters
	textString              // OSC, DCS, APC, PM, SOS: up to BEL or ST
	textStringEsc           // ESC inside a string: ST if '\' follows
)

// filter appends to dst the text of p.
func (f *textFilter) filter(dst, p []byte) []byte {
	for _, b := range p {
		switch f.st {
		case textGround:
			switch {
			case b == 0x1b:
				f.st = textEsc
			case b >= 0x20 && b != 0x7f, b == '\r', b == '\n', b == '\t':
				dst = append(dst, b)
			}
		case textEsc:
			switch {
			case b == '[':
				f.st = textCSI
			case b == ']' || b == 'P' || b == '_' || b == '^' || b == 'X':
				f.st = textString
			case b >= 0x20 && b <= 0x2f:
				f.st = textEscInter
			default:
				f.st = textGround
			}
		case textEscInter:
			if b < 0x20 || b > 0x2f {
				f.st = textGround
			}
		case textCSI:
			if b >= 0x40 && b <= 0x7e || b == 0x1b {
				f.st = textGround
				if b == 0x1b {
					f.st = textEsc
				}
			}
		case textString:
			switch b {
			case 0x07:
				f.st = textGround
			case 0x1b:
				f.st = textStringEsc
			}
		case textStringEsc:
			f.st = textString
			if b == '\\' {
				f.st = textGround
			}
		}
	}
	return dst
}
