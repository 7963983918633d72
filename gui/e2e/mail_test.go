//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestIMAPRunTestAgainstDovecot: a saved IMAP profile opens with its
// assistant; Ctrl+Shift+Enter asks for the password, runs the whole test
// over STARTTLS against the real Dovecot peer, and the summary's findings
// (copied for a ticket) say the login worked and count INBOX.
func TestIMAPRunTestAgainstDovecot(t *testing.T) {
	host := peer(t, "TERN_PEER_DOVECOT")
	port := os.Getenv("TERN_PEER_DOVECOT_IMAP")
	// From 127.0.0.2, so that Dovecot does not count Tern as local and
	// secure: it then takes a password only after STARTTLS.
	env, _ := writeProfiles(t, map[string]any{"name": "Dovecot IMAP", "host": host, "port": port, "bind": "127.0.0.2",
		"negotiation": "passive", "tls": "starttls", "assistant": "imap", "localEcho": "on", "localEdit": "on", "closeOnExit": "never",
		"mail": map[string]any{"user": "alice", "openOnConnect": true}})
	// The peer's self-signed certificate is the only trusted root, so
	// STARTTLS verifies as it would against a real mail server.
	a := LaunchWith(t, append(env, "SSL_CERT_FILE="+os.Getenv("TERN_PEER_DOVECOT_CA")), "-load", "Dovecot IMAP")
	a.resize("1366", "768")
	time.Sleep(2 * time.Second)
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "20-imap-assistant-open.png"))
	// Run test asks for the password (it is never in the profile), in a
	// dialog whose field has the keyboard.
	a.Key("ctrl+shift+Return")
	time.Sleep(time.Second)
	a.Type("wonderland")
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "21-imap-password-asked.png"))
	a.Key("Return")
	// Dovecot waits a moment before answering a login; the -race binary
	// needs a few seconds more to draw the conversation and the summary.
	time.Sleep(8 * time.Second)
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "22-imap-run-test-dovecot.png"))
	clip := a.copySummary("All steps passed.")
	for _, want := range []string{"TLS: STARTTLS worked; everything after it was encrypted.", "certificate for localhost verified",
		"Login: the server accepted the login for alice over TLS", "Mailbox: INBOX holds 4 messages, 2 unseen"} {
		if !strings.Contains(clip, want) {
			t.Errorf("the findings lack %q:\n%s", want, clip)
		}
	}
	if strings.Contains(clip, "wonderland") || strings.Contains(a.Output(), "wonderland") {
		t.Fatal("the password is in the summary or the program's output")
	}
	a.Key("Escape")
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "23-imap-assistant-after-test.png"))
}
