package logon

import (
	"regexp"
	"strings"
)

// Describe is a step's text as the status bar and the logon's errors
// quote it to a person: “Password:” for plain text; for a regular
// expression, the prompts it stands for when it is one of the simple
// shapes templates use — “login:” or “user name:” for
// (?i)(login|user ?name):\s*$, a prompt ending in $, #, % or > for
// [$#%>]\s*$ or a prompt ending in # for #\s*$ — and the expression itself, quoted, for anything else.
func Describe(expect string, isRegexp bool) string {
	if !isRegexp {
		return "“" + expect + "”"
	}
	s := strings.TrimPrefix(expect, "(?i)")
	for _, end := range []string{`\s*$`, `\s?$`, ` ?$`, ` *$`, `$`} {
		if t, ok := strings.CutSuffix(s, end); ok {
			s = t
			break
		}
	}
	if t := strings.TrimPrefix(s, `\`); len(t) == 1 && strings.Contains("$#%>", t) {
		s = "[" + s + "]" // one prompt character: a class of one
	}
	if m := promptClass.FindStringSubmatch(s); m != nil {
		chars := strings.Split(strings.ReplaceAll(m[1], `\`, ""), "")
		if len(chars) == 1 {
			return "a prompt ending in " + chars[0]
		}
		return "a prompt ending in " + strings.Join(chars[:len(chars)-1], ", ") + " or " + chars[len(chars)-1]
	}
	before, alts, after := s, []string{""}, ""
	if m := oneGroup.FindStringSubmatch(s); m != nil {
		before, alts, after = m[1], strings.Split(m[2], "|"), m[3]
	}
	var quoted []string
	for _, alt := range alts {
		text := before + alt + after
		if !plain.MatchString(text) {
			return "“" + expect + "”"
		}
		quoted = append(quoted, "“"+strings.ReplaceAll(text, " ?", " ")+"”")
	}
	return strings.Join(quoted, " or ")
}

var (
	// promptClass is a bracket class of prompt characters: [$#%>].
	promptClass = regexp.MustCompile(`^\[((?:\\?[$#%>:\]])+)\]$`)
	// oneGroup is text around one group of alternatives: (login|user ?name):
	oneGroup = regexp.MustCompile(`^([^()|]*)\(((?:[^()|]*\|)+[^()|]*)\)([^()|]*)$`)
	// plain is text with no regular-expression syntax but an optional
	// space (" ?").
	plain = regexp.MustCompile(`^(?:[\p{L}\p{N} :,'/-]| \?)+$`)
)
