package trust

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestCertificateExceptionsAreKeptPerHostAndPort: a remembered
// fingerprint is known for its host and port only, another fingerprint
// there is a change, and the exceptions survive a restart (the
// preferences) one line each.
func TestCertificateExceptionsAreKeptPerHostAndPort(t *testing.T) {
	prefs := test.NewTempApp(t).Preferences()
	c := loadCertExceptions(prefs)
	c.remember("mail.example.test:993", "AA")
	c.remember("mail.example.test:465", "BB")
	c.remember("mail.example.test:993", "CC") // replaces AA
	tests := []struct {
		where, fp      string
		known, changed bool
	}{
		{"mail.example.test:993", "CC", true, false},
		{"mail.example.test:993", "AA", false, true},
		{"mail.example.test:465", "BB", true, false},
		{"mail.example.test:25", "BB", false, false},
	}
	again := loadCertExceptions(prefs)
	for _, tt := range tests {
		for _, got := range []*certExceptions{c, again} {
			if known, changed := got.check(tt.where, tt.fp); known != tt.known || changed != tt.changed {
				t.Errorf("check(%s, %s) = %v, %v; want %v, %v", tt.where, tt.fp, known, changed, tt.known, tt.changed)
			}
		}
	}
	saved := prefs.StringList(ExceptionsKey)
	slices.Sort(saved)
	if want := []string{"mail.example.test:465 BB", "mail.example.test:993 CC"}; !slices.Equal(saved, want) {
		t.Fatalf("preferences keep %q, want %q", saved, want)
	}
}
