package imap

import "strings"

// codeMeaning explains response codes (RFC 9051 §7.1, RFC 5530).
var codeMeaning = map[string]string{
	"ALERT":                "the server has a message the person must read",
	"AUTHENTICATIONFAILED": "the user name or password is wrong (or this login method is not allowed for the user)",
	"AUTHORIZATIONFAILED":  "the credentials are right, but this user may not log in as the requested identity",
	"EXPIRED":              "the password or account has expired",
	"PRIVACYREQUIRED":      "the server refuses this without encryption: use STARTTLS or IMAPS (port 993) first",
	"CONTACTADMIN":         "the account needs its administrator's attention",
	"NOPERM":               "this user may not do that to this mailbox",
	"INUSE":                "another session holds what is needed; try again later",
	"EXPUNGEISSUED":        "another session deleted messages meanwhile",
	"CORRUPTION":           "the server found damaged data",
	"SERVERBUG":            "the server hit a bug of its own",
	"CLIENTBUG":            "the server thinks the command was wrong",
	"CANNOT":               "the server can never do this",
	"LIMIT":                "a limit of the server was reached",
	"OVERQUOTA":            "the account is over its storage quota",
	"ALREADYEXISTS":        "that already exists",
	"NONEXISTENT":          "that mailbox does not exist",
	"UNAVAILABLE":          "a temporary problem on the server (a backend is down); try again later",
	"TRYCREATE":            "the mailbox does not exist; it could be created first",
	"READ-ONLY":            "the mailbox is open read-only: nothing can change",
	"READ-WRITE":           "the mailbox is open for changes",
	"UIDVALIDITY":          "the mailbox's UID validity (a change means cached mail must be fetched again)",
	"UIDNEXT":              "the UID the next message will get",
	"UNSEEN":               "the number of the first unseen message",
	"PERMANENTFLAGS":       "the flags that can be changed for good",
	"CAPABILITY":           "the server's capabilities",
}

// statusMeaning explains the five statuses (RFC 9051 §7.1).
var statusMeaning = map[string]string{
	"OK":      "done: the server accepted the command",
	"NO":      "the server refused the command",
	"BAD":     "the server did not take the command (a syntax error, or not allowed now)",
	"PREAUTH": "the server logged the connection in already",
	"BYE":     "the server is closing the connection",
}

// dataMeaning explains untagged data (RFC 9051 §7.2–7.5).
var dataMeaning = map[string]string{
	"CAPABILITY": "what the server can do",
	"LIST":       "a mailbox: its attributes, hierarchy delimiter and name",
	"STATUS":     "counts of a mailbox, without opening it",
	"FLAGS":      "the flags this mailbox uses",
	"EXISTS":     "how many messages the mailbox holds",
	"RECENT":     "how many messages arrived since the last session",
	"EXPUNGE":    "a message was deleted for good",
	"FETCH":      "data of one message",
	"SEARCH":     "the messages that match",
	"ESEARCH":    "the messages that match",
	"ENABLED":    "the extensions now on",
	"NAMESPACE":  "where personal and shared mailboxes live",
	"ID":         "the server's name and version",
}

// ExplainCode says in plain words what a response code means; "" when
// Tern does not know it.
func ExplainCode(code string) string { return codeMeaning[strings.ToUpper(code)] }

// Explain says in plain words what a response means.
func Explain(r Response) string {
	switch {
	case r.Tag == "":
		return "not an IMAP response"
	case r.Tag == "+":
		return "the server waits for the rest of the command (the next authentication step, or a literal)"
	case r.Status == "":
		if m, ok := dataMeaning[r.Kind]; ok {
			return "data: " + m
		}
		return "data: " + strings.ToLower(r.Kind)
	}
	if r.Status == "NO" || r.Status == "BAD" {
		return statusMeaning[r.Status] + ": " + Refusal(r.Status, r.Code, r.Text)
	}
	s := statusMeaning[r.Status]
	if r.Tag == "*" && r.Status == "OK" { // completes nothing
		s = "the server tells something: its greeting, or a detail before a command completes"
	}
	if m := ExplainCode(r.Code); m != "" {
		s += "; [" + r.Code + "] " + m
	}
	return s
}

// Refusal says in plain words why a command got NO or BAD, from the
// response code and text.
func Refusal(status, code, text string) string {
	switch {
	case code == "" && strings.Contains(strings.ToLower(text), "logindisabled"):
		return "it refuses passwords on an unencrypted connection: use STARTTLS or IMAPS (port 993) first"
	case ExplainCode(code) != "":
		return "[" + code + "] " + ExplainCode(code)
	}
	return status + " " + text
}
