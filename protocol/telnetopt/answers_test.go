package telnetopt

import (
	"testing"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// TestAnswers: what Tern says to each SEND, in order, for a few profiles.
func TestAnswers(t *testing.T) {
	environRequest := []byte{} // an empty SEND asks for everything
	tests := []struct {
		name    string
		answers Answers
		opt     byte
		want    []string // the summaries of successive answers
	}{
		{"default terminal types cycle (RFC 1091)", Answers{}, telnet.OptTTYPE,
			[]string{"IS XTERM-256COLOR", "IS XTERM", "IS VT100", "IS VT100", "IS XTERM-256COLOR"}},
		{"the profile's types, upper case", Answers{TerminalTypes: []string{"vt220", "ansi"}}, telnet.OptTTYPE,
			[]string{"IS VT220", "IS ANSI", "IS ANSI", "IS VT220"}},
		{"default speed", Answers{}, telnet.OptTSpeed, []string{"IS 38400,38400"}},
		{"the profile's speed", Answers{Speed: "9600,9600"}, telnet.OptTSpeed, []string{"IS 9600,9600"}},
		{"no environment", Answers{}, telnet.OptNewEnviron, []string{"IS "}},
		{"the user and the profile's variables, never the local environment", Answers{Environ: EnvironOf("alice", map[string]string{"TERM_PROGRAM": "tern"}, nil)},
			telnet.OptNewEnviron, []string{"IS TERM_PROGRAM=tern USER=alice"}},
		{"never an unexported variable", Answers{Environ: EnvironOf("", map[string]string{"A": "1"}, map[string]string{"B": "2", "USER": "bob"})},
			telnet.OptNewEnviron, []string{"IS A=1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.answers
			for i, want := range tt.want {
				r, ok := a.Send(tt.opt, environRequest)
				if !ok || r.Summary != want {
					t.Fatalf("answer %d: %q (%v), want %q", i+1, r.Summary, ok, want)
				}
			}
		})
	}
	var a Answers
	if _, ok := a.Send(telnet.OptNAWS, nil); ok {
		t.Error("NAWS SEND was answered; nothing is sent for it")
	}
}

// TestAnswerCharset: the session's own set is accepted under the name the
// server used; every other set is turned down.
func TestAnswerCharset(t *testing.T) {
	tests := []struct {
		session string
		offered []string
		want    string
	}{
		{"", []string{"ISO-8859-1", "UTF-8"}, "ACCEPTED UTF-8"},
		{"", []string{"utf8"}, "ACCEPTED utf8"},
		{"ISO-8859-1", []string{"UTF-8", "latin1"}, "ACCEPTED latin1"},
		{"ISO-8859-1", []string{"UTF-8"}, "REJECTED"},
		{"", []string{""}, "REJECTED"},
		{"", nil, "REJECTED"},
	}
	for _, tt := range tests {
		if got := AnswerCharset(tt.session, tt.offered).Summary; got != tt.want {
			t.Errorf("session %q offered %q: %s, want %s", tt.session, tt.offered, got, tt.want)
		}
	}
}
