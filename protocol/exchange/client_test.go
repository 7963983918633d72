package exchange

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		bad  string // the argument named in the error; "" for none
	}{
		{name: "plain", args: []string{"user name", "alice", "password", "s3cret"}},
		{name: "CR LF in the second", args: []string{"user name", "alice", "password", "x\r\nDELE 1"}, bad: "password"},
		{name: "bare LF", args: []string{"user name", "a\nb"}, bad: "user name"},
		{name: "bare CR", args: []string{"user name", "a\rb"}, bad: "user name"},
		{name: "NUL", args: []string{"user name", "a\x00b"}, bad: "user name"},
		{name: "tab and spaces are fine", args: []string{"pattern", "a b\tc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckArgs("pop3", "USER", tt.args...)
			var lb *LineBreakError
			switch {
			case tt.bad == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.bad != "" && (!errors.As(err, &lb) || lb.Arg != tt.bad || lb.Command != "USER" || !errors.Is(err, ErrLineBreak)):
				t.Fatalf("got %v, want a *LineBreakError for the %s", err, tt.bad)
			}
		})
	}
}

// FuzzCheckArgs: an argument is refused exactly when it holds CR, LF or
// NUL, and Verb never keeps one of them (nor a space).
func FuzzCheckArgs(f *testing.F) {
	for _, s := range []string{"alice", "x\r\nDELE 1", "a\nb", "a\rb", "a\x00b", "a b\tc", "STAT\r\nQUIT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckArgs("pop3", "USER", "user name", s)
		if (err != nil) != strings.ContainsAny(s, "\r\n\x00") {
			t.Fatalf("%q: %v", s, err)
		}
		if v := Verb(s); strings.ContainsAny(v, " \r\n\x00") {
			t.Fatalf("Verb(%q) = %q", s, v)
		}
	})
}
