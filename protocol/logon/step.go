package logon

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// DefaultTimeout is how long a step waits when its Timeout is 0.
const DefaultTimeout = 10 * time.Second

// MaxExpect bounds a step's Expect, so that it always fits in the window
// of recent output the Runner keeps.
const MaxExpect = 1024

// OnTimeout says what happens when a step's text does not appear in time.
type OnTimeout int

const (
	// Stop ends the logon with an error naming the step (the zero value).
	Stop OnTimeout = iota
	// Continue skips the step (nothing is sent) and goes on with the next.
	Continue
)

func (o OnTimeout) String() string {
	if o == Continue {
		return "continue"
	}
	return "stop"
}

// MarshalText writes "stop" or "continue".
func (o OnTimeout) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads "stop" (or "") and "continue".
func (o *OnTimeout) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "stop":
		*o = Stop
	case "continue":
		*o = Continue
	default:
		return fmt.Errorf("logon: on timeout %q is neither stop nor continue", b)
	}
	return nil
}

// Step is one logon action: wait for Expect, then send Send. Every zero
// value means the default its comment names.
type Step struct {
	// Expect is the text to wait for in the server's output; "" means do
	// not wait. It is matched as is, case and spaces included.
	Expect string
	// Regexp says Expect is a Go regular expression (RE2 syntax).
	Regexp bool
	// Send is what to send once Expect appeared, with placeholders (see
	// Expand); "" sends nothing, for a step that only waits (for a shell
	// prompt, so that a refused login is noticed).
	Send string
	// NoEnter sends Send as written; false ends it with Enter, as a line.
	NoEnter bool
	// Timeout is how long to wait for Expect; 0 means DefaultTimeout.
	Timeout time.Duration
	// OnTimeout says what a timeout does; the zero value is Stop.
	OnTimeout OnTimeout
}

// stepJSON is Step in profiles.json: the timeout in seconds.
type stepJSON struct {
	Expect    string    `json:"expect,omitempty"`
	Regexp    bool      `json:"regexp,omitempty"`
	Send      string    `json:"send,omitempty"`
	NoEnter   bool      `json:"noEnter,omitempty"`
	Timeout   float64   `json:"timeout,omitempty"` // seconds
	OnTimeout OnTimeout `json:"onTimeout,omitzero"`
}

// MarshalJSON writes a step with its timeout in seconds.
func (s Step) MarshalJSON() ([]byte, error) {
	return json.Marshal(stepJSON{s.Expect, s.Regexp, s.Send, s.NoEnter, s.Timeout.Seconds(), s.OnTimeout})
}

// UnmarshalJSON reads a step written by MarshalJSON.
func (s *Step) UnmarshalJSON(b []byte) error {
	var j stepJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = Step{j.Expect, j.Regexp, j.Send, j.NoEnter, time.Duration(j.Timeout * float64(time.Second)), j.OnTimeout}
	return nil
}

func (s Step) timeout() time.Duration {
	if s.Timeout <= 0 {
		return DefaultTimeout
	}
	return s.Timeout
}

// Validate checks every step: Expect not too long and, for a regular
// expression, valid; Send's placeholders known. The error names the step.
func Validate(steps []Step) error {
	for i, s := range steps {
		if _, err := s.matcher(); err != nil {
			return fmt.Errorf("logon: step %d of %d: %w", i+1, len(steps), err)
		}
		if _, err := Expand(s.Send, Vars{}, false); err != nil {
			return fmt.Errorf("logon: step %d of %d: %w", i+1, len(steps), err)
		}
	}
	return nil
}

// NeedsPassword reports whether any step sends {password}, so that the
// caller knows to fetch it from the keychain or ask for it once.
func NeedsPassword(steps []Step) bool { return sends(steps, Vars{Password: secretMark}) }

// NeedsEnable reports whether any step sends {enable}, the enable secret
// the caller fetches or asks for apart from the password.
func NeedsEnable(steps []Step) bool { return sends(steps, Vars{Enable: secretMark}) }

// NeedsUser reports whether any step sends {user}, so that the caller can
// hold the steps back when it has no user name to type.
func NeedsUser(steps []Step) bool { return sends(steps, Vars{User: secretMark}) }

// secretMark stands for a secret while looking for where it is sent.
const secretMark = "\x00secret\x00"

// sends reports whether a step's expansion with v holds secretMark (a
// secret or, for NeedsUser, the user name).
func sends(steps []Step, v Vars) bool {
	for _, s := range steps {
		if lines, err := Expand(s.Send, v, false); err == nil {
			for _, l := range lines {
				if strings.Contains(l.Text, secretMark) {
					return true
				}
			}
		}
	}
	return false
}

// matcher finds Expect in text: the start and end of the first match, or
// -1, -1.
type matcher func(text []byte) (int, int)

func (s Step) matcher() (matcher, error) {
	if len(s.Expect) > MaxExpect {
		return nil, fmt.Errorf("the text to wait for is longer than %d bytes", MaxExpect)
	}
	if !s.Regexp {
		want := []byte(s.Expect)
		return func(text []byte) (int, int) {
			if i := bytes.Index(text, want); i >= 0 {
				return i, i + len(want)
			}
			return -1, -1
		}, nil
	}
	re, err := regexp.Compile(s.Expect)
	if err != nil {
		return nil, fmt.Errorf("%q is not a valid regular expression: %w", s.Expect, err)
	}
	return func(text []byte) (int, int) {
		if m := re.FindIndex(text); m != nil {
			return m[0], m[1]
		}
		return -1, -1
	}, nil
}

// Templates: starting points the person edits in the profile.
var (
	// Cisco logs in to an IOS-style router: user, password, enable with
	// its own secret ({enable}; its prompt is skipped when it does not
	// come) and no paging.
	Cisco = []Step{
		{Expect: "Username:", Send: "{user}"},
		{Expect: "Password:", Send: "{password}"},
		{Expect: `[>#]\s*$`, Regexp: true, Send: "enable"},
		{Expect: "Password:", Send: "{enable}", Timeout: 3 * time.Second, OnTimeout: Continue},
		{Expect: `#\s*$`, Regexp: true, Send: "terminal length 0"},
	}
	// Login answers the prompts most Telnet servers log in with: a user
	// name prompt ("login:", "Username:", "User Name:", any case; skipped
	// when it does not come, as from a server that took USER through
	// NEW-ENVIRON and asks only for the password), the password, then
	// waits a while for a prompt so that "Login incorrect" stops it.
	Login = []Step{
		{Expect: `(?i)(login|user ?name):\s*$`, Regexp: true, Send: "{user}", OnTimeout: Continue},
		{Expect: `(?i)password:\s*$`, Regexp: true, Send: "{password}"},
		{Expect: `[$#%>]\s*$`, Regexp: true, OnTimeout: Continue},
	}
	// Unix logs in to a Unix telnetd (login(1)) and waits for the shell
	// prompt, so that "Login incorrect" stops it.
	Unix = []Step{
		{Expect: "login:", Send: "{user}"},
		{Expect: "Password:", Send: "{password}"},
		{Expect: `[$#%>] ?$`, Regexp: true},
	}
)

// Templates lists the templates by name, for a menu.
var Templates = []struct {
	Name  string
	Steps []Step
}{
	{"Telnet login (any server)", Login},
	{"Cisco IOS login", Cisco},
	{"Unix telnetd login", Unix},
}
