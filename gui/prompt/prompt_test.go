package prompt

import (
	"errors"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/specials"
	"github.com/tern-telnet/tern/protocol/telnetopt"
)

// recorder is a Target that records what the prompt asked of it.
type recorder struct {
	connected bool
	calls     []string
	escape    int
	env       telnetopt.Environ
}

func (r *recorder) Connected() bool { return r.connected }
func (r *recorder) Open(h, p, u string) error {
	r.calls = append(r.calls, strings.TrimSpace("open "+h+" "+p+" "+u))
	return nil
}
func (r *recorder) Close() { r.calls = append(r.calls, "close") }
func (r *recorder) Quit()  { r.calls = append(r.calls, "quit") }
func (r *recorder) Logout() error {
	r.calls = append(r.calls, "logout")
	return nil
}
func (r *recorder) Status() protocol.Status {
	return protocol.Status{State: protocol.StateConnected, Host: "h", Escape: 0x1d, LineMode: true, LocalEcho: true}
}
func (r *recorder) Send(v string) error {
	if _, err := specials.Lookup(v); err != nil {
		return err
	}
	r.calls = append(r.calls, "send "+v)
	return nil
}
func (r *recorder) SetEscape(c int) { r.escape = c }
func (r *recorder) Toggle(n string) (string, error) {
	if n != "localecho" {
		return "", errors.New("'" + n + "': unknown argument ('toggle ?' for help).")
	}
	return "Will echo characters locally.", nil
}
func (r *recorder) Toggled(n string) bool      { return n == "localchars" }
func (r *recorder) Mode(m string) error        { r.calls = append(r.calls, "mode "+m); return nil }
func (r *recorder) Environ() telnetopt.Environ { return r.env }
func (r *recorder) SetEnviron(e telnetopt.Environ) {
	r.env = e
	r.calls = append(r.calls, "environ "+strings.TrimRight(envList(r, e, nil), "\r\n"))
}
func (r *recorder) SendEnviron(name string) error {
	if _, ok := r.env.Lookup(name); !ok {
		return protocol.ErrEnvironUndefined
	}
	r.calls = append(r.calls, "environ send "+name)
	return nil
}

func TestCommands(t *testing.T) {
	tests := []struct {
		line      string
		connected bool
		want      string // part of the output
		call      string
		resume    bool
	}{
		{"", true, "", "", true},
		{"frob", true, "?Invalid command", "", true},
		{"frob", false, "?Invalid command", "", false},
		{"s", true, "?Ambiguous command", "", true},
		{"send ayt", true, "", "send ayt", true},
		{"send ip ayt", true, "", "send ayt", true},
		{"send bogus", true, "?Unknown send argument 'bogus'", "", true},
		{"send ?", true, "getstatus  Send request for STATUS", "", true},
		{"st", true, "Connected to h.\r\nOperating in obsolete linemode\r\nLocal character echo\r\nEscape character is '^]'.", "", true},
		{"open mail.example.com 25", false, "", "open mail.example.com 25", true},
		{"open", false, "usage: open [-l user] host-name [port]", "", false},
		{"open -l admin r1.lan 2001", false, "", "open r1.lan 2001 admin", true},
		{"open -l admin r1.lan", false, "", "open r1.lan  admin", true},
		{"open -l", false, "usage: open [-l user] host-name [port]", "", false},
		{"open -a r1.lan", false, "usage: open [-l user] host-name [port]", "", false},
		{"open x", true, "?Already connected to h", "", true},
		{"close", true, "", "close", false}, // telnet> stays after close, as in telnet
		{"close", false, "?Need to be connected first.", "", false},
		{"quit", true, "", "quit", true},
		{"logout", true, "Asked the server to log out and close (DO LOGOUT).", "logout", true},
		{"l", true, "", "logout", true},
		{"logout", false, "?Need to be connected first.", "", false},
		{"mode line", true, "", "mode line", true},
		{"toggle localecho", true, "Will echo characters locally.", "", true},
		{"tog locale", true, "Will echo characters locally.", "", true},
		{"tog local", true, "'local': ambiguous argument ('toggle ?' for help).", "", true},
		{"toggle frob", true, "unknown argument", "", true},
		{"set escape ^X", true, "escape character is '^X'.", "", true},
		{"unset escape", true, "escape character is 'off'.", "", true},
		{"u esc", true, "escape character is 'off'.", "", true},
		{"unset", true, "Need an argument to 'unset' command.  'unset ?' for help.", "", true},
		{"unset ?", true, "escape\tcharacter to escape back to telnet command mode", "", true},
		{"unset frob", true, "'frob': unknown argument ('unset ?' for help).", "", true},
		{"display", true, "will echo characters locally.\r\nwill edit lines locally.\r\nwon't map carriage return on output.\r\nwill recognize certain control characters.\r\nwon't show option processing.\r\n\r\nescape          [^]]\r\nnegotiation     [auto]\r\n", "", true},
		{"toggle ?", true, "options         toggle viewing of options processing (debugging)\r\ncrmod           toggle mapping of received carriage returns\r\n", "", true},
		{"help", true, "status  \tprint status information\r\n", "", false},
		{"?", false, "Commands may be abbreviated.", "", false},
		{"help", true, "environ \tchange environment variables ('environ ?' for more)\r\n", "", false},
		{"environ", true, "Need an argument to 'environ' command.  'environ ?' for help.", "", true},
		{"environ ?", true, "unexport        Don't mark an environment variable for automatic export\r\n", "", true},
		{"environ frob", true, "'frob': unknown argument ('environ ?' for help).", "", true},
		{"environ u X", true, "'u': ambiguous argument ('environ ?' for help).", "", true},
		{"environ define X", true, "Need 2 arguments to 'environ define' command.  'environ ?' for help.", "", true},
		{"environ send X Y", true, "Need only 1 argument to 'environ send' command.  'environ ?' for help.", "", true},
		{"environ list", true, "* USER                 alice\r\n", "", true},
		{"env def DISPLAY ws1:0", false, "", "environ * DISPLAY              ws1:0\r\n* USER                 alice", false},
		{`environ define GREETING "hello world"`, true, "", "environ * GREETING             hello world\r\n* USER                 alice", true},
		{"environ define BAD a\x01", true, "control characters cannot be sent.", "", true},
		{"environ unexport USER", true, "", "environ   USER                 alice", true},
		{"environ undefine USER", true, "", "environ ", true},
		{"environ undefine NOPE", true, "", "", true},
		{"environ send USER", true, "", "environ send USER", true},
		{"environ send NOPE", true, "Cannot send 'NOPE': variable not defined", "", true},
	}
	for _, tc := range tests {
		r := &recorder{connected: tc.connected, env: telnetopt.EnvironOf("alice", nil, nil)}
		out, resume := Run(tc.line, r)
		if !strings.Contains(out, tc.want) {
			t.Errorf("%q: output %q lacks %q", tc.line, out, tc.want)
		}
		if tc.call != "" && (len(r.calls) == 0 || r.calls[len(r.calls)-1] != tc.call) {
			t.Errorf("%q: calls %q, want last %q", tc.line, r.calls, tc.call)
		}
		if resume != tc.resume {
			t.Errorf("%q: resume %v, want %v", tc.line, resume, tc.resume)
		}
		if strings.HasSuffix(out, "'off'.\r\n") && r.escape != escapechar.None {
			t.Errorf("%q: escape %d, want none", tc.line, r.escape)
		}
	}
}
