package settings

import "strings"

// The protocol assistants a session can have beside its terminal.
const (
	AssistSMTP = "smtp"
	AssistPOP3 = "pop3"
	AssistIMAP = "imap"
	AssistHTTP = "http"
)

// assistantByPort is the assistant a well-known port implies.
var assistantByPort = map[string]string{
	"25": AssistSMTP, "465": AssistSMTP, "587": AssistSMTP, "2525": AssistSMTP, "smtp": AssistSMTP, "submission": AssistSMTP,
	"110": AssistPOP3, "995": AssistPOP3, "pop3": AssistPOP3, "pop3s": AssistPOP3,
	"143": AssistIMAP, "993": AssistIMAP, "imap": AssistIMAP, "imaps": AssistIMAP,
	"80": AssistHTTP, "443": AssistHTTP, "8080": AssistHTTP, "8443": AssistHTTP, "http": AssistHTTP, "https": AssistHTTP,
}

// PickAssistant is the assistant the session's toolbar button opens: the
// session's choice, else the one its port implies, else SMTP's.
func (s Session) PickAssistant() string {
	if a := strings.ToLower(s.Assistant); a != "" {
		return a
	}
	if a, ok := assistantByPort[strings.ToLower(strings.TrimSpace(s.Engine.Port))]; ok {
		return a
	}
	return AssistSMTP
}

// AssistantForGreeting is the assistant a server's first line implies:
// "220 … SMTP" (or ESMTP), "+OK" (POP3), "* OK" or "* PREAUTH" (IMAP),
// an HTTP status line (the answer to a request). ok is false for a line
// that says none of these (an FTP 220, a login prompt).
func AssistantForGreeting(line string) (assistant string, ok bool) {
	line = strings.TrimSpace(line)
	upper := strings.ToUpper(line)
	switch {
	case (strings.HasPrefix(line, "220 ") || strings.HasPrefix(line, "220-")) && strings.Contains(upper, "SMTP"):
		return AssistSMTP, true
	case strings.HasPrefix(upper, "+OK"):
		return AssistPOP3, true
	case strings.HasPrefix(upper, "* OK"), strings.HasPrefix(upper, "* PREAUTH"):
		return AssistIMAP, true
	case isHTTPStatusLine(line):
		return AssistHTTP, true
	}
	return "", false
}

// isHTTPStatusLine: HTTP/1.0 200 OK, HTTP/1.1 400 Bad Request, HTTP/2 301.
func isHTTPStatusLine(line string) bool {
	version, rest, found := strings.Cut(line, " ")
	if !found || !strings.HasPrefix(version, "HTTP/") || len(rest) < 3 {
		return false
	}
	for _, c := range rest[:3] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(rest) == 3 || rest[3] == ' '
}

// PickAssistantAfter is PickAssistant once the server's first line is
// known: the session's choice, else the port's, else the greeting's, else
// SMTP's.
func (s Session) PickAssistantAfter(greeting string) string {
	if s.Assistant != "" {
		return strings.ToLower(s.Assistant)
	}
	if a, ok := assistantByPort[strings.ToLower(strings.TrimSpace(s.Engine.Port))]; ok {
		return a
	}
	if a, ok := AssistantForGreeting(greeting); ok {
		return a
	}
	return AssistSMTP
}
