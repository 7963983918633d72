package linedisc

import "unicode/utf8"

// Pasted text is cleaned before anything else sees it, as PuTTY does: a
// paste may only ever be text. Without this a clipboard holding ESC [201~
// would end a bracketed paste early and turn the rest into typed keys,
// and a ^C, ^Z, Backspace or the escape character would act as the key.

// Paste is a paste after cleaning, with what the person should be told
// before it is sent.
type Paste struct {
	// Text is the cleaned text: no control character but TAB, and every
	// line break (CR LF, CR or LF) as one CR, which is what Enter sends.
	Text []byte
	// Breaks counts the line breaks; 0 means one line without Enter.
	Breaks int
	// Removed counts the characters taken out (controls, ESC, DEL, C1).
	Removed int
}

// Lines is how many lines the paste sends or starts: a last line without
// a line break counts too.
func (p Paste) Lines() int {
	if len(p.Text) > 0 && p.Text[len(p.Text)-1] != '\r' {
		return p.Breaks + 1
	}
	return p.Breaks
}

// EndsWithBreak reports whether the paste ends with a line break, so that
// its last line would run as soon as it is sent.
func (p Paste) EndsWithBreak() bool {
	return len(p.Text) > 0 && p.Text[len(p.Text)-1] == '\r'
}

// CleanPaste removes from p every C0 control but TAB, CR and LF (ESC, NUL
// and ^C included), DEL, and the C1 controls U+0080 to U+009F (also as
// lone bytes, which an 8-bit application would take as CSI and the like),
// and turns each line break into one CR. Other bytes, invalid UTF-8
// included, are kept as they are.
func CleanPaste(p []byte) Paste {
	out := Paste{Text: make([]byte, 0, len(p))}
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			r = rune(p[i]) // a lone byte: judge it by its value
		}
		switch {
		case r == '\r' || r == '\n':
			out.Text = append(out.Text, '\r')
			out.Breaks++
			if r == '\r' && i+1 < len(p) && p[i+1] == '\n' {
				size++
			}
		case r == '\t':
			out.Text = append(out.Text, '\t')
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			out.Removed++
		default:
			out.Text = append(out.Text, p[i:i+size]...)
		}
		i += size
	}
	return out
}
