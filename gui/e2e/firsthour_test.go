//go:build e2e

package e2e

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// The first hour of a support person (issue 16), in the real window at
// 1366x768: a saved session is selected by one click, and the Run test
// summary is copied for a ticket.

// Where things are in the New session dialog of a 1366x768 window.
const (
	rowMailX, rowMailY = 300, 234 // the saved session "Mail", below Default Settings
	renameX, renameY   = 393, 482 // Rename… (the third button of the first row)
)

// TestOneClickSelectsASavedSession clicks a saved session once, then
// Rename…: the rename acts on it. Then a double click opens it.
func TestOneClickSelectsASavedSession(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP\r\n"), false)
	env, path := writeProfiles(t, map[string]any{"name": "Mail", "host": "127.0.0.1", "port": srv.Port(), "closeOnExit": "never"})
	a := LaunchWith(t, env)
	a.resize("1366", "768")
	a.Screenshot("10-new-session-dialog-1366")
	a.Click(rowMailX, rowMailY)
	time.Sleep(500 * time.Millisecond) // a single click waits out the double-click delay
	a.Screenshot("11-one-click-selects")
	a.Click(renameX, renameY)
	a.Screenshot("12-rename-dialog")
	a.Type("Mail server") // the Name field is focused with its text selected
	a.Key("Return")
	Eventually(t, "the rename in the profiles file", func() bool {
		b, _ := os.ReadFile(path)
		return strings.Contains(string(b), `"Mail server"`)
	})
	a.Screenshot("13-renamed-still-selected")
	a.DoubleClick(rowMailX, rowMailY)
	Eventually(t, "a connection from the double click", func() bool { return srv.Connections() == 1 })
}

// summaryServer answers a whole SMTP conversation, DATA included.
func summaryServer(t *testing.T) *Server {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP\r\n"), false)
	var mu sync.Mutex
	inData := false
	srv.Reply = func(line string) string {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case inData && line == ".":
			inData = false
			return "250 2.0.0 Ok: queued as 4XyZ12\r\n"
		case inData:
			return ""
		case strings.EqualFold(line, "DATA"):
			inData = true
			return "354 End data with <CR><LF>.<CR><LF>\r\n"
		}
		return SMTPReply(line)
	}
	return srv
}

// TestRunTestSummaryIsCopied runs the SMTP test and presses the
// summary's Copy: the clipboard holds the summary for a ticket.
func TestRunTestSummaryIsCopied(t *testing.T) {
	srv := summaryServer(t)
	env, _ := writeProfiles(t, map[string]any{"name": "Mail test", "host": "127.0.0.1", "port": srv.Port(), "negotiation": "passive",
		"localEcho": "on", "localEdit": "on", "closeOnExit": "never",
		"smtp": map[string]any{"ehlo": "support.example.org", "from": "helpdesk@example.org", "to": []string{"alice@example.test"}, "openOnConnect": true}})
	a := LaunchWith(t, env, "-load", "Mail test")
	a.resize("1366", "768")
	time.Sleep(time.Second)
	a.Key("ctrl+shift+Return")
	Eventually(t, "QUIT at the server", func() bool { return strings.Contains(srv.Received(), "QUIT\r\n") })
	// The -race binary needs a few seconds to draw the conversation and
	// the summary.
	time.Sleep(4 * time.Second)
	a.Screenshot("14-run-test-summary-1366")
	clip := a.copySummary("The server accepted the message (queue ID 4XyZ12).")
	if !strings.Contains(clip, "RCPT TO    passed") {
		t.Fatalf("clipboard:\n%s", clip)
	}
	a.Key("Escape")
	a.Screenshot("15-assistant-explanations-1366")
}
