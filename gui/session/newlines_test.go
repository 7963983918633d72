package session

import "testing"

func TestNewlinesApply(t *testing.T) {
	cases := []struct {
		nl       newlines
		in, want string
	}{
		{newlines{}, "a\nb\rc\r\n", "a\nb\rc\r\n"},
		{newlines{lfCR: true}, "a\nb\rc\r\n", "a\r\nb\rc\r\r\n"},
		{newlines{crLF: true}, "a\nb\rc\r\n", "a\nb\r\nc\r\n\n"},
		{newlines{lfCR: true, crLF: true}, "a\r\n", "a\r\n\r\n"},
	}
	for _, c := range cases {
		if got := string(c.nl.apply(nil, []byte(c.in))); got != c.want {
			t.Errorf("%+v %q: got %q, want %q", c.nl, c.in, got, c.want)
		}
	}
}
