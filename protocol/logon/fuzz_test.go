package logon

import (
	"context"
	"strings"
	"testing"
	"time"
)

// FuzzExpand: Expand never panics, a secret never shows in Shown, and
// what Quote makes of text comes back as that text.
func FuzzExpand(f *testing.F) {
	for _, tt := range expandTests {
		f.Add(tt.send)
	}
	f.Fuzz(func(t *testing.T, send string) {
		v := Vars{User: "u", Password: "PASSWORD-XYZ", Enable: "ENABLE-XYZ", Host: "h"}
		lines, err := Expand(send, v, true)
		if err != nil {
			return
		}
		for _, l := range lines {
			if strings.Contains(l.Shown, v.Password) && !strings.Contains(send, v.Password) {
				t.Fatalf("%q shows the password: %q", send, l.Shown)
			}
			if strings.Contains(l.Shown, v.Enable) && !strings.Contains(send, v.Enable) {
				t.Fatalf("%q shows the enable secret: %q", send, l.Shown)
			}
		}
		q, err := Expand(Quote(send), Vars{}, false)
		if err != nil || len(q) > 1 || (len(q) == 1 && q[0].Text != send) {
			t.Fatalf("Quote(%q) expands to %#v, %v", send, q, err)
		}
	})
}

// FuzzMatch: a step's text is found however the output is cut, and the
// runner never panics on any output or pattern.
func FuzzMatch(f *testing.F) {
	for _, tt := range runTests {
		for _, chunk := range tt.script {
			for _, st := range tt.steps {
				f.Add(chunk, st.Expect, st.Regexp, uint16(len(chunk)/2))
			}
		}
	}
	f.Fuzz(func(t *testing.T, output, expect string, isRegexp bool, cut uint16) {
		st := Step{Expect: expect, Regexp: isRegexp, Send: "go", Timeout: time.Millisecond}
		if Validate([]Step{st}) != nil || len(output) > Window {
			return
		}
		r := New(&fakeSender{}, []Step{st}, Vars{}, []string{})
		c := min(int(cut), len(output))
		r.Feed([]byte(output[:c]))
		r.Feed([]byte(output[c:]))
		err := r.Run(context.Background(), nil)
		if !isRegexp && strings.Contains(output, expect) && err != nil {
			t.Fatalf("%q in %q cut at %d: %v", expect, output, c, err)
		}
	})
}

// FuzzPropose: any output and typing give valid steps that never hold a
// line typed with echo off.
func FuzzPropose(f *testing.F) {
	for _, tt := range proposeTests {
		for _, turn := range tt.turns {
			f.Add(turn.Output, turn.Typed, turn.EchoOff)
		}
	}
	f.Fuzz(func(t *testing.T, output, typed string, echoOff bool) {
		steps := Propose([]Turn{{Output: output, Typed: typed, EchoOff: echoOff}}, Vars{User: "admin"})
		if err := Validate(steps); err != nil {
			t.Fatalf("%q %q: %v", output, typed, err)
		}
		if echoOff && typed != "" && strings.Contains(steps[0].Send, typed) && typed != "{password}" && !strings.Contains("{password}", typed) {
			t.Fatalf("a secret in a step: %+v", steps[0])
		}
	})
}
