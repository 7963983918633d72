//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestREADMEScreenshot renders the picture at the top of README.md: a
// mail-server test in the real window, written to docs/screenshot.png. It
// is a picture, not a test: it runs only when README_SHOT=1 (make
// screenshot), and checks only that the server got what the picture shows.
func TestREADMEScreenshot(t *testing.T) {
	if os.Getenv("README_SHOT") != "1" {
		t.Skip("makes the README's picture: README_SHOT=1 (make screenshot)")
	}
	srv := NewServer(t, []byte("220 mail.example.test ESMTP Postfix\r\n"), false)
	srv.Reply = SMTPReply
	a := Launch(t, "127.0.0.1", srv.Port())
	a.resize("1200", "720") // wide enough for the toolbar's words
	for _, line := range []string{"EHLO support.example.org", "MAIL FROM:<helpdesk@example.org>", "RCPT TO:<alice@example.test>"} {
		a.Type(line)
		a.Key("Return")
		Eventually(t, line+" at the server", func() bool { return strings.Contains(srv.Received(), line+"\r\n") })
	}
	a.Key("ctrl+shift+m") // the SMTP assistant beside the session
	time.Sleep(1500 * time.Millisecond)
	a.ScreenshotWindow(filepath.Join("..", "..", "docs", "screenshot.png"))
}
