package linedisc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

var cleanPasteTests = []struct {
	name          string
	in            string
	want          string
	breaks, lines int
	removed       int
}{
	{name: "plain text stays", in: "ls -l", want: "ls -l", lines: 1},
	{name: "an embedded end of bracketed paste loses its ESC", in: "ls\x1b[201~evil-cmd\x03", want: "ls[201~evil-cmd", lines: 1, removed: 2},
	{name: "an embedded start of bracketed paste loses its ESC", in: "\x1b[200~x", want: "[200~x", lines: 1, removed: 1},
	{name: "^C ^D ^Z ^] and the escape character go", in: "a\x03b\x04c\x1ad\x1de", want: "abcde", lines: 1, removed: 4},
	{name: "NUL goes", in: "a\x00b", want: "ab", lines: 1, removed: 1},
	{name: "DEL (Backspace) goes", in: "rm -rf /tmp/x\x7f\x7f\x7f\x7f\x7f/", want: "rm -rf /tmp/x/", lines: 1, removed: 5},
	{name: "Backspace ^H goes", in: "abc\bd", want: "abcd", lines: 1, removed: 1},
	{name: "C1 CSI as a character goes", in: "a\u009b201~b", want: "a201~b", lines: 1, removed: 1},
	{name: "C1 CSI as a lone byte goes", in: "a\x9b201~b", want: "a201~b", lines: 1, removed: 1},
	{name: "NEL (C1) goes", in: "a\u0085b", want: "ab", lines: 1, removed: 1},
	{name: "TAB stays", in: "a\tb", want: "a\tb", lines: 1},
	{name: "a lone CR is one Enter", in: "ls\r", want: "ls\r", breaks: 1, lines: 1},
	{name: "CR LF is one Enter", in: "a\r\nb\r\n", want: "a\rb\r", breaks: 2, lines: 2},
	{name: "LF is one Enter", in: "a\nb", want: "a\rb", breaks: 1, lines: 2},
	{name: "LF CR is two", in: "a\n\rb", want: "a\r\rb", breaks: 2, lines: 3},
	{name: "UTF-8 text stays", in: "grüße → 世界 😀", want: "grüße → 世界 😀", lines: 1},
	{name: "U+00A0 and above stay", in: "a\u00a0\u00ffb", want: "a\u00a0\u00ffb", lines: 1},
	{name: "a lone 0xFF byte stays (sent as doubled IAC)", in: "a\xffb", want: "a\xffb", lines: 1},
	{name: "empty", in: "", want: ""},
	{name: "only controls", in: "\x1b\x03", want: "", removed: 2},
	// found by fuzzing: none yet.
}

func TestCleanPaste(t *testing.T) {
	for _, tt := range cleanPasteTests {
		t.Run(tt.name, func(t *testing.T) {
			got := CleanPaste([]byte(tt.in))
			if string(got.Text) != tt.want || got.Breaks != tt.breaks || got.Lines() != tt.lines || got.Removed != tt.removed {
				t.Fatalf("got %q (%d breaks, %d lines, %d removed), want %q (%d, %d, %d)",
					got.Text, got.Breaks, got.Lines(), got.Removed, tt.want, tt.breaks, tt.lines, tt.removed)
			}
			if got.EndsWithBreak() != strings.HasSuffix(tt.want, "\r") {
				t.Fatalf("EndsWithBreak %v for %q", got.EndsWithBreak(), got.Text)
			}
		})
	}
}

func TestCleanPasteLarge(t *testing.T) {
	line := "0123456789 the quick brown fox jumps over the lazy dog\x1b[201~\x03\n"
	in := strings.Repeat(line, 100<<10/len(line)+1)
	got := CleanPaste([]byte(in))
	n := strings.Count(in, "\n")
	if got.Breaks != n || got.Removed != 2*n || bytes.IndexByte(got.Text, 0x1b) >= 0 || bytes.IndexByte(got.Text, 0x03) >= 0 {
		t.Fatalf("%d breaks, %d removed, want %d and %d", got.Breaks, got.Removed, n, 2*n)
	}
}

// FuzzCleanPaste: whatever is pasted, the result holds no byte that acts
// as a key (no C0 control but TAB and CR, no DEL, no C1 as a character or
// a lone byte), and cleaning it again changes nothing.
func FuzzCleanPaste(f *testing.F) {
	for _, tt := range cleanPasteTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got := CleanPaste(in)
		if err := onlyText(got.Text); err != nil {
			t.Fatalf("CleanPaste(%q) = %q: %v", in, got.Text, err)
		}
		again := CleanPaste(got.Text)
		if !bytes.Equal(again.Text, got.Text) || again.Removed != 0 || again.Breaks != got.Breaks {
			t.Fatalf("cleaning %q twice gave %q", got.Text, again.Text)
		}
		if got.Removed > len(in) || len(got.Text) > len(in) {
			t.Fatalf("%q: %d removed, %d bytes out", in, got.Removed, len(got.Text))
		}
		out := &recordedOutput{telnet: true}
		l := &Discipline{Out: out, Specials: true, Backspace: 0x7f, EscapeChar: 0x1d}
		l.Paste(got.Text, true)
		want := fmt.Sprintf("text %q", "\x1b[200~"+string(got.Text)+"\x1b[201~")
		if len(got.Text) == 0 {
			want = ""
		}
		if strings.Join(out.calls, "|") != want {
			t.Fatalf("pasting %q sent %q, want %s", in, out.calls, want)
		}
	})
}

// onlyText says why p is not plain text with TAB and CR.
func onlyText(p []byte) error {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			r = rune(p[i])
		}
		if (r < 0x20 && r != '\t' && r != '\r') || (r >= 0x7f && r <= 0x9f) {
			return fmt.Errorf("control %#x at %d", r, i)
		}
		i += size
	}
	return nil
}

func TestLineDisciplinePaste(t *testing.T) {
	tests := []struct {
		name       string
		edit, echo bool
		bracketed  bool
		escape     int
		typed      string // typed after the paste, as one write
		paste      string
		want       []string
		wantEcho   string
	}{
		{name: "character mode: one write, Enter inside", paste: "a\r\nb",
			want: []string{`text "a\rb"`}},
		{name: "character mode, bracketed: the markers around the cleaned text", bracketed: true,
			paste: "ls\x1b[201~evil-cmd\x03",
			want:  []string{`text "\x1b[200~ls[201~evil-cmd\x1b[201~"`}},
		{name: "character mode: a pasted ^C is not IP, Backspace not EC", paste: "x\x03\x7f",
			want: []string{`text "x"`}},
		{name: "character mode: the local echo shows the text", echo: true, paste: "a\nb",
			want: []string{`text "a\rb"`}, wantEcho: "a\r\nb"},
		{name: "a printable escape character is text in a paste", escape: '~', paste: "a~b",
			want: []string{`text "a~b"`}},
		{name: "the default escape character is removed, not pressed", paste: "a\x1db",
			want: []string{`text "ab"`}},
		{name: "line mode: each line goes with its Enter, the rest waits", edit: true, echo: true,
			paste: "one\r\ntwo\nthr", typed: "\r",
			want: []string{`line "one"`, `line "two"`, `line "thr"`}, wantEcho: "one\r\ntwo\r\nthr\r\n"},
		{name: "line mode: the paste joins what was typed", edit: true, typed: "",
			paste: "ab\x1b[201~\x03\r", want: []string{`line "ab[201~"`}},
		{name: "line mode: no markers even when asked", edit: true, bracketed: true,
			paste: "x\r", want: []string{`line "x"`}},
		{name: "line mode: a pasted ^U does not erase the line", edit: true,
			paste: "keep\x15\r", want: []string{`line "keep"`}},
		{name: "empty after cleaning sends nothing", bracketed: true, paste: "\x1b\x03",
			want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &recordedOutput{telnet: true}
			esc := tt.escape
			if esc == 0 {
				esc = 0x1d
			}
			l := &Discipline{Out: out, Edit: tt.edit, EchoOn: tt.echo, Specials: true, Backspace: 0x7f, EscapeChar: esc}
			l.Paste(CleanPaste([]byte(tt.paste)).Text, tt.bracketed)
			if tt.typed != "" {
				l.Feed([]byte(tt.typed))
			}
			if fmt.Sprint(out.calls) != fmt.Sprint(tt.want) {
				t.Errorf("sent %q, want %q", out.calls, tt.want)
			}
			if tt.echo && out.echoed.String() != tt.wantEcho {
				t.Errorf("echoed %q, want %q", out.echoed.String(), tt.wantEcho)
			}
		})
	}
}
