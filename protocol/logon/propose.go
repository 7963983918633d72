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
// off, or at a password prompt (IsPasswordPrompt, in any language of its
// table), becomes {password}, one equal to v.User becomes {user}, and a
// bare Enter becomes {enter}. A secret is never proposed as a literal.
func Propose(turns []Turn, v Vars) []Step {
	var steps []Step
	for _, t := range turns {
		st := Step{Expect: lastPrompt(t.Output), Send: Quote(t.Typed)}
		switch {
		case t.Typed == "":
			st.Send, st.NoEnter = "{enter}", true
		case t.EchoOff || IsPasswordPrompt(t.Output):
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
	// quiet: the line's keys were typed without local echo; echoed is the
	// server's output since its first key (bounded), to see whether the
	// server echoed them. unsure is 1 + the index of the turn taken for a
	// secret because nothing echoed it yet (a server may echo a line only
	// after Enter); 0 means none.
	quiet  bool
	echoed []byte
	unsure int
	turns  []Turn
}

// Output takes server data (Session.OnData).
func (r *Recorder) Output(p []byte) {
	r.output = appendBounded(r.output, p)
	if len(r.typed) > 0 || r.unsure > 0 {
		r.echoed = appendBounded(r.echoed, p)
	}
	if r.unsure > 0 {
		if t := &r.turns[r.unsure-1]; echoedBack(r.echoed, []byte(t.Typed)) {
			t.EchoOff, r.unsure = false, 0 // echoed after all: not a secret
		}
	}
}

// appendBounded appends p to b, keeping the last Window bytes.
func appendBounded(b, p []byte) []byte {
	b = append(b, p...)
	if over := len(b) - Window; over > 0 {
		b = append(b[:0], b[over:]...)
	}
	return b
}

// Typed takes the person's keys; secret says the session takes them for
// a secret (a password prompt, and no local echo); quiet that nothing
// echoes them locally. A line typed quietly that the server did not echo
// either is taken for a secret too (when in doubt). Enter ends a line;
// Backspace removes the last byte.
func (r *Recorder) Typed(p []byte, secret, quiet bool) {
	for _, c := range p {
		switch c {
		case '\r', '\n':
			if c == '\n' && len(r.typed) == 0 && len(r.turns) > 0 && r.output == nil {
				continue // the LF of CR LF
			}
			unechoed := r.quiet && !echoedBack(r.echoed, r.typed)
			r.turns = append(r.turns, Turn{Output: string(r.output), Typed: string(r.typed), EchoOff: r.echoOff || unechoed})
			r.unsure = 0
			if unechoed && !r.echoOff && len(r.typed) > 0 {
				r.unsure = len(r.turns)
			}
			r.output, r.typed, r.echoOff, r.quiet, r.echoed = nil, nil, false, false, nil
		case 0x08, 0x7f:
			if len(r.typed) > 0 {
				r.typed = r.typed[:len(r.typed)-1]
			}
		default:
			if len(r.typed) == 0 {
				r.unsure, r.echoed = 0, nil // the next line began: what came back is settled
			}
			r.typed = append(r.typed, c)
			r.echoOff = r.echoOff || secret
			r.quiet = r.quiet || quiet
		}
	}
}

// echoedBack reports whether the server's output shows the first half of
// what was typed (the rest may still be on its way when Enter is typed).
func echoedBack(output, typed []byte) bool {
	half := typed[:(len(typed)+1)/2]
	return strings.Contains(printable(string(output)), string(half))
}

// Steps proposes steps from the lines typed so far.
func (r *Recorder) Steps(v Vars) []Step { return Propose(r.turns, v) }
