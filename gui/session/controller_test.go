package session

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/peerenv"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestSessionEnds: a session shows the server's output, and its end is
// reported once, after its last byte, with why it ended: the server
// closing is clean, a refused connection is an error, and the person's
// Disconnect never schedules a reconnection.
func TestSessionEnds(t *testing.T) {
	for _, tt := range []struct {
		name       string
		port       func(t testing.TB) string
		disconnect bool
		wantErr    bool
		wantText   string
	}{
		{"the server closes", func(t testing.TB) string { return loopserver.Start(t, []byte("hello, bye\r\n"), true).Port() }, false, false, "hello, bye"},
		{"the person disconnects", func(t testing.TB) string { return loopserver.Start(t, []byte("hello, stay\r\n"), false).Port() }, true, false, "hello, stay"},
		{"the connection is refused", loopserver.ClosedPort, false, true, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := loopSettings(tt.port(t))
			st.AutoReconnect = false
			c, h := newController(t, st, nil)
			c.Connect()
			if tt.wantText != "" {
				eventually(t, "the greeting", contains(h, tt.wantText))
			}
			if tt.disconnect {
				c.Disconnect()
			}
			eventually(t, "the end", func() bool { return len(h.endings()) == 1 })
			end := h.endings()[0]
			if (end.err != nil) != tt.wantErr || end.reconnecting {
				t.Fatalf("ended with %v, reconnecting %v; want an error: %v", end.err, end.reconnecting, tt.wantErr)
			}
			if c.State() != protocol.StateClosed || c.Live() {
				t.Fatalf("state %v after the end", c.State())
			}
			if (c.LastError() != nil) != tt.wantErr {
				t.Fatalf("LastError %v", c.LastError())
			}
		})
	}
}

// TestReconnectAppendsToTheLog: a reconnection starts a new session in
// the same controller, whose session log goes on after the first one's
// rather than replacing it; a dropped connection reconnects by itself
// when the settings say so, and says when.
func TestReconnectAppendsToTheLog(t *testing.T) {
	srv := loopserver.Start(t, []byte("greeting\r\n"), false)
	st := loopSettings(srv.Port())
	st.AutoReconnect = true
	st.Engine.SessionLog = protocol.Log{Path: filepath.Join(t.TempDir(), "session.log")}
	c, h := newController(t, st, nil)
	c.Connect()
	eventually(t, "the first greeting", contains(h, "greeting"))
	c.Reconnect() // by hand
	eventually(t, "the second connection", func() bool { return srv.Connections() == 2 && strings.Count(h.text(), "greeting") == 2 })
	if n := len(h.endings()); n != 0 {
		t.Fatalf("the replaced session reported %d ends", n)
	}
	if !srv.Drop() {
		t.Fatal("no connection to drop")
	}
	eventually(t, "the reconnection", func() bool { return srv.Connections() == 3 && strings.Count(h.text(), "greeting") == 3 })
	if !strings.Contains(h.text(), "Reconnecting in 1s (attempt 1). Disconnect stops this.") {
		t.Fatalf("the terminal shows:\n%s", h.text())
	}
	if ends := h.endings(); len(ends) != 1 || !ends[0].reconnecting {
		t.Fatalf("ends %+v, want one that reconnects", ends)
	}
	c.Disconnect()
	eventually(t, "the end", func() bool { return len(h.endings()) == 2 })
	if h.endings()[1].reconnecting || c.ReconnectStatus() != "" {
		t.Fatal("reconnecting after Disconnect")
	}
	c.Close()
	log, err := os.ReadFile(st.Engine.SessionLog.Path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(log), "greeting"); n != 3 {
		t.Fatalf("the session log holds %d greetings of 3:\n%s", n, log)
	}
}

// TestRealPeerEndsAndReconnects: at the real telnetds, the logon logs in,
// the shell's exit is the server's close, and with automatic reconnection
// on, the controller connects again and logs in again without asking for
// the password twice; the session log holds both sessions. Disconnect
// ends it for good.
func TestRealPeerEndsAndReconnects(t *testing.T) {
	for _, env := range []string{"TERN_PEER_TELNETD", "TERN_PEER_BUSYBOX"} {
		t.Run(env, func(t *testing.T) {
			host, port := peerenv.Addr(t, env)
			st := logonSettings(host, port, logon.Unix)
			st.AutoReconnect = true
			st.Engine.SessionLog = protocol.Log{Path: filepath.Join(t.TempDir(), "session.log")}
			c, h := newController(t, st, func(h *testHost) { h.password = "Peer-Pw-27" })
			c.Connect()
			eventually(t, "the logon", func() bool { return c.LogonStatus() == "Logon: done" })
			eventually(t, "the shell", contains(h, "$ "))
			typeLine(c, "exit")
			eventually(t, "the server's close", func() bool { return len(h.endings()) == 1 })
			if end := h.endings()[0]; end.err != nil || !end.reconnecting {
				t.Fatalf("ended with %v, reconnecting %v", end.err, end.reconnecting)
			}
			eventually(t, "the second logon", func() bool {
				return strings.Count(h.text(), "Welcome ann.") == 2 && c.LogonStatus() == "Logon: done"
			})
			if h.questions() != 1 {
				t.Fatalf("asked %d times for the password", h.questions())
			}
			c.Disconnect()
			eventually(t, "the end", func() bool { return len(h.endings()) == 2 })
			if h.endings()[1].reconnecting {
				t.Fatal("reconnecting after Disconnect")
			}
			c.Close()
			log, err := os.ReadFile(st.Engine.SessionLog.Path)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(log), "Welcome ann."); n != 2 {
				t.Fatalf("the session log holds %d logins of 2", n)
			}
		})
	}
}

// TestDataTaps: the tap the view hands in as a session starts sees its
// data from the first byte and is closed once, after the last; a tap
// attached after the end is closed at once.
func TestDataTaps(t *testing.T) {
	srv := loopserver.Start(t, []byte("220 first line\r\n"), true)
	c, h := newController(t, loopSettings(srv.Port()), func(h *testHost) { h.tap = &recordingTap{} })
	c.Connect()
	s := c.Session()
	eventually(t, "the end", func() bool { return len(h.endings()) == 1 })
	if seen, closes := h.tap.state(); seen != "220 first line\r\n" || closes != 1 {
		t.Fatalf("the tap saw %q and was closed %d times", seen, closes)
	}
	if c.Greeting() != "220 first line" {
		t.Fatalf("greeting %q", c.Greeting())
	}
	late := &recordingTap{}
	c.Attach(s, late)
	if _, closes := late.state(); closes != 1 {
		t.Fatal("a tap attached after the end was not closed")
	}
}
