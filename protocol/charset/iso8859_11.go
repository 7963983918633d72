package charset

import "golang.org/x/text/encoding/charmap"

// iso8859_11 is ISO-8859-11 (Thai), which golang.org/x/text lacks: its
// upper half is TIS-620, as in Windows-874, and 0x80 to 0x9F are the C1
// controls, as in every ISO-8859 set (Windows-874 puts € and quotes there).
var iso8859_11 = isoThai{}

type isoThai struct{}

func (isoThai) DecodeByte(b byte) rune {
	if b < 0xa0 {
		return rune(b)
	}
	return charmap.Windows874.DecodeByte(b)
}

func (isoThai) EncodeRune(r rune) (byte, bool) {
	if r < 0xa0 {
		return byte(r), true
	}
	b, ok := charmap.Windows874.EncodeRune(r)
	return b, ok && b >= 0xa0
}
