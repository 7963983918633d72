package highlight

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// Span is a run of matched characters in a row: [Start, End) by index
// into the row's runes (one rune a cell).
type Span struct {
	Start, End int
	Style      Style
}

// Set is a compiled list of rules; the first rule to claim a character
// gives it its style. A Set is safe for use by several goroutines.
type Set struct {
	rules []compiled
}

type compiled struct {
	word []rune // lower case, or nil for a regular expression
	re   *regexp.Regexp
	st   Style
}

// Compile makes a Set of rules (in order of precedence). Rules that do
// not compile (ParseRule has checked them) are left out.
func Compile(rules ...[]Rule) *Set {
	s := &Set{}
	for _, list := range rules {
		for _, r := range list {
			c := compiled{st: r.Style}
			if r.Regexp {
				re, err := regexp.Compile(r.Pattern)
				if err != nil {
					continue
				}
				c.re = re
			} else {
				c.word = []rune(lower(r.Pattern))
				if len(c.word) == 0 {
					continue
				}
			}
			s.rules = append(s.rules, c)
		}
	}
	return s
}

// Empty reports whether the set has no rules.
func (s *Set) Empty() bool { return s == nil || len(s.rules) == 0 }

func lower(s string) string {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return string(r)
}

// Match finds the spans of row (one rune a cell) that rules match,
// appending them to dst in no particular order; spans never overlap.
func (s *Set) Match(row []rune, dst []Span) []Span {
	if s.Empty() {
		return dst
	}
	claimed := make([]bool, len(row))
	var folded []rune
	var text string
	var runeAt []int // byte offset in text → rune index
	for _, r := range s.rules {
		if r.word != nil {
			if folded == nil {
				folded = make([]rune, len(row))
				for i, c := range row {
					folded[i] = unicode.ToLower(c)
				}
			}
			dst = matchWord(folded, r, claimed, dst)
			continue
		}
		if runeAt == nil {
			text, runeAt = encode(row)
		}
		for _, m := range r.re.FindAllStringIndex(text, -1) {
			dst = claim(runeAt[m[0]], runeAt[m[1]], r.st, claimed, dst)
		}
	}
	return dst
}

// matchWord finds whole-word occurrences of r.word in folded.
func matchWord(folded []rune, r compiled, claimed []bool, dst []Span) []Span {
	n := len(r.word)
	for i := 0; i+n <= len(folded); i++ {
		if folded[i] != r.word[0] || !equal(folded[i:i+n], r.word) {
			continue
		}
		if i > 0 && isWord(folded[i-1]) && isWord(r.word[0]) ||
			i+n < len(folded) && isWord(folded[i+n]) && isWord(r.word[n-1]) {
			continue
		}
		dst = claim(i, i+n, r.st, claimed, dst)
		i += n - 1
	}
	return dst
}

func equal(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isWord(c rune) bool { return c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) }

// claim adds the parts of [start, end) no earlier rule claimed.
func claim(start, end int, st Style, claimed []bool, dst []Span) []Span {
	for i := start; i < end; {
		if claimed[i] {
			i++
			continue
		}
		j := i
		for j < end && !claimed[j] {
			claimed[j] = true
			j++
		}
		dst = append(dst, Span{Start: i, End: j, Style: st})
		i = j
	}
	return dst
}

// encode writes row as UTF-8 and maps each byte offset (and the end) to
// its rune's index.
func encode(row []rune) (string, []int) {
	buf := make([]byte, 0, len(row))
	runeAt := make([]int, 0, len(row)+1)
	for i, c := range row {
		if !utf8.ValidRune(c) {
			c = utf8.RuneError
		}
		n := len(buf)
		buf = utf8.AppendRune(buf, c)
		for range len(buf) - n {
			runeAt = append(runeAt, i)
		}
	}
	runeAt = append(runeAt, len(row))
	return string(buf), runeAt
}
