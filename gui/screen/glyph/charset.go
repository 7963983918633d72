package glyph

// Character sets (ISO 2022 as the VT100 and VT220 use it): G0 and G1 are
// designated with ESC ( F and ESC ) F (94-character sets) or ESC - F
// (96-character set into G1), and SI/SO invoke one of them into GL, the
// printable ASCII bytes. Only the sets xterm's vttest checks are known;
// any other designation means ASCII.
//
// Final byte A names two sets: the British national set (£ for #) and the
// ISO Latin-1 supplement. Tern answers DA as a VT220, and a VT220 in
// xterm shows British only in national mode (DECNRCM, CSI ? 42 h); out of
// it, ESC ( A or ESC ) A gives the upper half of Latin-1, as xterm shows
// it (vttest 3.9 designates G1 so and expects Latin-1).

// Set is a character set that G0 or G1 holds.
type Set uint8

const (
	ASCII       Set = iota // ESC ( B, and anything unknown
	DECGraphics            // ESC ( 0: DEC Special Graphics (line drawing)
	SetA                   // ESC ( A: British in national mode, else Latin-1 (94 characters)
	Latin1                 // ESC - A: the ISO 8859-1 upper half (96 characters)
)

// Designate returns the set that final byte f names after intermediate
// inter ('(' or ')' for a 94-character set, '-' for a 96-character one).
func Designate(inter, f byte) Set {
	switch {
	case inter == '-' && f == 'A':
		return Latin1
	case inter == '-':
		return ASCII
	case f == '0':
		return DECGraphics
	case f == 'A':
		return SetA
	}
	return ASCII
}

// Glyph is what byte b (0x20-0x7f) shows in the set, national telling
// whether DECNRCM is set. A 96-character set in GL maps 0x20-0x7f as GR
// would (Latin-1: U+00A0-U+00FF), so its space is a no-break space and
// DEL prints ÿ; a 94-character one keeps space and DEL.
func (cs Set) Glyph(b rune, national bool) rune {
	switch cs {
	case DECGraphics:
		if b >= 0x5f && b <= 0x7e {
			return decGraphics[b-0x5f]
		}
	case SetA:
		switch {
		case national && b == '#':
			return '£'
		case !national && b > 0x20 && b < 0x7f:
			return b + 0x80
		}
	case Latin1:
		if b >= 0x20 && b <= 0x7f {
			return b + 0x80
		}
	}
	return b
}

// decGraphics is DEC Special Graphics from 0x5f to 0x7e in Unicode. The
// six control pictures (0x62-0x65, 0x68, 0x69: ␉␌␍␊␤␋) are missing from
// most fonts: a painter draws them itself.
var decGraphics = [32]rune{
	' ', '◆', '▒', '␉', '␌', '␍', '␊', '°', '±', '␤', '␋', '┘', '┐', '┌', '└', '┼',
	'⎺', '⎻', '─', '⎼', '⎽', '├', '┤', '┴', '┬', '│', '≤', '≥', 'π', '≠', '£', '·',
}
