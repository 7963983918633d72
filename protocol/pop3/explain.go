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
	}
	text := strings.ToLower(r.Text)
	if r.Status == Err && (strings.Contains(text, "plaintext authentication disallowed") || strings.Contains(text, "disallowed on non-secure")) {
		return "the server refuses passwords on an unencrypted connection: send STLS first, or connect to POP3S (port 995)"
	}
	var parts []string
	if r.Status == OK {
		parts = append(parts, "done: the server accepted the command")
		if len(r.Lines) > 0 || r.Lines != nil {
			parts[0] = "done: the server sent " + plural(len(r.Lines), "line")
		}
	} else {
		parts = append(parts, "the server refused the command")
	}
	if r.Code != "" {
		if m, ok := codeMeaning[r.Code]; ok {
			parts = append(parts, "["+r.Code+"]: "+m)
		}
	}
	return strings.Join(parts, "; ")
}
