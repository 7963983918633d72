package linedisc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// recordedOutput writes down what the line discipline asks for, one entry
// per call, so that a test sees how the writes are cut.
type recordedOutput struct {
	calls  []string
	echoed strings.Builder
	telnet bool
}

func (r *recordedOutput) SendData(p []byte) { r.calls = append(r.calls, fmt.Sprintf("data %q", p)) }
func (r *recordedOutput) SendLine(p []byte) { r.calls = append(r.calls, fmt.Sprintf("line %q", p)) }
func (r *recordedOutput) SendText(p []byte) { r.calls = append(r.calls, fmt.Sprintf("text %q", p)) }
func (r *recordedOutput) SendReturnLF()     { r.calls = append(r.calls, "return LF") }
func (r *recordedOutput) SendCommand(c byte) {
	r.calls = append(r.calls, "IAC "+telnet.CommandName(c))
}
func (r *recordedOutput) Echo(p []byte)      { r.echoed.Write(p) }
func (r *recordedOutput) EscapePressed()     { r.calls = append(r.calls, "escape") }
func (r *recordedOutput) TelnetSpoken() bool { return r.telnet }

var DisciplineTests = []struct {
	name       string
	edit, echo bool
	telnet     bool
	keys       []string // one widget write each
	want       []string
	wantEcho   string
}{
	{name: "a typed line is one write with its Enter", edit: true, echo: true,
		keys: []string{"E", "H", "L", "O", " ", "x", "\r"},
		want: []string{`line "EHLO x"`}, wantEcho: "EHLO x\r\n"},
	{name: "a pasted CR LF is one Enter", edit: true,
		keys: []string{"QUIT\r\n"}, want: []string{`line "QUIT"`}},
	{name: "backspace edits the line locally", edit: true, echo: true,
		keys: []string{"HELX", "\b", "O\r"},
		want: []string{`line "HELO"`}, wantEcho: "HELX\b \bO\r\n"},
	{name: "^U erases the line", edit: true,
		keys: []string{"junk", "\x15", "ok\r"}, want: []string{`line "ok"`}},
	{name: "^W erases a word", edit: true,
		keys: []string{"MAIL FROM:<a>", "\x17", "FROM:<b>\r"}, want: []string{`line "MAIL FROM:<b>"`}},
	{name: "^V quotes a control character", edit: true, echo: true,
		keys: []string{"\x16", "\x15", "\r"}, want: []string{`line "\x15"`}, wantEcho: "^U\r\n"},
	{name: "cursor keys mean nothing in a line", edit: true,
		keys: []string{"a", "\x1b[A", "b\r"}, want: []string{`line "ab"`}},
	{name: "^C is IP when Telnet is spoken", edit: true, telnet: true,
		keys: []string{"half", "\x03"}, want: []string{"IAC IP"}},
	{name: "^C is data on a plain TCP service", edit: true,
		keys: []string{"\x03", "\r"}, want: []string{`line "\x03"`}},
	{name: "^D sends what is typed without Enter", edit: true,
		keys: []string{"part", "\x04"}, want: []string{`data "part"`}},
	{name: "character mode sends each key", echo: false,
		keys: []string{"l", "s", "\r"}, want: []string{`data "l"`, `data "s"`, `line ""`}},
	{name: "character mode Backspace is EC with Telnet", telnet: true,
		keys: []string{"\x7f"}, want: []string{"IAC EC"}},
	{name: "character mode Ctrl+H is ^H, even with Telnet keys", telnet: true,
		keys: []string{"\b"}, want: []string{`data "\b"`}},
	{name: "character mode Backspace sends what the session says", echo: true,
		keys: []string{"x", "\x7f"}, want: []string{`data "x"`, `data "\x7f"`}, wantEcho: "x\b \b"},
	{name: "character mode Return in newline mode is one key", echo: true,
		keys: []string{"\r\n"}, want: []string{"return LF"}, wantEcho: "\r\n"},
	{name: "character mode Ctrl+J is LF", echo: true,
		keys: []string{"\n"}, want: []string{`data "\n"`}, wantEcho: "\n"},
	{name: "character mode Ctrl+J after Return is still LF",
		keys: []string{"\r", "\n"}, want: []string{`line ""`, `data "\n"`}},
	{name: "character mode Alt+Return in newline mode",
		keys: []string{"\x1b\r\n"}, want: []string{`data "\x1b"`, "return LF"}},
	{name: "line editing: Return in newline mode ends the line once", edit: true, echo: true,
		keys: []string{"ls", "\r\n"}, want: []string{`line "ls"`}, wantEcho: "ls\r\n"},
	{name: "line editing: Ctrl+J ends the line", edit: true,
		keys: []string{"ls", "\n"}, want: []string{`line "ls"`}},
	{name: "line editing: Ctrl+H and Backspace both erase", edit: true,
		keys: []string{"abc", "\b", "\x7f", "d\r"}, want: []string{`line "ad"`}},
	{name: "line editing: a quoted CR before LF is text", edit: true, echo: true,
		keys: []string{"\x16", "\r\n"}, want: []string{`line "\r"`}, wantEcho: "^M\r\n"},
	{name: "the escape character is never sent", edit: true,
		keys: []string{"ab", "\x1d"}, want: []string{"escape"}},
}

func TestLineDiscipline(t *testing.T) {
	for _, tt := range DisciplineTests {
		t.Run(tt.name, func(t *testing.T) {
			out := &recordedOutput{telnet: tt.telnet}
			l := &Discipline{Out: out, Edit: tt.edit, EchoOn: tt.echo, Specials: true, Backspace: 0x7f, EscapeChar: 0x1d}
			for _, k := range tt.keys {
				l.Feed([]byte(k))
			}
			if fmt.Sprint(out.calls) != fmt.Sprint(tt.want) {
				t.Errorf("sent %q, want %q", out.calls, tt.want)
			}
			if tt.echo && out.echoed.String() != tt.wantEcho {
				t.Errorf("echoed %q, want %q", out.echoed.String(), tt.wantEcho)
			}
		})
	}
}

// wireOutput puts what the line discipline sends together as the key
// bytes it stands for: Enter as CR, Return in newline mode as CR LF.
type wireOutput struct {
	recordedOutput
	keys []byte
}

func (w *wireOutput) SendData(p []byte) { w.keys = append(w.keys, p...) }
func (w *wireOutput) SendLine(p []byte) { w.keys = append(append(w.keys, p...), '\r') }
func (w *wireOutput) SendReturnLF()     { w.keys = append(w.keys, '\r', '\n') }

// FuzzLineDiscipline: in character mode without Telnet keys every key
// goes out as what it is, in order (CR as Enter, CR LF in one write as
// Return in newline mode, LF and ^H as themselves, DEL as Backspace's
// DEL), however the writes are cut; local line editing never panics nor
// sends more lines than line ends were typed.
func FuzzLineDiscipline(f *testing.F) {
	for _, tt := range DisciplineTests {
		f.Add([]byte(strings.Join(tt.keys, "")), uint8(len(tt.keys[0])))
	}
	f.Fuzz(func(t *testing.T, keys []byte, cut uint8) {
		at := min(int(cut), len(keys))
		out := &wireOutput{}
		l := &Discipline{Out: out, Backspace: 0x7f, EscapeChar: -1}
		l.Feed(keys[:at])
		l.Feed(keys[at:])
		if !bytes.Equal(out.keys, keys) {
			t.Fatalf("keys %q (cut at %d) went out as %q", keys, at, out.keys)
		}
		edit := &recordedOutput{}
		e := &Discipline{Out: edit, Edit: true, Backspace: 0x7f, EscapeChar: -1}
		e.Feed(keys[:at])
		e.Feed(keys[at:])
		if lines := bytes.Count(keys, []byte("\r")) + bytes.Count(keys, []byte("\n")) + bytes.Count(keys, []byte("\x04")); len(edit.calls) > lines {
			t.Fatalf("keys %q sent %d lines: %q", keys, len(edit.calls), edit.calls)
		}
	})
}
