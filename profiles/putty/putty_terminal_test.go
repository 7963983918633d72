package putty

import (
	"reflect"
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestDefaultColoursAgree: the palette profiles starts a session's colours
// from is PuTTY's, as its Save button writes it.
func TestDefaultColoursAgree(t *testing.T) {
	got := make([]string, len(puttyDefaultColours))
	for i, c := range puttyDefaultColours {
		hex, ok := puttyRGB(c)
		if !ok {
			t.Fatalf("Colour%d %q does not read", i, c)
		}
		got[i] = hex
	}
	if want := profiles.DefaultColours(); !reflect.DeepEqual(got, want) {
		t.Fatalf("PuTTY's palette %v, profiles' %v", got, want)
	}
}
