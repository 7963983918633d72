package escapechar

import "testing"

func TestParseAndName(t *testing.T) {
	tests := []struct {
		in   string
		c    int
		ok   bool
		name string
	}{
		{"^]", 0x1d, true, "^]"},
		{"^x", 0x18, true, "^X"},
		{"^?", 0x7f, true, "^?"},
		{"^@", 0, true, "^@"},
		{"~", '~', true, "~"},
		{"none", None, true, "off"},
		{"OFF", None, true, "off"},
		{"^1", 0, false, ""},
		{"ab", 0, false, ""},
		{"é", 0, false, ""},
		{"", 0, false, ""},
	}
	for _, tt := range tests {
		c, ok := Parse(tt.in)
		if c != tt.c || ok != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tt.in, c, ok, tt.c, tt.ok)
		}
		if ok && Name(c) != tt.name {
			t.Errorf("Name(%d) = %q, want %q", c, Name(c), tt.name)
		}
	}
}

// FuzzParse: whatever is read, its name reads back as the same character.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"^]", "none", "~", "^?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Parse(s)
		if !ok {
			return
		}
		if back, ok := Parse(Name(c)); !ok || back != c {
			t.Fatalf("%q: %d named %q reads back as %d, %v", s, c, Name(c), back, ok)
		}
	})
}
