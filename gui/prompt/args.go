package prompt

import "strings"

// splitArgs splits a line typed at telnet> into words as telnet does:
// spaces separate them, "double" or 'single' quotes keep spaces inside a
// word, and a backslash takes the next byte as it is. A quote left open
// runs to the end of the line.
func splitArgs(line string) []string {
	var words []string
	var w strings.Builder
	inWord, quote, escaped := false, byte(0), false
	for i := 0; i < len(line); i++ { // bytes: what it looks for is ASCII
		r := line[i]
		switch {
		case escaped:
			w.WriteByte(r)
			escaped = false
		case r == '\\':
			inWord, escaped = true, true
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteByte(r)
		case r == '"' || r == '\'':
			inWord, quote = true, r
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			inWord = true
			w.WriteByte(r)
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}
