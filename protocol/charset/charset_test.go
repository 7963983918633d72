package charset_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/protocol/charset"
)

// multibyteSamples is text each multibyte set holds, as its devices send it.
var multibyteSamples = map[string]string{
	"Shift_JIS": "ﾛｸﾞｲﾝ 日本語のテキスト：設定を保存しました。",
	"EUC-JP":    "ログイン 日本語のテキスト：設定を保存しました。",
	"GBK":       "登录 中文文本：配置已保存。",
	"Big5":      "登入 中文字：設定已儲存。",
}

// sample is the remote bytes of every printable character a set holds
// (single-byte sets: each byte from 0xA0 up that decodes to a printable
// rune), or the sample text encoded.
func sample(t *testing.T, name string) []byte {
	if text, ok := multibyteSamples[name]; ok {
		return charset.NewEncoder(name).Encode(nil, []byte(text))
	}
	var remote []byte
	dec := charset.NewDecoder(name)
	for b := 0xa0; b <= 0xff; b++ {
		r, _ := utf8.DecodeRune(dec.Decode(nil, []byte{byte(b)}))
		if r != utf8.RuneError && unicode.IsPrint(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Cf, r) {
			remote = append(remote, byte(b))
		}
	}
	if len(remote) < 40 {
		t.Fatalf("%s: only %d printable bytes", name, len(remote))
	}
	return remote
}

// TestRoundTripEverySet: for every set, what the device sends is drawn on
// the screen as the characters it means, however the reads cut it, and the
// same characters typed go back to the device as the same bytes.
func TestRoundTripEverySet(t *testing.T) {
	for _, name := range charset.Names() {
		if name == charset.UTF8 {
			continue
		}
		t.Run(name, func(t *testing.T) {
			remote := sample(t, name)
			want := string(charset.NewDecoder(name).Decode(nil, remote))
			if strings.ContainsRune(want, utf8.RuneError) {
				t.Fatalf("the sample does not decode: %q", want)
			}
			for cut := 0; cut <= len(remote); cut++ {
				dec := charset.NewDecoder(name)
				got := dec.Decode(nil, remote[:cut])
				got = dec.Decode(got, remote[cut:])
				if string(got) != want {
					t.Fatalf("read cut at %d: got %q, want %q", cut, got, want)
				}
			}
			scr := screen.New(300, 3, 0)
			scr.Write(charset.NewDecoder(name).Decode(nil, append([]byte("\x1b[31m"), append(remote, "\x1b[0m\r\n"...)...)))
			if got := strings.Split(scr.Text(), "\n")[0]; got != want {
				t.Fatalf("screen shows %q, want %q", got, want)
			}
			if typed := charset.NewEncoder(name).Encode(nil, []byte(want)); !bytes.Equal(typed, remote) {
				t.Fatalf("typed %q goes out as %x, want %x", want, typed, remote)
			}
			enc := charset.NewEncoder(name) // a byte at a time, as the line discipline sends keys
			var typed []byte
			for i := range len(want) {
				typed = enc.Encode(typed, []byte(want[i:i+1]))
			}
			if !bytes.Equal(typed, remote) {
				t.Fatalf("typed a byte at a time, %q goes out as %x, want %x", want, typed, remote)
			}
		})
	}
}

// TestEscapesPassThrough: control characters and escape sequences, DEC
// line drawing included, are the same bytes in every set.
func TestEscapesPassThrough(t *testing.T) {
	in := []byte("\x1b(0lqqk\x1b(B\x1b[1;1H\r\n\t\a\x08\x7f")
	for _, name := range charset.Names() {
		if got := charset.NewDecoder(name).Decode(nil, in); !bytes.Equal(got, in) {
			t.Errorf("%s decodes %q as %q", name, in, got)
		}
		if got := charset.NewEncoder(name).Encode(nil, in); !bytes.Equal(got, in) {
			t.Errorf("%s encodes %q as %q", name, in, got)
		}
	}
}

// TestDecodeCases: what the decoder makes of broken input.
func TestDecodeCases(t *testing.T) {
	cases := []struct {
		set, in, want string
	}{
		{"Shift_JIS", "\x93\xfa\x1b[m", "日\x1b[m"},
		{"Shift_JIS", "\x93\x1b[m", "\ufffd\x1b[m"}, // a lead byte without its trail keeps the escape
		{"EUC-JP", "\xa4\xa2\xa4", "あ"},             // the cut character waits for the next read
		{"Big5", "\xff\xff", "\ufffd\ufffd"},
		{"KOI8-R", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"},
		{"CP437", "\xc9\xcd\xbb", "╔═╗"},
		{"ISO-8859-11", "\x80\xa1", "\u0080ก"},
		{"Windows-1251", "\x88", "€"},
		{"", "h\xc3\xa9", "hé"},
	}
	for _, c := range cases {
		if got := string(charset.NewDecoder(c.set).Decode(nil, []byte(c.in))); got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.set, c.in, got, c.want)
		}
	}
}

// TestEncodeUnencodable: what a set cannot hold is sent as '?'.
func TestEncodeUnencodable(t *testing.T) {
	cases := []struct{ set, in, want string }{
		{"ISO-8859-1", "café €", "caf\xe9 ?"},
		{"KOI8-R", "Привет, 世界", "\xf0\xd2\xc9\xd7\xc5\xd4, ??"},
		{"Shift_JIS", "日本 ☃", "\x93\xfa\x96{ ?"},
		{"ISO-8859-11", "ก€", "\xa1?"},
		{"CP437", "bad \xff byte", "bad ? byte"},
		{"CP437", "cut \xe2\x95 x", "cut ?? x"}, // a cut character: each byte is not UTF-8
	}
	for _, c := range cases {
		if got := string(charset.NewEncoder(c.set).Encode(nil, []byte(c.in))); got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.set, c.in, got, c.want)
		}
	}
}

// TestCanonical: the names PuTTY (Unix and Windows), KiTTY and servers use.
func TestCanonical(t *testing.T) {
	cases := map[string]string{
		"": "UTF-8", "UTF-8": "UTF-8", "utf8": "UTF-8", "ISO-8859-2": "ISO-8859-2",
		"ISO-8859-2:1999 (Latin-2, East Europe)": "ISO-8859-2", "CP1251": "Windows-1251",
		"Win1251 (Cyrillic)": "Windows-1251", "windows-1252": "Windows-1252", "IBM437": "CP437",
		"cp866": "CP866", "KOI8-U": "KOI8-U", "Shift-JIS": "Shift_JIS", "SJIS": "Shift_JIS",
		"EUC-JP": "EUC-JP", "GB2312": "GBK", "big5": "Big5",
	}
	for in, want := range cases {
		if got, ok := charset.Canonical(in); !ok || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := charset.Canonical("Use font encoding"); ok {
		t.Error("PuTTY's 'Use font encoding' is not a set Tern knows")
	}
}

// FuzzDecoder: any bytes, cut anywhere, decode to valid UTF-8 in every
// set, and the same whatever the cut; the decoder keeps at most a few
// bytes between reads.
func FuzzDecoder(f *testing.F) {
	for _, text := range multibyteSamples {
		f.Add([]byte(text), uint8(3))
	}
	f.Add([]byte("\x93\x1b[m\xa4"), uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, cut uint8) {
		c := int(cut) % (len(in) + 1)
		for _, name := range charset.Names() {
			whole := charset.NewDecoder(name).Decode(nil, in)
			dec := charset.NewDecoder(name)
			parts := dec.Decode(dec.Decode(nil, in[:c]), in[c:])
			if !utf8.Valid(whole) && name != charset.UTF8 {
				t.Fatalf("%s: not UTF-8: %q", name, whole)
			}
			if !bytes.HasPrefix(whole, parts) || len(whole)-len(parts) > 3*4 {
				t.Fatalf("%s: cut at %d gives %q, whole %q", name, c, parts, whole)
			}
		}
	})
}
