package logon

import "strings"

// Turn is one line the person typed while logging in by hand: the server's
// output before it, the line (without Enter), and whether the server had
// echo off, as it does for a password.
type Turn struct {
	Output  string
	Typed   string
	EchoOff bool
}

// Propose turns a login done by hand into steps: each line typed becomes
// a step that waits for the last prompt before it; a line typed with echo
// off becomes {password}, one equal to v.User becomes {user}, and a bare
// Enter becomes {enter}.
func Propose(turns []Turn, v Vars) []Step {
	var steps []Step
	for _, t := range turns {
		st := Step{Expect: lastPrompt(t.Output), Send: Quote(t.Typed)}
		switch {
		case t.Typed == "":
			st.Send, st.NoEnter = "{enter}", true
		case t.EchoOff:
			st.Send = "{password}"
		case v.User != "" && t.Typed == v.User:
			st.Send = "{user}"
		}
		steps = append(steps, st)
	}
	return steps
}

// lastPrompt is the last non-blank line of output, with escape sequences
// and control characters removed and trailing spaces trimmed.
func lastPrompt(output string) string {
	text := printable(output)
	lines := strings.Split(text, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimRight(lines[i], " \t"); strings.TrimSpace(l) != "" {
			l = strings.TrimLeft(l, " \t")
			if len(l) > MaxExpect {
				l = l[len(l)-MaxExpect:]
			}
			return l
		}
	}
	return ""
}

// printable drops ANSI escape sequences and control characters but LF.
func printable(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipEscape(s, i)
		case c == '\n' || c >= 0x20 && c != 0x7f:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// skipEscape returns the index of the last byte of the escape sequence
// starting at s[i] (CSI, or ESC and one byte).
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return i
	}
	if s[i+1] != '[' {
		return i + 1
	}
	for j := i + 2; j < len(s); j++ {
		if s[j] >= 0x40 && s[j] <= 0x7e {
			return j
		}
	}
	return len(s) - 1
}

// Recorder watches a login done by hand and proposes steps from it: give
// it the server's data and the person's keys as they happen.
type Recorder struct {
	output  []byte // server output since the last line typed, bounded
	typed   []byte
	echoOff bool
	turns   []Turn
}

// Output takes server data (Session.OnData).
func (r *Recorder) Output(p []byte) {
	r.output = append(r.output, p...)
	if over := len(r.output) - Window; over > 0 {
		r.output = append(r.output[:0], r.output[over:]...)
	}
}

// Typed takes the person's keys; echoOff says the session is not echoing
// them locally and the server was not expected to (a password prompt).
// Enter ends a line; Backspace removes the last byte.
func (r *Recorder) Typed(p []byte, echoOff bool) {
	for _, c := range p {
		switch c {
		case '\r', '\n':
			if c == '\n' && len(r.typed) == 0 && len(r.turns) > 0 && r.output == nil {
				continue // the LF of CR LF
			}
			r.turns = append(r.turns, Turn{Output: string(r.output), Typed: string(r.typed), EchoOff: r.echoOff})
			r.output, r.typed, r.echoOff = nil, nil, false
		case 0x08, 0x7f:
			if len(r.typed) > 0 {
				r.typed = r.typed[:len(r.typed)-1]
			}
		default:
			r.typed = append(r.typed, c)
			r.echoOff = r.echoOff || echoOff
		}
	}
}

// Steps proposes steps from the lines typed so far.
func (r *Recorder) Steps(v Vars) []Step { return Propose(r.turns, v) }
