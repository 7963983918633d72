//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
)

// Server is the loopback test server (see internal/loopserver).
type Server = loopserver.Server

// NewServer starts a server on 127.0.0.1 that sends greeting to each
// connection, records what it receives and, with closeAfter, hangs up.
func NewServer(t *testing.T, greeting []byte, closeAfter bool) *Server {
	return loopserver.Start(t, greeting, closeAfter)
}

// SMTPReply is a tiny SMTP responder for screenshots and tests.
func SMTPReply(line string) string {
	switch cmd := strings.ToUpper(strings.SplitN(line, " ", 2)[0]); cmd {
	case "EHLO":
		return "250-mail.example.test Hello\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n"
	case "MAIL", "RCPT":
		return "250 2.1.0 Ok\r\n"
	case "QUIT":
		return "221 2.0.0 Bye\r\n"
	}
	return "250 2.0.0 Ok\r\n"
}
