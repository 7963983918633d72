package exchange

import (
	"errors"
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
