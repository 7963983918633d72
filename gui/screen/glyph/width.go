package glyph

import (
	"unicode"

	"golang.org/x/text/width"
)

// Width is how many cells r takes: 0 for combining marks, 2 for East
// Asian wide and fullwidth characters, 1 otherwise.
func Width(r rune) int {
	if r < 0x300 {
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200B {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if r >= 0x1F300 && r <= 0x1FAFF { // emoji presentation
		return 2
	}
	return 1
}
