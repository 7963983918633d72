package launch

import (
	"slices"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// memPrefs is the part of fyne.Preferences the list uses, in memory.
type memPrefs struct {
	on    bool
	lists map[string][]string
}

func (p *memPrefs) Bool(string) bool                     { return p.on }
func (p *memPrefs) StringList(key string) []string       { return p.lists[key] }
func (p *memPrefs) SetStringList(key string, v []string) { p.lists[key] = v }

// TestLastTabs: a saved session comes back by name, an unsaved one as
// host and port only (without its user or logon); nothing with the
// option off; a deleted session or a record not understood is none.
func TestLastTabs(t *testing.T) {
	f := &profiles.File{}
	f.Put(profiles.Profile{Name: "Router", Host: "10.0.0.1", Port: "23"})
	p := &memPrefs{lists: map[string][]string{}}
	RememberTabs(p, []settings.Session{
		settings.FromProfile(profiles.Profile{Name: "Router", Host: "10.0.0.1", Port: "23"}),
		{Engine: protocol.Config{Host: "127.0.0.1", User: "ann"}, Logon: []logon.Step{{Expect: "Password:", Send: "{password}"}}},
		{Engine: protocol.Config{Host: " ::1 ", Port: "2324", Negotiation: protocol.NegotiateRaw}},
	})
	want := []string{"saved Router", "telnet 127.0.0.1:23", "raw [::1]:2324"}
	if got := p.lists[PrefLastTabs]; !slices.Equal(got, want) {
		t.Fatalf("remembered %q, want %q", got, want)
	}
	if got := LastTabs(p, f); got != nil {
		t.Fatalf("%d tabs with the option off", len(got))
	}
	p.on = true
	got := LastTabs(p, f)
	if len(got) != 3 || got[0].Name != "Router" || got[1].Name != "" || got[1].Engine.User != "" || got[1].Logon != nil ||
		got[2].Engine.Negotiation != protocol.NegotiateRaw || got[2].Engine.Host != "::1" {
		t.Fatalf("reopened %+v", got)
	}
	f.Delete("Router")
	if _, ok := recordSession("saved Router", f); ok {
		t.Fatal("a deleted session was reopened")
	}
	for _, bad := range []string{"", "telnet", "telnet :23", "ssh h:22", "raw nohost"} {
		if _, ok := recordSession(bad, f); ok {
			t.Errorf("record %q opened a session", bad)
		}
	}
}
