//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewSessionDialogOnStart(t *testing.T) {
	a := Launch(t)
	if a.Title() != "Tern" {
		t.Fatalf("window title %q", a.Title())
	}
	a.Screenshot("01-new-session-dialog")
}

func TestSMTPSessionTypingPromptAndStatus(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP ready\r\n"), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	a.Type("EHLO tern.example")
	a.Key("Return")
	Eventually(t, "EHLO at the server", func() bool { return srv.Received() == "EHLO tern.example\r\n" })
	a.Screenshot("02-connected-session")

	a.Key("ctrl+bracketright")
	time.Sleep(300 * time.Millisecond)
	a.Type("send ayt")
	a.Screenshot("03-telnet-prompt")
	a.Key("Return")
	Eventually(t, "IAC AYT at the server", func() bool { return strings.HasSuffix(srv.Received(), "\xff\xf6") })

	a.Key("ctrl+shift+i")
	a.Screenshot("04-status-dialog")
	a.Key("Escape")
	a.Key("ctrl+shift+l")
	a.Screenshot("05-event-log")
	a.Key("Escape")
	a.AssertAlive()
}

func TestFindInScrollback(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 500; i++ {
		b.WriteString("log line " + strings.Repeat("=", i%40) + "\r\n")
	}
	b.WriteString("ERROR: disk full on /var\r\n")
	for i := 0; i < 200; i++ {
		b.WriteString("later line\r\n")
	}
	srv := NewServer(t, []byte(b.String()), false)
	a := Launch(t, "127.0.0.1", srv.Port())
	time.Sleep(time.Second)
	a.Key("ctrl+shift+f")
	a.Type("disk full")
	a.Screenshot("06-scrollback-search")
}

func TestBindAddress(t *testing.T) {
	srv := NewServer(t, []byte("hi\r\n"), false)
	Launch(t, "-b", "127.0.0.2", "127.0.0.1", srv.Port())
	Eventually(t, "a connection", func() bool { return srv.From() != "" })
	if !strings.HasPrefix(srv.From(), "127.0.0.2:") {
		t.Fatalf("server saw %s, want 127.0.0.2", srv.From())
	}
}

// TestSessionLogHoldsEveryByteAndCloseAlwaysExits: 4 MiB arrive, the server
// closes, Tern draws the end and exits; the log has every byte.
func TestSessionLogHoldsEveryByteAndCloseAlwaysExits(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789 the quick brown fox jumps over the lazy dog\r\n"), 4<<20/56)
	srv := NewServer(t, payload, true)
	log := filepath.Join(t.TempDir(), "session.log")
	a := Launch(t, "-sessionlog", log, "-close", "always", "127.0.0.1", srv.Port())
	if err := a.WaitExit(60 * time.Second); err != nil {
		t.Fatalf("exit: %v\n%s", err, a.Output())
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := bytes.Cut(got, []byte("\r\n"))
	if !bytes.Equal(body, payload) {
		t.Fatalf("log has %d bytes after its header, want %d", len(body), len(payload))
	}
}

func TestBadCommandLineExits2(t *testing.T) {
	cmd := command(binary(t), "-close", "sometimes", "host")
	out, err := cmd.CombinedOutput()
	if code := exitCode(err); code != 2 || !strings.Contains(string(out), "-close takes always, never or clean") || !strings.Contains(string(out), "usage: tern") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
}

// TestScaled200 is the main states at 200 % scale, for a look.
func TestScaled200(t *testing.T) {
	srv := NewServer(t, []byte("220 mail.example.test ESMTP ready\r\n"), false)
	srv.Reply = SMTPReply
	a := LaunchWith(t, []string{"FYNE_SCALE=2"}, "127.0.0.1", srv.Port())
	a.Type("EHLO tern.example")
	a.Key("Return")
	Eventually(t, "EHLO at the server", func() bool { return strings.HasPrefix(srv.Received(), "EHLO tern.example\r\n") })
	time.Sleep(2 * time.Second) // software GL repaints a 200 % window slowly
	a.Screenshot("07-session-200-percent")
	a.Key("ctrl+shift+t")
	time.Sleep(2 * time.Second)
	a.Screenshot("08-new-session-200-percent")
}
