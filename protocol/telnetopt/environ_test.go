package telnetopt

import (
	"bytes"
	"fmt"
	"maps"
	"testing"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// TestEnviron: telnet's environ commands as Environ's methods, each on the
// result of the one before; the list reads "*NAME=value" for an exported
// variable.
func TestEnviron(t *testing.T) {
	show := func(e Environ) string {
		var b bytes.Buffer
		for _, v := range e {
			if v.Export {
				b.WriteByte('*')
			}
			fmt.Fprintf(&b, "%s=%s ", v.Name, v.Value)
		}
		return b.String()
	}
	e := EnvironOf("alice", map[string]string{"TERM_PROGRAM": "tern"}, map[string]string{"SECRETISH": "x"})
	steps := []struct {
		name string
		do   func(Environ) (Environ, bool)
		ok   bool
		want string
	}{
		{"from the settings", func(e Environ) (Environ, bool) { return e, true }, true, "SECRETISH=x *TERM_PROGRAM=tern *USER=alice "},
		{"define", func(e Environ) (Environ, bool) { return e.Define("DISPLAY", "ws1:0"), true }, true, "*DISPLAY=ws1:0 SECRETISH=x *TERM_PROGRAM=tern *USER=alice "},
		{"define again replaces and exports", func(e Environ) (Environ, bool) { return e.Define("SECRETISH", "y"), true }, true, "*DISPLAY=ws1:0 *SECRETISH=y *TERM_PROGRAM=tern *USER=alice "},
		{"unexport", func(e Environ) (Environ, bool) { return e.Exported("USER", false) }, true, "*DISPLAY=ws1:0 *SECRETISH=y *TERM_PROGRAM=tern USER=alice "},
		{"export what is not defined", func(e Environ) (Environ, bool) { return e.Exported("NOPE", true) }, false, "*DISPLAY=ws1:0 *SECRETISH=y *TERM_PROGRAM=tern USER=alice "},
		{"undefine", func(e Environ) (Environ, bool) { return e.Undefine("TERM_PROGRAM") }, true, "*DISPLAY=ws1:0 *SECRETISH=y USER=alice "},
		{"undefine what is not defined", func(e Environ) (Environ, bool) { return e.Undefine("TERM_PROGRAM") }, false, "*DISPLAY=ws1:0 *SECRETISH=y USER=alice "},
		{"define at the front", func(e Environ) (Environ, bool) { return e.Define("A", ""), true }, true, "*A= *DISPLAY=ws1:0 *SECRETISH=y USER=alice "},
	}
	for _, st := range steps {
		before := show(e)
		next, ok := st.do(e)
		if show(e) != before {
			t.Fatalf("%s changed the Environ it was called on", st.name)
		}
		if ok != st.ok || show(next) != st.want {
			t.Fatalf("%s: %q (%v), want %q (%v)", st.name, show(next), ok, st.want, st.ok)
		}
		e = next
	}
	vars, unexported := e.Split("alice")
	if !maps.Equal(vars, map[string]string{"A": "", "DISPLAY": "ws1:0", "SECRETISH": "y"}) || !maps.Equal(unexported, map[string]string{"USER": "alice"}) {
		t.Fatalf("Split: %v %v", vars, unexported)
	}
	if back := EnvironOf("alice", vars, unexported); show(back) != show(e) {
		t.Fatalf("EnvironOf(Split) is %q, want %q", show(back), show(e))
	}
}

// TestEnvironUser: the auto-login user gives USER unless "environ" made
// something else of it; Split leaves out what the user name gives anyway.
func TestEnvironUser(t *testing.T) {
	tests := []struct {
		name             string
		user             string
		vars, unexported map[string]string
		want             Variable
		split            map[string]string // Split's vars
	}{
		{"the auto-login user", "alice", nil, nil, Variable{"USER", "alice", true}, nil},
		{"defined as another", "alice", map[string]string{"USER": "bob"}, nil, Variable{"USER", "bob", true}, map[string]string{"USER": "bob"}},
		{"unexported", "alice", nil, map[string]string{"USER": "alice"}, Variable{"USER", "alice", false}, nil},
		{"no auto-login user", "", map[string]string{"USER": "bob"}, nil, Variable{"USER", "bob", true}, map[string]string{"USER": "bob"}},
	}
	for _, tt := range tests {
		e := EnvironOf(tt.user, tt.vars, tt.unexported)
		if v, _ := e.Lookup("USER"); v != tt.want {
			t.Errorf("%s: USER %+v, want %+v", tt.name, v, tt.want)
		}
		if vars, _ := e.Split(tt.user); !maps.Equal(vars, tt.split) {
			t.Errorf("%s: Split %v, want %v", tt.name, vars, tt.split)
		}
	}
}

// TestEnvironInfo: "environ send" tells USER as a well-known variable and
// the others as user variables.
func TestEnvironInfo(t *testing.T) {
	tests := []struct {
		v    Variable
		want []byte
	}{
		{Variable{"USER", "alice", true}, []byte{telnet.SubINFO, telnet.EnvVar, 'U', 'S', 'E', 'R', telnet.EnvValue, 'a', 'l', 'i', 'c', 'e'}},
		{Variable{"X", "1", true}, []byte{telnet.SubINFO, telnet.EnvUserVar, 'X', telnet.EnvValue, '1'}},
	}
	for _, tt := range tests {
		r := EnvironInfo(tt.v)
		if !bytes.Equal(r.Payload, tt.want) || r.Summary != "INFO "+tt.v.Name+"="+tt.v.Value {
			t.Errorf("%v: % x %q, want % x", tt.v, r.Payload, r.Summary, tt.want)
		}
	}
}
