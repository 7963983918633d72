package highlight

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/screen"
)

// Limits on what a rule may hold: a rule comes from a person or a
// profiles file, and a row is matched against every rule.
const (
	MaxPatternLen = 512
	MaxRules      = 100
)

// Style is how matched text is shown. A zero colour leaves the cell's
// own.
type Style struct {
	FG, BG screen.Color
	Bold   bool
}

// Rule is one highlighting rule. A word matches whole (not inside a
// longer word) and without regard to case; a regular expression
// (Go's RE2 syntax) matches as written.
type Rule struct {
	Pattern string
	Regexp  bool
	Style   Style
}

// ParseRule reads one rule: the pattern (a bare word, a "quoted phrase"
// or a /regular expression/; a backslash escapes the closing quote or
// slash), then the style: a colour name or #rrggbb for the text, "on"
// and a colour for the background, "bold".
//
//	down  red bold
//	err-disabled  white on red bold
//	/%[A-Z0-9_]+-[0-3]-[A-Z0-9_]+/  yellow
func ParseRule(line string) (Rule, error) {
	var r Rule
	pat, rest, err := splitPattern(strings.TrimSpace(line))
	if err != nil {
		return r, err
	}
	r.Pattern, r.Regexp = pat.text, pat.regexp
	if r.Pattern == "" {
		return r, errors.New("highlight: empty pattern")
	}
	if len(r.Pattern) > MaxPatternLen {
		return r, fmt.Errorf("highlight: pattern longer than %d bytes", MaxPatternLen)
	}
	if r.Regexp {
		if _, err := regexp.Compile(r.Pattern); err != nil {
			return r, fmt.Errorf("highlight: %w", err)
		}
	}
	r.Style, err = parseStyle(strings.Fields(rest))
	return r, err
}

type pattern struct {
	text   string
	regexp bool
}

// splitPattern takes the pattern off the front of s.
func splitPattern(s string) (pattern, string, error) {
	if s == "" {
		return pattern{}, "", errors.New("highlight: empty rule")
	}
	if !utf8.ValidString(s) {
		return pattern{}, "", errors.New("highlight: not UTF-8")
	}
	end := s[0]
	if end != '/' && end != '"' {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			i = len(s)
		}
		return pattern{text: s[:i]}, s[i:], nil
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			// In a phrase \x is x; a regular expression keeps its
			// escapes (\/ is / to RE2 too).
			if end == '/' {
				b.WriteByte(c)
			}
			b.WriteByte(s[i+1])
			i++
		case c == end:
			return pattern{text: b.String(), regexp: end == '/'}, s[i+1:], nil
		default:
			b.WriteByte(c)
		}
	}
	return pattern{}, "", fmt.Errorf("highlight: no closing %c", end)
}

func parseStyle(words []string) (Style, error) {
	var st Style
	if len(words) == 0 {
		return st, errors.New("highlight: no colour or bold after the pattern")
	}
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		switch {
		case w == "bold":
			st.Bold = true
		case w == "on":
			if i+1 == len(words) {
				return st, errors.New("highlight: no colour after on")
			}
			i++
			c, err := ParseColor(words[i])
			if err != nil {
				return st, err
			}
			st.BG = c
		default:
			c, err := ParseColor(w)
			if err != nil {
				return st, err
			}
			st.FG = c
		}
	}
	return st, nil
}

// colorNames are the eight base colours (palette 0–7); bright- names
// are 8–15.
var colorNames = []string{"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"}

// ParseColor reads a colour name (red, bright-red…) or #rrggbb.
func ParseColor(s string) (screen.Color, error) {
	s = strings.ToLower(s)
	if len(s) == 7 && s[0] == '#' {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err == nil {
			return screen.RGBColor(uint8(v>>16), uint8(v>>8), uint8(v)), nil
		}
	}
	base, bright := strings.CutPrefix(s, "bright-")
	for i, n := range colorNames {
		if n == base {
			if bright {
				i += 8
			}
			return screen.PaletteColor(uint8(i)), nil
		}
	}
	return 0, fmt.Errorf("highlight: unknown colour %q (red, bright-red, #rrggbb…)", s)
}

// colorName writes a colour as ParseColor reads it.
func colorName(c screen.Color) string {
	if n, ok := c.IsPalette(); ok && n < 16 {
		name := colorNames[n%8]
		if n >= 8 {
			name = "bright-" + name
		}
		return name
	}
	if n, ok := c.IsPalette(); ok { // written only by hand-made rules
		r, g, b := paletteRGB(n)
		return fmt.Sprintf("#%02x%02x%02x", r, g, b)
	}
	r, g, b, _ := c.IsRGB()
	return fmt.Sprintf("#%02x%02x%02x", r, g, b)
}

// paletteRGB approximates a palette entry beyond the 16 named ones.
func paletteRGB(n uint8) (r, g, b uint8) {
	if n >= 232 {
		v := 8 + 10*(n-232)
		return v, v, v
	}
	levels := [6]uint8{0, 95, 135, 175, 215, 255}
	i := n - 16
	return levels[i/36], levels[i/6%6], levels[i%6]
}

// String writes the rule as ParseRule reads it.
func (r Rule) String() string {
	var b strings.Builder
	switch {
	case r.Regexp:
		b.WriteString("/" + escapeSlashes(r.Pattern) + "/")
	case needsQuotes(r.Pattern):
		b.WriteString(`"` + phraseEscaper.Replace(r.Pattern) + `"`)
	default:
		b.WriteString(r.Pattern)
	}
	if r.Style.FG != screen.ColorDefault {
		b.WriteString(" " + colorName(r.Style.FG))
	}
	if r.Style.BG != screen.ColorDefault {
		b.WriteString(" on " + colorName(r.Style.BG))
	}
	if r.Style.Bold {
		b.WriteString(" bold")
	}
	return b.String()
}

// ParseRules reads one rule a line; blank lines and lines starting with
// # are skipped. The error names the first bad line.
func ParseRules(text string) ([]Rule, error) {
	var rules []Rule
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := ParseRule(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		if len(rules) == MaxRules {
			return nil, fmt.Errorf("highlight: more than %d rules", MaxRules)
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// FormatRules writes rules one a line, as ParseRules reads them.
func FormatRules(rules []Rule) string {
	lines := make([]string, len(rules))
	for i, r := range rules {
		lines[i] = r.String()
	}
	return strings.Join(lines, "\n")
}

var phraseEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// needsQuotes reports whether a word pattern would not read back bare.
func needsQuotes(p string) bool {
	return p == "" || strings.IndexFunc(p, unicode.IsSpace) >= 0 || strings.ContainsAny(p[:1], `"/#`)
}

// escapeSlashes escapes the slashes of a regular expression that are not
// escaped already.
func escapeSlashes(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			b.WriteString(p[i : i+2])
			i++
		case p[i] == '/':
			b.WriteString(`\/`)
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}
