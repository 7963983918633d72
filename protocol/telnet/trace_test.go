package telnet

import (
	"strings"
	"testing"
)

// TestTraceSubnegotiation: the lines GNU inetutils telnet 2.4 printed with
// "toggle options" against inetutils telnetd (the first seven, byte for
// byte), and the rest of BSD's forms.
func TestTraceSubnegotiation(t *testing.T) {
	tests := []struct {
		opt     byte
		payload string
		want    string
	}{
		{OptTSpeed, "\x01", "IAC SB TERMINAL-SPEED SEND"},
		{OptTSpeed, "\x0038400,38400", "IAC SB TERMINAL-SPEED IS 38400,38400"},
		{OptNewEnviron, "\x01", "IAC SB NEW-ENVIRON SEND "},
		{OptNewEnviron, "\x00\x03GREETING\x01hi there", `IAC SB NEW-ENVIRON IS USERVAR "GREETING" VALUE "hi there"`},
		{OptTTYPE, "\x01", "IAC SB TERMINAL-TYPE SEND"},
		{OptTTYPE, "\x00XTERM", `IAC SB TERMINAL-TYPE IS "XTERM"`},
		{OptNAWS, "\x00\x00\x00\x00", "IAC SB NAWS 0 0 (0) 0 0 (0)"},
		{OptLFlow, "\x03", "IAC SB TOGGLE-FLOW-CONTROL RESTART-XON"},
		{OptNAWS, "\x00\x64\x00\x1e", "IAC SB NAWS 0 100 (100) 0 30 (30)"},
		{OptNAWS, "\x01\x00\x00", "IAC SB NAWS 1 0 (256) ?0?"},
		{OptNewEnviron, "\x01\x00USER\x03", `IAC SB NEW-ENVIRON SEND VAR "USER" USERVAR `},
		{OptNewEnviron, "\x02\x00USER\x01a\x02\x01b\"c\x1b", `IAC SB NEW-ENVIRON INFO VAR "USER" VALUE "a" ESC VALUE "b" 042 "c" 033 `},
		{OptStatus, "\x01", "IAC SB STATUS SEND"},
		{OptStatus, "\x00\xfb\x01\xfd\x03", "IAC SB STATUS IS WILL ECHO, DO SUPPRESS GO AHEAD"},
		{OptTTYPE, "\x00X\x1b]0;owned\x07", `IAC SB TERMINAL-TYPE IS "X?]0;owned?"`},
		{OptTTYPE, "\x07", "IAC SB TERMINAL-TYPE - unknown qualifier 7 (0x7)."},
		{OptCharset, "\x01;UTF-8", "IAC SB 42 1 59 85 84 70 45 56"},
		{OptNAWS, "", "IAC SB NAWS (empty suboption???)"},
	}
	for _, tt := range tests {
		if got := TraceSubnegotiation(tt.opt, []byte(tt.payload)); got != tt.want {
			t.Errorf("%s %q:\n got %q\nwant %q", OptionName(tt.opt), tt.payload, got, tt.want)
		}
	}
}

func TestTraceOptionName(t *testing.T) {
	for opt, want := range map[byte]string{OptTTYPE: "TERMINAL TYPE", OptSGA: "SUPPRESS GO AHEAD", OptNewEnviron: "NEW-ENVIRON", OptCharset: "42", 255: "IAC"} {
		if got := TraceOptionName(opt); got != want {
			t.Errorf("%d: %q, want %q", opt, got, want)
		}
	}
}

// FuzzTraceSubnegotiation: whatever a server sends, its trace is one line
// with no control character (nothing it sends can steer the terminal).
func FuzzTraceSubnegotiation(f *testing.F) {
	f.Add(OptNewEnviron, []byte("\x00\x03A\x01b"))
	f.Add(OptTTYPE, []byte("\x00\x1b[2J"))
	f.Add(OptTSpeed, []byte("\x00\xc2\x9b2J"))
	f.Fuzz(func(t *testing.T, opt byte, payload []byte) {
		line := TraceSubnegotiation(opt, payload)
		if i := strings.IndexFunc(line, func(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }); i >= 0 {
			t.Fatalf("control character in %q", line)
		}
	})
}
