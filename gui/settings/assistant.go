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
