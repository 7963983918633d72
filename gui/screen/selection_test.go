package screen

import (
	"strings"
	"testing"
)

func TestTextRange(t *testing.T) {
	s := New(10, 3, 100)
	s.Write([]byte("first\r\nsecond line wraps\r\nlast"))
	// Rows now: "first", "second lin"+wrap, "e wraps", "last" (one scrolled off).
	first := s.firstKept()
	cases := []struct {
		name string
		a, b Pos
		want string
	}{
		{"one word", Pos{first, 0}, Pos{first, 4}, "first"},
		{"backwards", Pos{first, 4}, Pos{first, 0}, "first"},
		{"across lines drops trailing blanks", Pos{first, 2}, Pos{first + 1, 5}, "rst\nsecond"},
		{"a wrapped line joins the next", Pos{first + 1, 0}, Pos{first + 2, 6}, "second line wraps"},
		{"from scrollback to the screen", Pos{first, 0}, Pos{first + 3, 9}, "first\nsecond line wraps\nlast"},
		{"before history is clamped", Pos{first - 50, 0}, Pos{first, 1}, "fi"},
	}
	for _, c := range cases {
		if got := s.TextRange(c.a, c.b); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestWordAt(t *testing.T) {
	s := New(40, 2, 0)
	s.Write([]byte("mail to alice@example.com now"))
	base := s.firstKept()
	cases := []struct {
		col      int
		from, to int
	}{
		{0, 0, 3},
		{10, 8, 24},
		{4, 4, 4}, // a blank: itself
	}
	for _, c := range cases {
		a, b := s.WordAt(Pos{base, c.col})
		if a.Col != c.from || b.Col != c.to {
			t.Errorf("col %d: got %d..%d, want %d..%d", c.col, a.Col, b.Col, c.from, c.to)
		}
	}
	a, b := s.WordAt(Pos{base, 10})
	if got := s.TextRange(a, b); !strings.Contains(got, "alice@example.com") {
		t.Errorf("word text %q", got)
	}
}
