package highlight

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/screen"
)

var red, brightRed, white = screen.PaletteColor(1), screen.PaletteColor(9), screen.PaletteColor(7)

var ruleCases = []struct {
	name, line string
	want       Rule
	err        string // part of the error, "" for none
}{
	{"word and colour", "down red", Rule{Pattern: "down", Style: Style{FG: red}}, ""},
	{"bold and bright", "down  bright-red   bold", Rule{Pattern: "down", Style: Style{FG: brightRed, Bold: true}}, ""},
	{"background", "err-disabled white on red", Rule{Pattern: "err-disabled", Style: Style{FG: white, BG: red}}, ""},
	{"hex colour", "denied #ff8000", Rule{Pattern: "denied", Style: Style{FG: screen.RGBColor(255, 128, 0)}}, ""},
	{"phrase", `"line protocol is down" on red`, Rule{Pattern: "line protocol is down", Style: Style{BG: red}}, ""},
	{"phrase with a quote", `"say \"hi\"" bold`, Rule{Pattern: `say "hi"`, Style: Style{Bold: true}}, ""},
	{"regexp", `/%LINK-\d-UPDOWN/ red`, Rule{Pattern: `%LINK-\d-UPDOWN`, Regexp: true, Style: Style{FG: red}}, ""},
	{"regexp with a slash", `/Gi\d+\/\d+/ red`, Rule{Pattern: `Gi\d+\/\d+`, Regexp: true, Style: Style{FG: red}}, ""},
	{"case of the style words", "down RED Bold", Rule{Pattern: "down", Style: Style{FG: red, Bold: true}}, ""},

	{"empty", "", Rule{}, "empty rule"},
	{"no style", "down", Rule{}, "no colour"},
	{"unknown colour", "down pink", Rule{}, "unknown colour"},
	{"on without a colour", "down on", Rule{}, "no colour after on"},
	{"bad regexp", "/a(/ red", Rule{}, "missing closing )"},
	{"unclosed regexp", "/abc red", Rule{}, "no closing /"},
	{"unclosed phrase", `"abc red`, Rule{}, `no closing "`},
	{"empty phrase", `"" red`, Rule{}, "empty pattern"},
	{"long pattern", strings.Repeat("x", MaxPatternLen+1) + " red", Rule{}, "longer than"},

	// found by fuzzing
	{"phrase ending in a backslash", `"a\\" red`, Rule{Pattern: `a\`, Style: Style{FG: red}}, ""},
	{"not UTF-8", "\xff red", Rule{}, "not UTF-8"},
}

func TestParseRule(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseRule(c.line)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("ParseRule(%q) error %v, want one saying %q", c.line, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseRule(%q): %v", c.line, err)
			}
			if got != c.want {
				t.Fatalf("ParseRule(%q) = %+v, want %+v", c.line, got, c.want)
			}
			again, err := ParseRule(got.String())
			if err != nil || again != got {
				t.Fatalf("ParseRule(%q) = %+v, %v: String does not read back", got.String(), again, err)
			}
		})
	}
}

func TestDefaultRulesParse(t *testing.T) {
	rules := Defaults()
	if len(rules) < 6 {
		t.Fatalf("%d default rules", len(rules))
	}
	text := FormatRules(rules)
	back, err := ParseRules(text)
	if err != nil || len(back) != len(rules) {
		t.Fatalf("FormatRules does not read back: %v\n%s", err, text)
	}
}

func TestParseRulesNamesTheLine(t *testing.T) {
	_, err := ParseRules("# comment\n\ndown red\nup pink\n")
	if err == nil || !strings.HasPrefix(err.Error(), "line 4:") {
		t.Fatalf("error %v, want one naming line 4", err)
	}
	many := strings.Repeat("x red\n", MaxRules+1)
	if _, err := ParseRules(many); err == nil {
		t.Fatal("more than MaxRules rules were taken")
	}
}

func FuzzParseRule(f *testing.F) {
	for _, c := range ruleCases {
		f.Add(c.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		r, err := ParseRule(line)
		if err != nil {
			return
		}
		back, err := ParseRule(r.String())
		if err != nil {
			t.Fatalf("ParseRule(%q) = %+v; its String %q does not parse: %v", line, r, r.String(), err)
		}
		if back.String() != r.String() || back.Style != r.Style || back.Regexp != r.Regexp {
			t.Fatalf("ParseRule(%q) = %+v, read back from %q as %+v", line, r, r.String(), back)
		}
		if !r.Regexp && back.Pattern != r.Pattern {
			t.Fatalf("word %q read back as %q", r.Pattern, back.Pattern)
		}
		Compile([]Rule{r}).Match([]rune(line), nil)
	})
}
