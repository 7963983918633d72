package putty

import (
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

func TestPuTTYKeyboard(t *testing.T) {
	cases := []struct {
		kv          map[string]string
		fk, homeEnd string
	}{
		{map[string]string{}, "", ""}, // not said: Tern's
		{map[string]string{"LinuxFunctionKeys": "0"}, "tilde", ""},
		{map[string]string{"LinuxFunctionKeys": "1"}, "linux", ""},
		{map[string]string{"LinuxFunctionKeys": "2"}, "xtermr6", ""},
		{map[string]string{"LinuxFunctionKeys": "3", "RXVTHomeEnd": "1"}, "vt400", "rxvt"},
		{map[string]string{"LinuxFunctionKeys": "4"}, "vt100+", ""},
		{map[string]string{"LinuxFunctionKeys": "5"}, "sco", ""},
		{map[string]string{"LinuxFunctionKeys": "6"}, "", ""}, // Xterm 216+: xterm's, Tern's default
		{map[string]string{"LinuxFunctionKeys": "9", "RXVTHomeEnd": "0"}, "", ""},
	}
	for _, c := range cases {
		var p profiles.Profile
		puttyKeyboard(&p, c.kv)
		if p.FunctionKeys != c.fk || p.HomeEnd != c.homeEnd {
			t.Errorf("%v: got %q, %q; want %q, %q", c.kv, p.FunctionKeys, p.HomeEnd, c.fk, c.homeEnd)
		}
	}
}
