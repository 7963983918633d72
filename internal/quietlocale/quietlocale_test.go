package quietlocale

import (
	"os"
	"testing"
)

func TestHideShortensOnlyACOrPOSIXLocaleWithACharset(t *testing.T) {
	for _, c := range []struct {
		name    string
		env     map[string]string
		changed string // the variable hide shortens, "" for none
		want    string // its value while Fyne starts
	}{
		{"LANG=C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "LANG", "C"},
		{"LANG=C.utf8", map[string]string{"LANG": "C.utf8"}, "LANG", "C"},
		{"LANG=POSIX@euro", map[string]string{"LANG": "POSIX@euro"}, "LANG", "POSIX"},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "LC_ALL", "C"},
		{"LC_MESSAGES wins over LANG", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "C.UTF-8"}, "LC_MESSAGES", "C"},
		{"a real locale first", map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}, "", ""},
		{"bare C is already quiet", map[string]string{"LANG": "C"}, "", ""},
		{"bare POSIX is already quiet", map[string]string{"LANG": "POSIX"}, "", ""},
		{"nothing set", map[string]string{}, "", ""},
		{"LANGUAGE is read instead", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr:en"}, "", ""},
		{"a locale that starts with C", map[string]string{"LANG": "Cy_GB.UTF-8"}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range c.env {
				env[k] = v
			}
			got := hide(func(k string) string { return env[k] },
				func(k, v string) error { env[k] = v; return nil })
			if got.name != c.changed {
				t.Fatalf("changed %q, want %q", got.name, c.changed)
			}
			if c.changed == "" {
				return
			}
			if env[c.changed] != c.want || got.was != c.env[c.changed] {
				t.Fatalf("%s = %q (was %q), want %q (was %q)", c.changed, env[c.changed], got.was, c.want, c.env[c.changed])
			}
		})
	}
}

func TestRestorePutsTheOriginalBack(t *testing.T) {
	t.Setenv("LANG", "C")
	hidden = change{name: "LANG", was: "C.UTF-8"}
	Restore()
	Restore() // a second call changes nothing
	if got := os.Getenv("LANG"); got != "C.UTF-8" {
		t.Fatalf("LANG = %q after Restore, want C.UTF-8", got)
	}
}
