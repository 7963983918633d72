package logon

import (
	"fmt"
	"strings"
	"time"
)

// Vars are what the placeholders stand for.
type Vars struct {
	User     string // {user}
	Password string // {password}: sent on the secret path, never shown
	// Enable is {enable}, a router's enable secret (apart from the login
	// password): sent on the secret path, never shown.
	Enable string
	Host   string // {host}
	// Now is the moment {date} (2006-01-02) stands for; the zero value
	// means the time of expansion.
	Now time.Time
}

// Masked is what a log or the screen shows in place of a secret.
const Masked = "********"

// keys are the key placeholders and the bytes they send ({enter} is not
// here: it ends a line, sent as the session's Enter sequence).
var keys = map[string]string{
	"tab": "\t", "esc": "\x1b", "escape": "\x1b", "space": " ",
	"backspace": "\x7f", "bs": "\x08", "del": "\x7f",
	"ctrl-@": "\x00", "ctrl-[": "\x1b", "ctrl-\\": "\x1c", "ctrl-]": "\x1d",
	"ctrl-^": "\x1e", "ctrl-_": "\x1f",
}

func init() {
	for c := 'a'; c <= 'z'; c++ {
		keys["ctrl-"+string(c)] = string(rune(c - 'a' + 1))
	}
}

// Line is one write of what a step sends: Text and then, when Enter is
// set, the session's Enter sequence. Shown is Text with each secret
// replaced by Masked; Secret says Text holds one.
type Line struct {
	Text, Shown string
	Enter       bool
	Secret      bool
}

// Expand fills in send's placeholders and splits it at each {enter}:
// {user}, {password}, {enable}, {host}, {date}, {enter}, {tab}, {esc} (or
// {escape}), {space}, {backspace} (DEL), {bs} (^H), {ctrl-a} to {ctrl-z}
// and {ctrl-@ [ \ ] ^ _}; names are not case-sensitive, and {{ is a
// literal "{". With enter the last line ends with Enter too. An unknown
// or unclosed placeholder is an error.
func Expand(send string, v Vars, enter bool) ([]Line, error) {
	var out []Line
	var cur Line
	var text, shown strings.Builder
	flush := func(withEnter bool) {
		cur.Text, cur.Shown, cur.Enter = text.String(), shown.String(), withEnter
		out = append(out, cur)
		cur = Line{}
		text.Reset()
		shown.Reset()
	}
	for i := 0; i < len(send); i++ {
		c := send[i]
		if c != '{' {
			text.WriteByte(c)
			shown.WriteByte(c)
			continue
		}
		if i+1 < len(send) && send[i+1] == '{' {
			text.WriteByte('{')
			shown.WriteByte('{')
			i++
			continue
		}
		end := strings.IndexByte(send[i:], '}')
		if end < 0 {
			return nil, fmt.Errorf("logon: placeholder %q is not closed with }", send[i:])
		}
		name := strings.ToLower(send[i+1 : i+end])
		i += end
		switch name {
		case "enter":
			flush(true)
		case "password", "enable":
			text.WriteString(v.secret(name))
			shown.WriteString(Masked)
			cur.Secret = true
		default:
			val, ok := v.value(name)
			if !ok {
				return nil, fmt.Errorf("logon: unknown placeholder {%s}", name)
			}
			text.WriteString(val)
			shown.WriteString(val)
		}
	}
	if enter || text.Len() > 0 {
		flush(enter)
	}
	return out, nil
}

// secret is what the secret placeholder name ("password" or "enable")
// stands for.
func (v Vars) secret(name string) string {
	if name == "enable" {
		return v.Enable
	}
	return v.Password
}

func (v Vars) value(name string) (string, bool) {
	switch name {
	case "user":
		return v.User, true
	case "host":
		return v.Host, true
	case "date":
		now := v.Now
		if now.IsZero() {
			now = time.Now()
		}
		return now.Format("2006-01-02"), true
	}
	k, ok := keys[name]
	return k, ok
}

// Quote escapes text for Send: each "{" becomes "{{".
func Quote(text string) string { return strings.ReplaceAll(text, "{", "{{") }
