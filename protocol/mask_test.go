package protocol

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/logcheck"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/sessionlog"
)

const handPassword = "Hand-Typed-Pw9"

func logConfig(dir, port string, logSecrets bool) Config {
	return Config{
		Host: "127.0.0.1", Port: port, Negotiation: NegotiatePassive, LogSecrets: logSecrets,
		SessionLog: Log{Path: filepath.Join(dir, "session-&P.log"), Timestamp: "[&Y-&M-&D &T.&N] "},
		RawLog:     Log{Path: filepath.Join(dir, "raw-&P.log")},
	}
}

// typeSlowly writes each key as the widget does, one write per key.
func typeSlowly(s *Session, text string) {
	for i := range len(text) {
		s.Write([]byte{text[i]})
	}
}

func TestHandTypedPasswordIsMaskedInTheRawLog(t *testing.T) {
	for _, logSecrets := range []bool{false, true} {
		dir := t.TempDir()
		p := loopserver.StartScripted(t, loopserver.Login("tester", handPassword))
		s, sc, done := start(t, logConfig(dir, p.Port(), logSecrets))
		testwait.Until(t, "login prompt", func() bool { return strings.Contains(sc.String(), "login:") })
		if s.SecretInput() {
			t.Fatal("the login prompt is taken for a password prompt")
		}
		typeSlowly(s, "tester\r")
		testwait.Until(t, "password prompt", func() bool { return strings.Contains(sc.String(), "Password:") })
		if !s.SecretInput() {
			t.Fatalf("the password prompt is not taken for one (echo %v)\n%s", s.Status().LocalEcho, s.Events())
		}
		typeSlowly(s, handPassword+"\r")
		testwait.Until(t, "shell prompt", func() bool { return strings.Contains(sc.String(), "peer$") })
		if s.SecretInput() {
			t.Fatal("the shell prompt is taken for a password prompt")
		}
		typeSlowly(s, "echo visible\r")
		testwait.Until(t, "command output", func() bool { return strings.Contains(sc.String(), "ok") })
		s.Close()
		<-done
		found := logcheck.Found(t, dir, handPassword, "tester", "echo visible")
		if logSecrets {
			if len(found) != 5 {
				t.Errorf("with LogSecrets the raw log should hold everything typed; found %q", found)
			}
			continue
		}
		for _, f := range found {
			if strings.HasPrefix(f, handPassword) {
				t.Errorf("the password typed by hand is in a log: %s", f)
			}
		}
		if len(found) != 4 { // in both logs: the raw log and the server's echo
			t.Errorf("what was typed outside the password prompt should stay in the raw log; found %q", found)
		}
		raw := readGlob(t, dir, "raw-*.log")
		if sent := string(logcheck.RawBytes(raw, ">")); !strings.Contains(sent, "tester\r\n"+sessionlog.Masked+"\r\necho") {
			t.Errorf("raw log sent bytes %q", sent)
		}
	}
}

// TestForeignPasswordPromptIsMasked: what is typed at a password prompt
// in another language (issue 24 item 8), or at an unknown prompt ending
// with a colon while nothing echoes locally (when in doubt), stays out of
// the raw log; the user name typed at "login:" stays in it.
func TestForeignPasswordPromptIsMasked(t *testing.T) {
	for _, tc := range []struct {
		prompt string
		secret bool // taken for a password prompt (Record proposes {password})
	}{
		{"Passwort: ", true}, {"Mot de passe : ", true}, {"Kennwort:", true}, {"Contraseña: ", true},
		{"Senha: ", true}, {"パスワード: ", true}, {"PASSCODE: ", true}, {"Geheimzahl: ", false},
	} {
		t.Run(tc.prompt, func(t *testing.T) {
			dir := t.TempDir()
			p := loopserver.StartScripted(t, loopserver.LoginAsking("tester", handPassword, tc.prompt))
			s, sc, done := start(t, logConfig(dir, p.Port(), false))
			testwait.Until(t, "login prompt", func() bool { return strings.Contains(sc.String(), "login:") })
			typeSlowly(s, "tester\r")
			testwait.Until(t, "password prompt", func() bool { return strings.HasSuffix(sc.String(), tc.prompt) })
			if s.SecretInput() != tc.secret {
				t.Fatalf("SecretInput %v", !tc.secret)
			}
			typeSlowly(s, handPassword+"\r")
			testwait.Until(t, "shell prompt", func() bool { return strings.Contains(sc.String(), "peer$") })
			s.Close()
			<-done
			for _, f := range logcheck.Found(t, dir, handPassword, "tester") {
				if strings.HasPrefix(f, handPassword) {
					t.Errorf("the password is in a log: %s", f)
				}
			}
			sent := string(logcheck.RawBytes(readGlob(t, dir, "raw-*.log"), ">"))
			if !strings.Contains(sent, "tester\r\n"+sessionlog.Masked+"\r\n") {
				t.Errorf("raw log sent bytes %q", sent)
			}
		})
	}
}

func TestSecretLinesAndDataAreMasked(t *testing.T) {
	for _, logSecrets := range []bool{false, true} {
		dir := t.TempDir()
		p := loopserver.Start(t, []byte("220 ready\r\n"), false)
		s, sc, done := start(t, logConfig(dir, p.Port(), logSecrets))
		testwait.Until(t, "greeting", func() bool { return strings.Contains(sc.String(), "220 ready") })
		s.SendSecretLine("AUTH PLAIN AHVzZXIAcGFzcw==", "AUTH PLAIN ‹hidden›")
		s.SendSecretData([]byte("pin-4711"))
		s.SendLine("NOOP")
		testwait.Until(t, "server got all", func() bool { return strings.Contains(p.Received(), "NOOP") })
		s.Close()
		<-done
		found := logcheck.Found(t, dir, "AHVzZXIAcGFzcw==", "pin-4711")
		if logSecrets != (len(found) == 2) {
			t.Errorf("LogSecrets %v: found %q", logSecrets, found)
		}
		if logSecrets {
			continue
		}
		sent := string(logcheck.RawBytes(readGlob(t, dir, "raw-*.log"), ">"))
		if want := "AUTH PLAIN ********\r\n********NOOP\r\n"; sent != want {
			t.Errorf("raw log sent %q, want %q", sent, want)
		}
		if !strings.Contains(sc.String(), "AUTH PLAIN ‹hidden›") {
			t.Errorf("the terminal shows %q", sc.String())
		}
	}
}

func TestSessionLogTimestamps(t *testing.T) {
	dir := t.TempDir()
	p := loopserver.Start(t, []byte("one\r\ntwo\r\nthr"), false)
	s, sc, done := start(t, logConfig(dir, p.Port(), false))
	testwait.Until(t, "greeting", func() bool { return strings.Contains(sc.String(), "thr") })
	s.Close()
	<-done
	log := string(readGlob(t, dir, "session-*.log"))
	stamp := `\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] `
	want := regexp.MustCompile(`^=~=.* Tern log .*\r\n` + stamp + `one\r\n` + stamp + `two\r\n` + stamp + `thr$`)
	if !want.MatchString(log) {
		t.Fatalf("session log %q", log)
	}
}

func readGlob(t *testing.T, dir, pattern string) []byte {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(names) != 1 {
		t.Fatalf("%s: %q", pattern, names)
	}
	b, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	return b
}
