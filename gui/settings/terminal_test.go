package settings

import (
	"reflect"
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestTerminalRoundTrip: the colours, bell, features and answerback go
// from the profile to the session and back, and the session's palette
// is its own copy.
func TestTerminalRoundTrip(t *testing.T) {
	p := profiles.Profile{Name: "Core", Host: "core.lan", Connection: profiles.Telnet, Negotiation: "auto", LocalEcho: "auto", LocalEdit: "auto",
		Terminal: profiles.Terminal{Colours: []string{"#000000", "#000080"}, Bell: profiles.BellSound, BellTaskbar: true,
			NoRemoteTitle: true, NoAppKeypad: true, NoMouseReporting: true, NoRemoteResize: true, Answerback: "core^M"}}
	st := FromProfile(p)
	if !reflect.DeepEqual(st.Terminal, p.Terminal) {
		t.Fatalf("session terminal %+v, want %+v", st.Terminal, p.Terminal)
	}
	st.Terminal.Colours[0] = "#ffffff"
	if p.Terminal.Colours[0] != "#000000" {
		t.Fatal("the session's palette is the profile's")
	}
	st.Terminal.Colours[0] = "#000000"
	back := ToProfile("Core", st, p)
	if !reflect.DeepEqual(back.Terminal, p.Terminal) {
		t.Fatalf("back %+v, want %+v", back.Terminal, p.Terminal)
	}
}
