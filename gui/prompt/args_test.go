package prompt

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"send ip ayt", []string{"send", "ip", "ayt"}},
		{"  open\thost  25 ", []string{"open", "host", "25"}},
		{`environ define GREETING "hello world"`, []string{"environ", "define", "GREETING", "hello world"}},
		{`environ define Q 'say "hi"'`, []string{"environ", "define", "Q", `say "hi"`}},
		{`environ define E ""`, []string{"environ", "define", "E", ""}},
		{`a\ b c`, []string{"a b", "c"}},
		{`x"y z"w`, []string{"xy zw"}},
		{`"open to the end`, []string{"open to the end"}},
		{`trailing\`, []string{"trailing"}},
		{`"a\"b"`, []string{`a"b`}},
	}
	for _, tc := range tests {
		if got := splitArgs(tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.line, got, tc.want)
		}
	}
}

// FuzzSplitArgs: a line without quotes or backslashes splits as
// strings.Fields does on spaces and tabs; no word of any line is longer
// than the line.
func FuzzSplitArgs(f *testing.F) {
	f.Add(`environ define A "b c"`)
	f.Add(`a\ b 'c d' "e`)
	f.Fuzz(func(t *testing.T, line string) {
		words := splitArgs(line)
		for _, w := range words {
			if len(w) > len(line) {
				t.Fatalf("%q: word %q longer than the line", line, w)
			}
		}
		if !strings.ContainsAny(line, `"'\`) {
			plain := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' })
			if !slices.Equal(words, plain) && !(len(words) == 0 && len(plain) == 0) {
				t.Fatalf("%q: %q, want %q", line, words, plain)
			}
		}
	})
}
