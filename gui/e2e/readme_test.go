//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestREADMEScreenshot renders the picture at the top of README.md: a
// mail-server test in the real window. It writes docs/screenshot.png only
// when README_SHOT=1 (make screenshot); otherwise into the shots folder.
func TestREADMEScreenshot(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP Postfix\r\n"), false)
	srv.Reply = SMTPReply
	a := Launch(t, "127.0.0.1", srv.Port())
	a.resize("1200", "720") // wide enough for the toolbar's words
	for _, line := range []string{"EHLO support.example.org", "MAIL FROM:<helpdesk@example.org>", "RCPT TO:<alice@example.test>"} {
		a.Type(line)
		a.Key("Return")
		time.Sleep(300 * time.Millisecond)
	}
	a.Key("ctrl+shift+m") // the SMTP assistant beside the session
	time.Sleep(1500 * time.Millisecond)
	path := filepath.Join(ShotDir(t), "00-readme.png")
	if os.Getenv("README_SHOT") == "1" {
		path = filepath.Join("..", "..", "docs", "screenshot.png")
	}
	a.ScreenshotWindow(path)
}
