//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/logon"
)

// The keyboard reaches everything, and nothing vanishes (issue 26), in the
// real window against the real peers.

// TestSpaceOnLogOnAndEscapeOnAButton: in the logon password question, Tab
// to Log on and Space: the logon goes through (a Space that reached the
// terminal would stop it and be sent at Password:), and a barrier typed
// afterwards arrives after nothing else. Then the Status dialog's focused
// Close button lets Escape close it: what is typed next reaches the shell.
func TestSpaceOnLogOnAndEscapeOnAButton(t *testing.T) {
	addr := peer(t, "TERN_PEER_TELNETD")
	host, port, _ := strings.Cut(addr, ":")
	log := filepath.Join(t.TempDir(), "session.log")
	env, _ := writeProfiles(t, map[string]any{"name": "Peer login", "host": host, "port": port, "user": "tester",
		"negotiation": "active", "logMode": "printable", "logFile": log, "logon": logon.Unix})
	a := LaunchWith(t, env, "-load", "Peer login")
	a.resize("1366", "768")
	time.Sleep(2 * time.Second) // the password question, over the connected session
	a.Type("E2e-Logon-Pw-5")
	a.Key("Tab", "Tab", "Tab") // Remember, Cancel, Log on
	a.Screenshot("50-log-on-focused")
	a.Key("space")
	read := func() string { b, _ := os.ReadFile(log); return string(b) }
	Eventually(t, "the shell prompt after Log on pressed with Space", func() bool {
		return strings.Contains(read(), "Welcome tester.") && strings.Contains(read(), "peer$")
	})
	a.Type("echo barrier-$((6*7))")
	a.Key("Return")
	Eventually(t, "the barrier's output", func() bool { return strings.Contains(read(), "barrier-42") })
	if text := read(); !strings.Contains(text, "peer$ echo barrier-") || strings.Contains(text, "Login incorrect") {
		t.Fatalf("something reached the session besides the barrier:\n%s", text)
	}
	a.Key("ctrl+shift+i") // Status, with one button
	time.Sleep(time.Second)
	a.Key("Tab") // Close has the focus
	a.Screenshot("51-status-close-focused")
	a.Key("Escape")
	a.Type("echo escaped-$((6*7))")
	a.Key("Return")
	Eventually(t, "typing after Escape reaching the shell", func() bool { return strings.Contains(read(), "escaped-42") })
	a.Screenshot("52-status-closed-by-escape")
}

// TestKeyboardOnlyRunTestKeepsTheTab: from the New session dialog to the
// summary with the keyboard alone against Postfix: Host, Port, Enter;
// Ctrl+Shift+M puts the keyboard in the assistant's first empty field;
// Tab to From, To and Subject; Ctrl+Shift+Enter. The test's QUIT ends
// the session, the tab stays, and a second Run test from the same tab
// delivers a second message.
func TestKeyboardOnlyRunTestKeepsTheTab(t *testing.T) {
	addr := peer(t, "TERN_PEER_POSTFIX")
	host, port, _ := strings.Cut(addr, ":")
	marker := "kbd-" + time.Now().Format("150405.000")
	a := LaunchWith(t, []string{"SSL_CERT_FILE=/etc/postfix/peer-tls/cert.pem"})
	a.resize("1366", "768")
	time.Sleep(time.Second)
	a.Type(host)
	a.Key("Tab")
	a.Type(port)
	a.Key("Return")
	time.Sleep(2 * time.Second)
	a.Key("ctrl+shift+m") // the keyboard goes to User, the first empty field
	time.Sleep(time.Second)
	a.Key("Tab", "Tab", "Tab") // Password, Mechanism, From
	a.Type("helpdesk+" + marker + "@example.org")
	a.Key("Tab")
	a.Type("testuser@example.test")
	a.Key("Tab") // To is multi-line, yet Tab moves on to Subject
	a.Type("Typed with the keyboard alone")
	a.Screenshot("53-keyboard-fields-filled")
	a.Key("ctrl+shift+Return")
	delivered := func(n int) func() bool {
		return func() bool {
			files, _ := filepath.Glob(filepath.Join(os.Getenv("TERN_PEER_MAILDIR"), "*"))
			found := 0
			for _, f := range files {
				if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), marker) {
					found++
				}
			}
			return found >= n
		}
	}
	Eventually(t, "the message in the Maildir", delivered(1))
	time.Sleep(4 * time.Second) // the -race binary draws the summary
	a.Screenshot("54-keyboard-run-test-summary")
	a.Key("Escape")
	time.Sleep(2 * time.Second)
	a.Screenshot("55-tab-kept-after-quit")
	a.Key("ctrl+shift+Return") // the same tab connects again and runs
	Eventually(t, "a second message from the kept tab", delivered(2))
}

// TestAssistantChosenByGreeting: Dovecot's POP3 on 2110, a port that says
// nothing: the assistant Ctrl+Shift+M opens is POP3's, whose Run test
// starts with CAPA (SMTP's would send EHLO, which Dovecot refuses).
func TestAssistantChosenByGreeting(t *testing.T) {
	host := peer(t, "TERN_PEER_DOVECOT")
	port := peer(t, "TERN_PEER_DOVECOT_POP3")
	log := filepath.Join(t.TempDir(), "session.log")
	a := LaunchWith(t, []string{"SSL_CERT_FILE=" + os.Getenv("TERN_PEER_DOVECOT_CA")}, "-sessionlog", log, host, port)
	a.resize("1366", "768")
	read := func() string { b, _ := os.ReadFile(log); return string(b) }
	Eventually(t, "Dovecot's greeting", func() bool { return strings.Contains(read(), "+OK") })
	a.Key("ctrl+shift+m")
	time.Sleep(time.Second)
	a.Type("testuser") // User, the first empty field
	a.Key("Tab")
	a.Type("testpass")
	a.Screenshot("56-pop3-assistant-by-greeting")
	a.Key("ctrl+shift+Return")
	Eventually(t, "the answer to CAPA", func() bool { return strings.Contains(read(), "UIDL") })
	time.Sleep(3 * time.Second)
	a.Screenshot("57-pop3-run-test")
}

// TestRefusedLogonKeepsTheTab: a wrong logon password against GNU
// telnetd (its login script accepting only "secret") is refused and the
// server hangs up; the tab stays (it closed itself before, taking the
// explanation and Edit and reconnect with it), and Reconnect from it
// brings a second banner into the same tab's log.
func TestRefusedLogonKeepsTheTab(t *testing.T) {
	peer(t, "TERN_PEER_TELNETD") // the peers' telnetd is installed
	port := strictTelnetd(t)
	log := filepath.Join(t.TempDir(), "session.log")
	env, _ := writeProfiles(t, map[string]any{"name": "Strict login", "host": "127.0.0.1", "port": port, "user": "tester",
		"negotiation": "active", "logMode": "printable", "logFile": log, "logAppend": true, "logon": logon.Unix})
	a := LaunchWith(t, env, "-load", "Strict login")
	a.resize("1366", "768")
	time.Sleep(2 * time.Second) // the password question
	a.Type("not-the-password")
	a.Key("Return")
	read := func() string { b, _ := os.ReadFile(log); return string(b) }
	Eventually(t, "the refusal", func() bool { return strings.Contains(read(), "Login incorrect") })
	time.Sleep(4 * time.Second) // the server hangs up a second later; the tab stays
	a.Screenshot("58-refused-logon-kept")
	a.Key("ctrl+shift+r")
	Eventually(t, "a second banner in the kept tab", func() bool { return strings.Count(read(), "Test telnet peer (strict)") >= 2 })
	a.AssertAlive()
}
