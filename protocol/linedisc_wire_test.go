package protocol

import (
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

// TestKeysOnTheWire: what Return, Return in newline mode (LNM, CR LF in
// one write), Ctrl+J, Ctrl+H and Backspace put on the wire, as the key
// table writes them, in Telnet and Raw, character mode and local line
// editing. Over Telnet, Return is the NVT end of line (RFC 854), which the
// server reads as CR, so newline mode adds a LF as data; in Raw mode Enter
// already is CR LF.
func TestKeysOnTheWire(t *testing.T) {
	const ready = "\xff\xfb\x01\xff\xfb\x03ready"  // WILL ECHO, WILL SGA: Telnet is spoken
	const binary = "\xff\xfb\x00\xff\xfd\x00ready" // WILL BINARY, DO BINARY
	tests := []struct {
		name     string
		neg      Negotiation
		edit     bool
		greeting string // waited for before typing ("ready" on the screen)
		cfg      func(*Config)
		keys     []string // one Write each
		want     string   // what the server gets after the greeting's answers
	}{
		{name: "Telnet: Return is CR LF", keys: []string{"\r"}, want: "\r\n"},
		{name: "Telnet: Return in newline mode is CR LF, then LF", keys: []string{"\r\n"}, want: "\r\n\n"},
		{name: "Telnet, CR NUL: Return in newline mode is CR NUL LF", cfg: func(c *Config) { c.EnterSendsCRNUL = true },
			keys: []string{"\r", "\r\n"}, want: "\r\x00\r\x00\n"},
		{name: "Telnet BINARY: Return in newline mode is CR LF", greeting: binary, cfg: func(c *Config) { c.RequestBinary = true },
			keys: []string{"\r", "\r\n"}, want: "\r\r\n"},
		{name: "Telnet: Ctrl+J is LF", keys: []string{"a", "\n"}, want: "a\n"},
		{name: "Telnet: Ctrl+J after Return is LF", keys: []string{"\r", "\n"}, want: "\r\n\n"},
		{name: "Telnet line editing: Return in newline mode ends the line once", edit: true,
			keys: []string{"ls", "\r\n", "pwd", "\n"}, want: "ls\r\npwd\r\n"},
		{name: "Raw: Return is CR LF", neg: NegotiateRaw, keys: []string{"\r"}, want: "\r\n"},
		{name: "Raw: Return in newline mode is CR LF", neg: NegotiateRaw, keys: []string{"\r\n", "x"}, want: "\r\nx"},
		{name: "Raw: Ctrl+J is LF", neg: NegotiateRaw, keys: []string{"\n", "x"}, want: "\nx"},
		{name: "Raw line editing: Return in newline mode ends the line once", neg: NegotiateRaw, edit: true,
			keys: []string{"ls", "\r\n", "x\r"}, want: "ls\r\nx\r\n"},
		{name: "Backspace is DEL, Ctrl+H is ^H", keys: []string{"\x7f", "\b"}, want: "\x7f\b"},
		{name: "Backspace set to ^H: both ^H", cfg: func(c *Config) { c.BackspaceSendsCtrlH = true },
			keys: []string{"\x7f", "\b"}, want: "\b\b"},
		{name: "Telnet keys: Backspace is EC, Ctrl+H stays ^H", greeting: ready, cfg: func(c *Config) { c.KeyboardSpecials = true },
			keys: []string{"\x7f", "\b"}, want: "\xff\xf7\b"},
		{name: "line editing: Ctrl+H and Backspace both erase", edit: true,
			keys: []string{"abc", "\b", "\x7f", "d\r"}, want: "ad\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loopserver.Start(t, []byte(tt.greeting), false)
			cfg := Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiatePassive, LocalEcho: ForceOff, LocalEdit: ForceOff}
			if tt.neg != NegotiateAuto {
				cfg.Negotiation = tt.neg
			}
			if tt.edit {
				cfg.LocalEdit = ForceOn
			}
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			s, sc, _ := start(t, cfg)
			testwait.Until(t, "the connection", func() bool { return strings.Contains(sc.String(), "Connected to") })
			answers := 0
			if tt.greeting != "" {
				// The answers to the greeting's negotiation go out before
				// a key typed once it is read: cut them off at that key.
				testwait.Until(t, "the greeting", func() bool { return strings.Contains(sc.String(), "ready") })
				s.Write([]byte("@"))
				testwait.Until(t, "the marker", func() bool { return strings.Contains(p.Received(), "@") })
				answers = strings.Index(p.Received(), "@") + 1
			}
			for _, k := range tt.keys {
				s.Write([]byte(k))
			}
			got := func() string { return p.Received()[answers:] }
			testwait.Holds(testwait.Timeout, func() bool { return len(got()) >= len(tt.want) })
			// The last key is one that must arrive: nothing more came before it.
			if got() != tt.want {
				t.Fatalf("the server got %q, want %q", got(), tt.want)
			}
		})
	}
}

// TestInetutilsTelnetdReadsNewlineModeKeys: through GNU telnetd, the
// program on the pty reads Return in newline mode as CR LF (what vttest
// 6.2 checks), Ctrl+J as LF, Ctrl+H as ^H and Backspace as DEL, and a
// login and a command line typed afterwards still work.
func TestInetutilsTelnetdReadsNewlineModeKeys(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive})
	login(t, s, sc)
	s.Write([]byte("stty raw -echo; echo RE''ADY; dd bs=1 count=5 2>/dev/null | od -An -c; stty sane\r"))
	expect(t, sc, "READY\n")
	for _, k := range []string{"\r\n", "\n", "\b", "\x7f"} {
		s.Write([]byte(k))
	}
	expect(t, sc, `\r  \n  \n  \b 177`)
	// Barrier: the shell's next prompt, so "stty sane" ran; a line typed
	// before it would reach a raw tty, whose CR ends no line.
	testwait.Within(t, 10*time.Second, "the prompt after stty sane", func() bool {
		out := sc.String()
		return strings.Count(out[strings.Index(out, "177"):], "peer$ ") > 0
	})
	s.Write([]byte("echo $((6*7))\r"))
	expect(t, sc, "42")
}
