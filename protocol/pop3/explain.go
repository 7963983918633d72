package pop3

import "strings"

// codeMeaning explains the response codes of RFC 2449 §8.1 and RFC 3206.
var codeMeaning = map[string]string{
	"IN-USE":      "the mailbox is in use: another session (often a phone or mail program) holds it locked; close it or wait",
	"LOGIN-DELAY": "logging in again so soon is not allowed; wait before the next login",
	"SYS/TEMP":    "a temporary problem on the server; try again later",
	"SYS/PERM":    "a lasting problem on the server; ask its administrator",
	"AUTH":        "the user name or password is wrong (or this login method is not allowed)",
	"UTF8":        "the server's UTF-8 handling",
}

// Explain says in plain words what a response means.
func Explain(r Reply) string {
	switch r.Status {
	case None:
		return "not a POP3 response"
	case Continue:
		return "the server waits for the next authentication step"
	case Err:
		if m := Refusal(r.Code, r.Text); m != "" {
			return "the server refused the command: " + m
		}
		return "the server refused the command"
	case OK:
		if r.Unterminated {
			return "the server sent " + plural(len(r.Lines)+r.More, "line") + " but never the \".\" line that ends the answer; Tern stopped waiting for it"
		}
		if r.Lines != nil {
			return "done: the server sent " + plural(len(r.Lines)+r.More, "line") + notKept(r.More)
		}
		if isGreeting(r.Text) {
			return "the server is ready: its greeting"
		}
	}
	return "done: the server accepted the command"
}

// isGreeting tells a server's greeting from the answer to a command by
// its words: greetings say "ready" or name POP3, or carry the APOP
// timestamp <…@…> (RFC 1939 §7); answers to commands do not.
func isGreeting(text string) bool {
	t := strings.ToLower(text)
	if strings.Contains(t, "ready") || strings.Contains(t, "pop3") {
		return true
	}
	lt, gt := strings.IndexByte(t, '<'), strings.LastIndexByte(t, '>')
	return lt >= 0 && gt > lt && strings.Contains(t[lt:gt], "@")
}

// Refusal says in plain words why the server refused, from the -ERR
// response's code and text; "" when neither tells.
func Refusal(code, text string) string {
	t := strings.ToLower(text)
	if strings.Contains(t, "plaintext authentication disallowed") || strings.Contains(t, "disallowed on non-secure") {
		return "it refuses passwords on an unencrypted connection: send STLS first, or connect to POP3S (port 995)"
	}
	if m, ok := codeMeaning[code]; ok {
		return "[" + code + "] " + m
	}
	return ""
}

// notKept says how many lines were counted but not kept, or "".
func notKept(more int) string {
	if more == 0 {
		return ""
	}
	return " (the first were kept; " + plural(more, "more line") + " only counted)"
}
