package specials

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		verb, want, err string
	}{
		{verb: "ayt", want: "ayt"},
		{verb: "AYT", want: "ayt"},
		{verb: "break", want: "brk"},
		{verb: "intp", want: "ip"},
		{verb: "sy", want: "synch"},
		{verb: "getst", want: "getstatus"},
		{verb: "e", err: "?Ambiguous send argument 'e'"},
		{verb: "nonsense", err: "?Unknown send argument 'nonsense'"},
	}
	for _, tt := range tests {
		t.Run(tt.verb, func(t *testing.T) {
			sp, err := Lookup(tt.verb)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("got %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || sp.Verb != tt.want {
				t.Fatalf("got %q, %v; want %q", sp.Verb, err, tt.want)
			}
		})
	}
}

// TestListIsUnique: every verb once, each with a menu name and help text.
func TestListIsUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, sp := range List {
		if seen[sp.Verb] || sp.Name == "" || !strings.HasPrefix(sp.Help, "Send") && !strings.HasPrefix(sp.Help, "Perform") {
			t.Errorf("%+v", sp)
		}
		seen[sp.Verb] = true
	}
}
