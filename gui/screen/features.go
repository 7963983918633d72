package screen

// Refusals are what the server may not change (PuTTY's Features panel):
// the window title (OSC 0 and 2), the keypad's application mode
// (DECKPAM), mouse reporting (modes 9, 1000, 1002, 1003) and the
// terminal's size (DECCOLM still clears the screen and homes the cursor,
// as in PuTTY, but the width stays).
type Refusals struct {
	Title, AppKeypad, Mouse, Resize bool
}

// SetRefusals sets what the server may not change. A mode the server had
// already set and is now refused is turned off.
func (s *Screen) SetRefusals(r Refusals) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = r
	if r.AppKeypad {
		s.modes.AppKeypad = false
	}
	if r.Mouse {
		s.modes.Mouse = 0
	}
	s.touch()
}

// SetAnswerback sets what is sent when the server sends ENQ (^E); nil,
// the default, sends nothing.
func (s *Screen) SetAnswerback(b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answerback = append([]byte(nil), b...)
}

// answerENQ answers ^E with the answerback, if there is one.
func (s *Screen) answerENQ() {
	if len(s.answerback) > 0 && s.Reply != nil {
		s.Reply(s.answerback)
	}
}

// ParseAnswerback reads PuTTY's answerback notation: ^X is Ctrl+X (^@
// to ^_, ^a to ^z, ^? for DEL), ^~ a literal ^, ^<n> the byte n (decimal,
// 0x hex or 0 octal); anything else, a ^ at the end included, is itself.
// The result is at most 256 bytes.
func ParseAnswerback(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s) && len(out) < 256; i++ {
		c, n := ctrlParse(s[i:])
		if n == 0 {
			out = append(out, s[i])
			continue
		}
		out = append(out, c)
		i += n - 1
	}
	return out
}

// ctrlParse reads one ^ sequence at the start of s: the byte it stands
// for and its length, or a length of 0 when s starts with none.
func ctrlParse(s string) (byte, int) {
	if len(s) < 2 || s[0] != '^' {
		return 0, 0
	}
	switch c := s[1]; {
	case c == '<':
		return numberInBrackets(s)
	case c >= 'a' && c <= 'z':
		return c - 'a' + 1, 2
	case (c >= '@' && c <= '_') || c == '?' || c >= 0x80:
		return '@' ^ c, 2
	case c == '~':
		return '^', 2
	}
	return 0, 0
}

// numberInBrackets reads ^<n>: decimal, 0x… hex or 0… octal, up to 255.
func numberInBrackets(s string) (byte, int) {
	end := 2
	for end < len(s) && end < 8 && s[end] != '>' {
		end++
	}
	if end >= len(s) || s[end] != '>' || end == 2 {
		return 0, 0
	}
	digits, base := s[2:end], 10
	switch {
	case len(digits) > 2 && (digits[:2] == "0x" || digits[:2] == "0X"):
		digits, base = digits[2:], 16
	case len(digits) > 1 && digits[0] == '0':
		digits, base = digits[1:], 8
	}
	n := 0
	for _, d := range []byte(digits) {
		v := digitValue(d)
		if v >= base {
			return 0, 0
		}
		n = n*base + v
		if n > 255 {
			return 0, 0
		}
	}
	return byte(n), end + 1
}

func digitValue(d byte) int {
	switch {
	case d >= '0' && d <= '9':
		return int(d - '0')
	case d >= 'a' && d <= 'f':
		return int(d-'a') + 10
	case d >= 'A' && d <= 'F':
		return int(d-'A') + 10
	}
	return 99
}
