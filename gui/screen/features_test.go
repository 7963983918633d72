package screen

import (
	"bytes"
	"testing"
)

func TestRefusals(t *testing.T) {
	cases := []struct {
		name   string
		refuse Refusals
		input  string
		check  func(s *Screen) bool
	}{
		{"title allowed", Refusals{}, "\x1b]2;evil\x07", func(s *Screen) bool { return s.Title() == "evil" }},
		{"title refused", Refusals{Title: true}, "\x1b]0;evil\x07", func(s *Screen) bool { return s.Title() == "" }},
		{"keypad allowed", Refusals{}, "\x1b=", func(s *Screen) bool { return s.Modes().AppKeypad }},
		{"keypad refused", Refusals{AppKeypad: true}, "\x1b=", func(s *Screen) bool { return !s.Modes().AppKeypad }},
		{"mouse allowed", Refusals{}, "\x1b[?1000h", func(s *Screen) bool { return s.Modes().Mouse == 1000 }},
		{"mouse refused", Refusals{Mouse: true}, "\x1b[?1002h\x1b[?9h", func(s *Screen) bool { return s.Modes().Mouse == 0 }},
		{"DECCOLM allowed", Refusals{}, "text\x1b[?40h\x1b[?3h", func(s *Screen) bool {
			cols, _ := s.Size()
			return cols == 132
		}},
		{"DECCOLM refused keeps the width but clears, as PuTTY", Refusals{Resize: true}, "text\x1b[?40h\x1b[?3h", func(s *Screen) bool {
			cols, _ := s.Size()
			var snap Snapshot
			s.Snapshot(&snap)
			row, col := s.Cursor()
			return cols == 80 && snap.ColumnsWanted == 0 && s.Cell(0, 0).Rune != 't' && row == 0 && col == 0
		}},
	}
	for _, c := range cases {
		s := New(80, 24, 0)
		s.SetRefusals(c.refuse)
		s.Write([]byte(c.input))
		if !c.check(s) {
			t.Errorf("%s: modes %+v title %q", c.name, s.Modes(), s.Title())
		}
	}
}

func TestRefusingTurnsOffWhatTheServerSet(t *testing.T) {
	s := New(80, 24, 0)
	s.Write([]byte("\x1b=\x1b[?1003h"))
	s.SetRefusals(Refusals{AppKeypad: true, Mouse: true})
	if m := s.Modes(); m.AppKeypad || m.Mouse != 0 {
		t.Errorf("modes after refusing: %+v", m)
	}
}

// TestAnswerback: ^E is answered only when an answerback is set; DSR
// (CSI 5 n), which is always answered, is the barrier after it.
func TestAnswerback(t *testing.T) {
	cases := []struct {
		name, answerback string
		want             string
	}{
		{"none by default", "", "\x1b[0n"},
		{"plain", "sw-12", "sw-12\x1b[0n"},
		{"with controls", "sw-12^M^J", "sw-12\r\n\x1b[0n"},
	}
	for _, c := range cases {
		s := New(80, 24, 0)
		var got bytes.Buffer
		s.Reply = func(p []byte) { got.Write(p) }
		s.SetAnswerback(ParseAnswerback(c.answerback))
		s.Write([]byte("a\x05b\x1b[5n"))
		if got.String() != c.want {
			t.Errorf("%s: sent %q, want %q", c.name, got.String(), c.want)
		}
		if s.Cell(0, 0).Rune != 'a' || s.Cell(0, 1).Rune != 'b' {
			t.Errorf("%s: ^E showed on the screen", c.name)
		}
	}
}

var answerbackCases = []struct {
	in   string
	want string
}{
	{"", ""},
	{"PuTTY", "PuTTY"},
	{"^M", "\r"},
	{"^m^j", "\r\n"},
	{"^[", "\x1b"},
	{"^?", "\x7f"},
	{"^@", "\x00"},
	{"^~", "^"},
	{"a^", "a^"},
	{"^1", "^1"},
	{"^<13>", "\r"},
	{"^<0x1b>", "\x1b"},
	{"^<010>", "\b"},
	{"^<256>", "^<256>"},
	{"^<>", "^<>"},
	{"^<13", "^<13"},
	{"^<0xzz>", "^<0xzz>"},
}

func TestParseAnswerback(t *testing.T) {
	for _, c := range answerbackCases {
		if got := string(ParseAnswerback(c.in)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzParseAnswerback(f *testing.F) {
	for _, c := range answerbackCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ParseAnswerback(in)
		if len(out) > 256 || len(out) > len(in) {
			t.Fatalf("%q gave %d bytes", in, len(out))
		}
	})
}
