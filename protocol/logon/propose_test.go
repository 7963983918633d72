package logon

import (
	"reflect"
	"testing"
)

var proposeTests = []struct {
	name  string
	turns []Turn
	want  []Step
}{
	{
		name: "unix login by hand",
		turns: []Turn{
			{Output: "Debian GNU/Linux 12\r\n\r\nrouter login: ", Typed: "admin"},
			{Output: "\r\nPassword: ", Typed: "hunter2", EchoOff: true},
			{Output: "\r\nLast login: today\r\n\x1b[01;32madmin@r1\x1b[0m:~$ ", Typed: "stty -echo {x}"},
		},
		want: []Step{
			{Expect: "router login:", Send: "{user}"},
			{Expect: "Password:", Send: "{password}"},
			{Expect: "admin@r1:~$", Send: "stty -echo {{x}"},
		},
	},
	{
		name:  "enter to wake a console, then a blank last line",
		turns: []Turn{{Output: "", Typed: ""}, {Output: "r1>\r\n\r\n", Typed: "enable"}},
		want:  []Step{{Send: "{enter}", NoEnter: true}, {Expect: "r1>", Send: "enable"}},
	},
}

func TestPropose(t *testing.T) {
	for _, tt := range proposeTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Propose(tt.turns, Vars{User: "admin"})
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %#v\nwant %#v", got, tt.want)
			}
			if err := Validate(got); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestRecorder(t *testing.T) {
	var r Recorder
	r.Output([]byte("Username: "))
	r.Typed([]byte("admi"), false, false)
	r.Typed([]byte("x\x7fn\r"), false, false)
	r.Output([]byte("\r\nPass"))
	r.Output([]byte("word: "))
	for _, k := range "pw" {
		r.Typed([]byte{byte(k)}, true, true)
	}
	r.Typed([]byte("\r\n"), true, true)
	r.Output([]byte("\r\nr1>"))
	r.Typed([]byte("enable\r"), false, false)
	want := []Step{{Expect: "Username:", Send: "{user}"}, {Expect: "Password:", Send: "{password}"}, {Expect: "r1>", Send: "enable"}}
	if got := r.Steps(Vars{User: "admin"}); !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %#v\nwant %#v", got, want)
	}
}
