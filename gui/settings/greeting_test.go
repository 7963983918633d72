package settings

import (
	"testing"

	"github.com/tern-telnet/tern/protocol"
)

var greetings = []struct {
	line, want string
	ok         bool
}{
	{"220 mail.example.test ESMTP Postfix", AssistSMTP, true},
	{"220-mx.example.org ESMTP ready", AssistSMTP, true},
	{"220 ProFTPD Server ready.", "", false}, // FTP also greets with 220
	{"+OK Dovecot ready.", AssistPOP3, true},
	{"* OK [CAPABILITY IMAP4rev1] Dovecot ready.", AssistIMAP, true},
	{"* PREAUTH IMAP4rev1 logged in", AssistIMAP, true},
	{"HTTP/1.1 400 Bad Request", AssistHTTP, true},
	{"HTTP/1.0 200 OK", AssistHTTP, true},
	{"HTTP/2 301", AssistHTTP, true},
	{"HTTP/1.1 2000", "", false},
	{"login: ", "", false},
	{"", "", false},
	// found by fuzzing: nothing
}

func TestAssistantForGreeting(t *testing.T) {
	for _, g := range greetings {
		got, ok := AssistantForGreeting(g.line)
		if got != g.want || ok != g.ok {
			t.Errorf("%q: got %q %v, want %q %v", g.line, got, ok, g.want, g.ok)
		}
	}
}

// TestPickAssistantAfter: the session's choice first, then the port, then
// the greeting (Dovecot POP3 on 2110 gets POP3, lighttpd on 2580 HTTP).
func TestPickAssistantAfter(t *testing.T) {
	on := func(port, choice string) Session {
		return Session{Engine: protocol.Config{Host: "h", Port: port}, Assistant: choice}
	}
	for _, c := range []struct {
		s        Session
		greeting string
		want     string
	}{
		{on("2110", ""), "+OK Dovecot ready.", AssistPOP3},
		{on("2580", ""), "HTTP/1.0 400 Bad Request", AssistHTTP},
		{on("2143", ""), "* OK Dovecot ready.", AssistIMAP},
		{on("110", ""), "220 x ESMTP", AssistPOP3}, // the port says
		{on("2110", "smtp"), "+OK", AssistSMTP},    // the person said
		{on("2323", ""), "login:", AssistSMTP},
	} {
		if got := c.s.PickAssistantAfter(c.greeting); got != c.want {
			t.Errorf("port %s, %q: got %s, want %s", c.s.Engine.Port, c.greeting, got, c.want)
		}
	}
}

func FuzzAssistantForGreeting(f *testing.F) {
	for _, g := range greetings {
		f.Add(g.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		a, ok := AssistantForGreeting(line)
		if ok != (a != "") {
			t.Fatalf("%q: %q %v", line, a, ok)
		}
	})
}
