// Package charset converts between UTF-8, which Tern's screen and keyboard
// speak, and the character set a remote device speaks: PuTTY's "Remote
// character set" (its Translation panel). It knows UTF-8, ISO-8859-1 to 16
// (no 12), Windows-1250 to 1258, CP437, CP850, CP866, KOI8-R, KOI8-U,
// Shift_JIS, EUC-JP, GBK and Big5, using golang.org/x/text's tables. A
// Decoder keeps an incomplete multibyte character for the next read; an
// Encoder turns what the set cannot hold into '?'. Names follow the IANA
// registry, as Telnet's CHARSET option (RFC 2066) does.
package charset

import (
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// UTF8 is the default set: nothing is converted.
const UTF8 = "UTF-8"

// set is one character set: its name, the other names it is known by, and
// how to convert it (nil for UTF-8).
type set struct {
	name    string
	aliases []string
	single  singleByte        // single-byte sets
	multi   encoding.Encoding // multibyte sets
}

// singleByte converts one byte to a rune and back.
type singleByte interface {
	DecodeByte(b byte) rune
	EncodeRune(r rune) (byte, bool)
}

var sets = []set{
	{name: UTF8, aliases: []string{"utf8", "unicode"}},
	{name: "ISO-8859-1", aliases: []string{"latin1", "l1", "iso-ir-100", "cp819"}, single: charmap.ISO8859_1},
	{name: "ISO-8859-2", aliases: []string{"latin2", "l2"}, single: charmap.ISO8859_2},
	{name: "ISO-8859-3", aliases: []string{"latin3"}, single: charmap.ISO8859_3},
	{name: "ISO-8859-4", aliases: []string{"latin4"}, single: charmap.ISO8859_4},
	{name: "ISO-8859-5", aliases: []string{"cyrillic"}, single: charmap.ISO8859_5},
	{name: "ISO-8859-6", aliases: []string{"arabic"}, single: charmap.ISO8859_6},
	{name: "ISO-8859-7", aliases: []string{"greek"}, single: charmap.ISO8859_7},
	{name: "ISO-8859-8", aliases: []string{"hebrew"}, single: charmap.ISO8859_8},
	{name: "ISO-8859-9", aliases: []string{"latin5"}, single: charmap.ISO8859_9},
	{name: "ISO-8859-10", aliases: []string{"latin6"}, single: charmap.ISO8859_10},
	{name: "ISO-8859-11", aliases: []string{"tis620", "thai"}, single: iso8859_11},
	{name: "ISO-8859-13", aliases: []string{"latin7"}, single: charmap.ISO8859_13},
	{name: "ISO-8859-14", aliases: []string{"latin8"}, single: charmap.ISO8859_14},
	{name: "ISO-8859-15", aliases: []string{"latin9", "latin0"}, single: charmap.ISO8859_15},
	{name: "ISO-8859-16", aliases: []string{"latin10"}, single: charmap.ISO8859_16},
	{name: "Windows-1250", aliases: []string{"cp1250", "win1250"}, single: charmap.Windows1250},
	{name: "Windows-1251", aliases: []string{"cp1251", "win1251"}, single: charmap.Windows1251},
	{name: "Windows-1252", aliases: []string{"cp1252", "win1252"}, single: charmap.Windows1252},
	{name: "Windows-1253", aliases: []string{"cp1253", "win1253"}, single: charmap.Windows1253},
	{name: "Windows-1254", aliases: []string{"cp1254", "win1254"}, single: charmap.Windows1254},
	{name: "Windows-1255", aliases: []string{"cp1255", "win1255"}, single: charmap.Windows1255},
	{name: "Windows-1256", aliases: []string{"cp1256", "win1256"}, single: charmap.Windows1256},
	{name: "Windows-1257", aliases: []string{"cp1257", "win1257"}, single: charmap.Windows1257},
	{name: "Windows-1258", aliases: []string{"cp1258", "win1258"}, single: charmap.Windows1258},
	{name: "CP437", aliases: []string{"ibm437", "437"}, single: charmap.CodePage437},
	{name: "CP850", aliases: []string{"ibm850", "850"}, single: charmap.CodePage850},
	{name: "CP866", aliases: []string{"ibm866", "866"}, single: charmap.CodePage866},
	{name: "KOI8-R", single: charmap.KOI8R},
	{name: "KOI8-U", single: charmap.KOI8U},
	{name: "Shift_JIS", aliases: []string{"sjis", "mskanji", "cp932", "windows-31j"}, multi: japanese.ShiftJIS},
	{name: "EUC-JP", aliases: []string{"eucjp"}, multi: japanese.EUCJP},
	{name: "GBK", aliases: []string{"cp936", "gb2312", "windows-936"}, multi: simplifiedchinese.GBK},
	{name: "Big5", aliases: []string{"cp950", "big5-hkscs"}, multi: traditionalchinese.Big5},
}

// byKey finds a set by its name or an alias, compared by key.
var byKey = func() map[string]*set {
	m := map[string]*set{}
	for i := range sets {
		s := &sets[i]
		m[key(s.name)] = s
		for _, a := range s.aliases {
			m[key(a)] = s
		}
	}
	return m
}()

// key is a name without case, '-', '_' or spaces, and without what
// follows a ':' or '(' (PuTTY for Windows saves "ISO-8859-2:1999 (Latin-2,
// East Europe)" and "Win1250 (Central European)").
func key(name string) string {
	if i := strings.IndexAny(name, ":("); i >= 0 {
		name = name[:i]
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
}

// Names lists the sets' names, UTF-8 first, in the order a menu shows them.
func Names() []string {
	out := make([]string, len(sets))
	for i, s := range sets {
		out[i] = s.name
	}
	return out
}

// Canonical returns the name Tern uses for a set named as PuTTY, KiTTY or
// a Telnet server names it ("CP1251", "Win1251 (Cyrillic)", "cp1251");
// ok is false for a set Tern does not know. "" is UTF-8.
func Canonical(name string) (string, bool) {
	if strings.TrimSpace(name) == "" {
		return UTF8, true
	}
	s, ok := byKey[key(name)]
	if !ok {
		return "", false
	}
	return s.name, true
}

// lookup is the set named name; UTF-8 for "" or an unknown name.
func lookup(name string) *set {
	if s, ok := byKey[key(name)]; ok {
		return s
	}
	return &sets[0]
}
