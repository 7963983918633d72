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

// TestPOP3WrongPasswordExplained: a wrong password over STLS to the real
// Dovecot is refused, and the copied findings say so in plain words.
func TestPOP3WrongPasswordExplained(t *testing.T) {
	host := peer(t, "TERN_PEER_DOVECOT")
	env, _ := writeProfiles(t, map[string]any{"name": "Dovecot POP3", "host": host, "port": os.Getenv("TERN_PEER_DOVECOT_POP3"),
		"bind": "127.0.0.2", "negotiation": "passive", "tls": "starttls", "assistant": "pop3", "localEcho": "on", "localEdit": "on",
		"closeOnExit": "never", "mail": map[string]any{"user": "alice", "openOnConnect": true}})
	a := LaunchWith(t, append(env, "SSL_CERT_FILE="+os.Getenv("TERN_PEER_DOVECOT_CA")), "-load", "Dovecot POP3")
	a.resize("1366", "768")
	time.Sleep(2 * time.Second)
	a.Key("ctrl+shift+Return")
	time.Sleep(time.Second)
	a.Type("not-the-password")
	a.Key("Return")
	time.Sleep(8 * time.Second) // Dovecot waits before refusing a login
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "24-pop3-wrong-password.png"))
	clip := a.copySummary("Stopped:")
	if want := "Login: the server refused the login for alice (AUTH PLAIN, over TLS 1.3): [AUTH] the user name or password is wrong"; !strings.Contains(clip, want) {
		t.Fatalf("the findings lack %q:\n%s", want, clip)
	}
	a.Key("Escape")
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "25-pop3-assistant-after-refusal.png"))
}
