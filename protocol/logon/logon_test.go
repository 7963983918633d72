package logon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/testwait"
)

// fakeSender records what a runner sends, one entry per call.
type fakeSender struct {
	mu   sync.Mutex
	sent []string
	// onSend, if set, is called after each send (the server's answer).
	onSend func(string)
}

func (f *fakeSender) record(s string) {
	f.mu.Lock()
	f.sent = append(f.sent, s)
	cb := f.onSend
	f.mu.Unlock()
	if cb != nil {
		cb(s)
	}
}

func (f *fakeSender) SendSecretLine(text, shown string) {
	f.record(fmt.Sprintf("line %q shown %q", text, shown))
}
func (f *fakeSender) SendData(p []byte)       { f.record(fmt.Sprintf("data %q", p)) }
func (f *fakeSender) SendSecretData(p []byte) { f.record(fmt.Sprintf("secret %q", p)) }

func (f *fakeSender) got() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.sent...)
}

var vars = Vars{User: "admin", Password: "s3cr{t", Enable: "en-9}", Host: "r1.example", Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)}

var expandTests = []struct {
	name, send string
	enter      bool
	want       []Line
	err        string
}{
	{name: "plain line", send: "enable", enter: true, want: []Line{{Text: "enable", Shown: "enable", Enter: true}}},
	{name: "user", send: "{user}", enter: true, want: []Line{{Text: "admin", Shown: "admin", Enter: true}}},
	{name: "password is secret", send: "{password}", enter: true, want: []Line{{Text: "s3cr{t", Shown: Masked, Enter: true, Secret: true}}},
	{name: "enable secret is secret", send: "{Enable}", enter: true, want: []Line{{Text: "en-9}", Shown: Masked, Enter: true, Secret: true}}},
	{name: "host and date", send: "show {host} {date}", want: []Line{{Text: "show r1.example 2026-11-29", Shown: "show r1.example 2026-11-29"}}},
	{name: "keys without enter", send: "{ctrl-c}{tab}{esc}{Ctrl-Z}", want: []Line{{Text: "\x03\t\x1b\x1a", Shown: "\x03\t\x1b\x1a"}}},
	{name: "enter splits", send: "a{enter}b{enter}", want: []Line{{Text: "a", Shown: "a", Enter: true}, {Text: "b", Shown: "b", Enter: true}}},
	{name: "enter only", send: "{enter}", want: []Line{{Enter: true}}},
	{name: "literal brace", send: "{{user} }", enter: true, want: []Line{{Text: "{user} }", Shown: "{user} }", Enter: true}}},
	{name: "empty sends nothing", send: "", want: nil},
	{name: "empty line with enter", send: "", enter: true, want: []Line{{Enter: true}}},
	{name: "unknown", send: "{nope}", err: "unknown placeholder {nope}"},
	{name: "unclosed", send: "x{user", err: "not closed"},
	// Found by fuzzing: none yet.
}

func TestExpand(t *testing.T) {
	for _, tt := range expandTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Expand(tt.send, vars, tt.enter)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "logon: ") {
					t.Fatalf("err %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %#v, %v; want %#v", got, err, tt.want)
			}
		})
	}
}

// runTests are conversations: script[0] is what the server prints first,
// script[i] its answer to the i-th thing sent. Each answer is fed in two
// reads cut at every offset.
var runTests = []struct {
	name   string
	script []string
	steps  []Step
	want   []string
	kind   Kind // when err is set
	err    string
}{
	{
		name:   "unix login",
		script: []string{"Debian\r\nlogin: ", "admin\r\nPassword: ", "\r\nLast login\r\npeer$ "},
		steps:  Unix,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
	},
	{
		name:   "telnet login: login:",
		script: []string{"Debian\r\nlogin: ", "admin\r\nPassword: ", "\r\nLast login: Mon Dec  7 08:00\r\npeer$ "},
		steps:  Login,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
	},
	{
		name:   "telnet login: Username: and a router prompt",
		script: []string{"\r\nUser Access Verification\r\n\r\nUsername: ", "admin\r\nPassword: ", "\r\nr1>"},
		steps:  Login,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
	},
	{
		name:   "telnet login: User Name: in capitals, password: in lower case",
		script: []string{"HP J9773A\r\nUSER NAME:", "admin\r\npassword:", "\r\nswitch# "},
		steps:  Login,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
	},
	{
		name:   "telnet login: the server took USER and asks only for the password",
		script: []string{"\r\nPassword: ", "\r\npeer$ "},
		steps:  withTimeout(Login, 0, 100*time.Millisecond),
		want:   []string{`line "s3cr{t" shown "********"`},
	},
	{
		name:   "telnet login: a refused password stops it",
		script: []string{"login: ", "admin\r\nPassword: ", "\r\nLogin incorrect\r\nlogin: "},
		steps:  Login,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
		kind:   Refused, err: "Login incorrect",
	},
	{
		name:   "cisco with enable password",
		script: []string{"\r\nUser Access Verification\r\n\r\nUsername: ", "admin\r\nPassword: ", "\r\nr1>", "enable\r\nPassword: ", "\r\nr1#", "terminal length 0\r\nr1#"},
		steps:  Cisco,
		want: []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`, `line "enable" shown "enable"`,
			`line "en-9}" shown "********"`, `line "terminal length 0" shown "terminal length 0"`},
	},
	{
		name:   "cisco without enable password: the step times out and goes on",
		script: []string{"Username: ", "admin\r\nPassword: ", "\r\nr1>", "enable\r\nr1#", "terminal length 0\r\nr1#"},
		steps:  withTimeout(Cisco, 3, 100*time.Millisecond),
		want: []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`, `line "enable" shown "enable"`,
			`line "terminal length 0" shown "terminal length 0"`},
	},
	{
		name:   "regexp step",
		script: []string{"Router uptime 3 days\r\nfoo-17> "},
		steps:  []Step{{Expect: `foo-\d+> $`, Regexp: true, Send: "show ver", NoEnter: true}},
		want:   []string{`data "show ver"`},
	},
	{
		name:   "keys then a secret without enter",
		script: []string{"PIN? "},
		steps:  []Step{{Expect: "PIN?", Send: "{ctrl-u}{password}", NoEnter: true}},
		want:   []string{`secret "\x15s3cr{t"`},
	},
	{
		name:   "a prompt is not matched twice",
		script: []string{"Password: ", "\r\n"},
		steps:  []Step{{Expect: "Password:", Send: "{password}"}, {Expect: "Password:", Send: "again", Timeout: 50 * time.Millisecond}},
		want:   []string{`line "s3cr{t" shown "********"`},
		kind:   TimedOut, err: `logon: step 2 of 2: "Password:" did not appear within 0.1 s`,
	},
	{
		name:   "never matching step stops",
		script: []string{"Welcome\r\n"},
		steps:  []Step{{Expect: "login:", Send: "{user}", Timeout: 30 * time.Millisecond}},
		kind:   TimedOut, err: `logon: step 1 of 1: "login:" did not appear within 0 s`,
	},
	{
		name:   "login incorrect",
		script: []string{"login: ", "admin\r\nPassword: ", "\r\nLogin incorrect\r\nlogin: "},
		steps:  Unix,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
		kind:   Refused, err: `logon: step 3 of 3: the server refused the login: "Login incorrect"`,
	},
	{
		name:   "cisco login invalid",
		script: []string{"Username: ", "admin\r\nPassword: ", "\r\n% Login invalid\r\n\r\nUsername: "},
		steps:  Cisco,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
		kind:   Refused, err: `step 3 of 5: the server refused the login: "% Login invalid"`,
	},
	{
		name:   "access denied while a step waits for a password",
		script: []string{"User: ", "\r\nACCESS DENIED (no such user)\r\n"},
		steps:  []Step{{Expect: "User:", Send: "{user}"}, {Expect: "Password:", Send: "{password}"}},
		want:   []string{`line "admin" shown "admin"`},
		kind:   Refused, err: `step 2 of 2: the server refused the login: "ACCESS DENIED (no such user)"`,
	},
	{
		name:   "a banner's warning before anything is sent is no failure",
		script: []string{"UNAUTHORISED ACCESS DENIED\r\nlogin: ", "admin\r\nPassword: ", "\r\npeer$ "},
		steps:  Unix,
		want:   []string{`line "admin" shown "admin"`, `line "s3cr{t" shown "********"`},
	},
	{
		name:   "step without expect sends at once",
		script: []string{""},
		steps:  []Step{{Send: "{enter}", NoEnter: true}},
		want:   []string{`line "" shown ""`},
	},
}

// withTimeout returns a copy of steps with step i's timeout set to d.
func withTimeout(steps []Step, i int, d time.Duration) []Step {
	out := append([]Step(nil), steps...)
	out[i].Timeout = d
	return out
}

func TestRunSplitAtEveryOffset(t *testing.T) {
	for _, tt := range runTests {
		longest := 0
		for _, s := range tt.script {
			longest = max(longest, len(s))
		}
		for cut := 0; cut <= longest; cut++ {
			t.Run(fmt.Sprintf("%s/cut%d", tt.name, cut), func(t *testing.T) {
				checkRun(t, tt.steps, tt.script, tt.want, tt.kind, tt.err, cut)
			})
		}
	}
}

// feedCut feeds chunk in two reads, cut at offset cut (or whole).
func feedCut(r *Runner, chunk string, cut int) {
	if cut > len(chunk) {
		cut = len(chunk)
	}
	r.Feed([]byte(chunk[:cut]))
	time.Sleep(time.Millisecond)
	r.Feed([]byte(chunk[cut:]))
}

// checkRun runs steps against a scripted server whose answers arrive in
// two reads each.
func checkRun(t *testing.T, steps []Step, script, want []string, kind Kind, wantErr string, cut int) {
	t.Helper()
	f := &fakeSender{}
	r := New(f, steps, vars, nil)
	chunks := make(chan string, len(script))
	chunks <- script[0]
	next := 1
	f.onSend = func(string) {
		if next < len(script) {
			chunks <- script[next]
			next++
		}
	}
	go func() { // one feeder, so that the reads keep their order
		for c := range chunks {
			feedCut(r, c, cut)
		}
	}()
	defer close(chunks)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := r.Run(ctx, nil)
	if wantErr == "" {
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	} else {
		var e *Error
		if !errors.As(err, &e) || e.Kind != kind || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("Run: %v, want kind %d and %q", err, kind, wantErr)
		}
	}
	if got := f.got(); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Fatalf("sent %q, want %q", got, want)
	}
}

func TestRunFeedOneByteAtATime(t *testing.T) {
	tt := runTests[1]
	f := &fakeSender{}
	r := New(f, tt.steps, vars, nil)
	feed := func(chunk string) {
		for i := range len(chunk) {
			r.Feed([]byte{chunk[i]})
			time.Sleep(100 * time.Microsecond)
		}
	}
	chunks := make(chan string, len(tt.script))
	chunks <- tt.script[0]
	next := 1
	f.onSend = func(string) { chunks <- tt.script[next]; next++ }
	go func() {
		for c := range chunks {
			feed(c)
		}
	}()
	defer close(chunks)
	if err := r.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if got := f.got(); !reflect.DeepEqual(got, tt.want) {
		t.Fatalf("sent %q, want %q", got, tt.want)
	}
}

func TestInterruptStopsAtOnce(t *testing.T) {
	f := &fakeSender{}
	r := New(f, Unix, vars, nil)
	var seen []string
	done := make(chan error, 1)
	go func() { done <- r.Run(context.Background(), func(p Progress) { seen = append(seen, p.String()) }) }()
	r.Feed([]byte("login: "))
	testwait.Until(t, "the user name sent", func() bool { return len(f.got()) > 0 })
	r.Interrupt() // the person typed while the runner waits for Password:
	r.Interrupt()
	start := time.Now()
	r.Feed([]byte("Password: "))
	err := <-done
	var e *Error
	if !errors.As(err, &e) || e.Kind != Interrupted || e.Step != 2 {
		t.Fatalf("Run: %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatal("Interrupt did not stop the runner at once")
	}
	if got := f.got(); len(got) != 1 {
		t.Fatalf("sent %q after the person typed", got)
	}
	if seen[0] != "Logon: step 1 of 3, waiting for “login:”" || seen[2] != "Logon: step 2 of 3, waiting for “Password:”" {
		t.Fatalf("progress %q", seen)
	}
	if !strings.Contains(Explain(err), "you typed") {
		t.Fatal(Explain(err))
	}
}

func TestContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := New(&fakeSender{}, Unix, vars, nil)
	go cancel()
	var e *Error
	if err := r.Run(ctx, nil); !errors.As(err, &e) || e.Kind != Ended || !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v", err)
	}
}

func TestWindowIsBounded(t *testing.T) {
	r := New(&fakeSender{}, nil, vars, nil)
	junk := strings.Repeat("x", 1000)
	for range 100 {
		r.Feed([]byte(junk))
	}
	r.Feed([]byte("login: "))
	if len(r.window) != Window || !strings.HasSuffix(string(r.window), "login: ") {
		t.Fatalf("window is %d bytes", len(r.window))
	}
}

func TestValidate(t *testing.T) {
	bad := []struct {
		steps []Step
		want  string
	}{
		{[]Step{{Expect: "(", Regexp: true}}, "step 1 of 1: \"(\" is not a valid regular expression"},
		{[]Step{{}, {Send: "{pass}"}}, "step 2 of 2: logon: unknown placeholder {pass}"},
		{[]Step{{Expect: strings.Repeat("a", MaxExpect+1)}}, "longer than"},
	}
	for _, b := range bad {
		err := Validate(b.steps)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Validate: %v, want %q", err, b.want)
		}
		var e *Error
		if err := New(&fakeSender{}, b.steps, vars, nil).Run(context.Background(), nil); err == nil || errors.As(err, &e) {
			t.Errorf("Run with invalid steps: %v", err)
		}
	}
	for _, tpl := range Templates {
		if err := Validate(tpl.Steps); err != nil {
			t.Errorf("%s: %v", tpl.Name, err)
		}
		if !NeedsPassword(tpl.Steps) {
			t.Errorf("%s does not need a password", tpl.Name)
		}
	}
	if NeedsPassword([]Step{{Send: "{user}"}}) {
		t.Error("NeedsPassword without {password}")
	}
}

// TestNeedsEnable: {enable} is its own secret, apart from {password};
// the Cisco template sends it to enable, not the login password. NeedsUser
// finds {user} alike.
func TestNeedsEnable(t *testing.T) {
	tests := []struct {
		name                       string
		steps                      []Step
		password, enableOnly, user bool
	}{
		{"cisco", Cisco, true, true, true},
		{"unix", Unix, true, false, true},
		{"telnet login", Login, true, false, true},
		{"enable only", []Step{{Send: "x{enable}"}}, false, true, false},
		{"password only", []Step{{Send: "{password}"}}, true, false, false},
		{"user in a line", []Step{{Send: "su - {USER}"}}, false, false, true},
		{"literal braces", []Step{{Send: "{{enable}{{password}{{user}"}}, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsPassword(tt.steps); got != tt.password {
				t.Errorf("NeedsPassword = %v", got)
			}
			if got := NeedsEnable(tt.steps); got != tt.enableOnly {
				t.Errorf("NeedsEnable = %v", got)
			}
			if got := NeedsUser(tt.steps); got != tt.user {
				t.Errorf("NeedsUser = %v", got)
			}
		})
	}
}

func TestStepJSON(t *testing.T) {
	steps := []Step{{Expect: "Password:", Send: "{password}", Timeout: 2500 * time.Millisecond, OnTimeout: Continue}, {Expect: "#", Regexp: true, NoEnter: true}}
	b, err := json.Marshal(steps)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"expect":"Password:","send":"{password}","timeout":2.5,"onTimeout":"continue"},{"expect":"#","regexp":true,"noEnter":true}]`
	if string(b) != want {
		t.Fatalf("got %s\nwant %s", b, want)
	}
	var back []Step
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, steps) {
		t.Fatalf("round trip: %v %+v", err, back)
	}
	if err := json.Unmarshal([]byte(`[{"onTimeout":"later"}]`), &back); err == nil {
		t.Fatal("bad onTimeout accepted")
	}
}

func TestExplain(t *testing.T) {
	err := &Error{Kind: TimedOut, Step: 2, Of: 4, Expect: "Password:", Timeout: 10 * time.Second}
	if got, want := Explain(err), "Logon stopped at step 2 of 4: “Password:” did not appear within 10 s. The session is yours."; got != want {
		t.Fatalf("got %q", got)
	}
	if got := (Progress{Step: 2, Of: 4, Expect: "Password:"}).String(); got != "Logon: step 2 of 4, waiting for “Password:”" {
		t.Fatal(got)
	}
}
