package termtab

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// logonSettings are a session with the Unix template to 127.0.0.1:port
// as user ann.
func logonSettings(port string, steps []logon.Step) settings.Session {
	return settings.Session{Name: "peer", Logon: steps, Engine: protocol.Config{Host: "127.0.0.1", Port: port, User: "ann"}}
}

// TestLogonLogsInAndRunsAgainOnReconnect: against a scripted telnetd the
// Unix template logs in by itself, asking the password once; the status
// bar follows the steps; Reconnect logs in again without asking.
func TestLogonLogsInAndRunsAgainOnReconnect(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-1{x}"))
	h := newHarnessWith(t, logonSettings(srv.Port(), logon.Unix), func(f *fakeHost) { f.password = "Pw-1{x}" })
	h.waitUntil("the logon to finish", func() bool { return h.tab.LogonStatus() == "Logon: done" })
	h.waitUntil("the shell prompt", func() bool { return strings.Contains(h.tab.History(), "Welcome\npeer$") })
	h.waitUntil("Logon: done in the Event log", func() bool {
		return strings.Contains(h.tab.Session().Events().String(), "Logon: done")
	})
	if strings.Contains(h.tab.History(), "Pw-1") {
		t.Fatal("the terminal shows the password")
	}
	h.tab.Reconnect()
	h.waitUntil("a second login", func() bool {
		return strings.Count(h.tab.History(), "Welcome\npeer$") == 2 && h.tab.LogonStatus() == "Logon: done"
	})
	if h.host.asked != 1 || srv.Connections() != 2 {
		t.Fatalf("asked for the password %d times over %d connections, want once over 2", h.host.asked, srv.Connections())
	}
}

// TestTypingInterruptsLogon: a key typed while the logon waits for
// "Password:" (or a paste) reaches the server, and no further step is
// sent; Escape only stops the logon.
func TestTypingInterruptsLogon(t *testing.T) {
	for _, tt := range []struct {
		name, key, want string
		paste           bool
	}{
		{"a key goes out", "x", "x", false},
		{"escape only stops", "\x1b", "", false},
		{"a paste goes out", "pasted", "pasted", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gotUser, typed := make(chan string, 1), make(chan struct{})
			srv := loopserver.StartScripted(t, func(c net.Conn) {
				c.Write([]byte{255, 251, 1, 255, 251, 3}) // IAC WILL ECHO, IAC WILL SGA: keys go out as typed
				c.Write([]byte("login: "))
				line, _ := bufio.NewReader(c).ReadString('\n')
				gotUser <- line
				select {
				case <-typed:
				case <-time.After(5 * time.Second):
				}
				c.Write([]byte("\r\nPassword: "))
			})
			steps := []logon.Step{{Expect: "login:", Send: "{user}"}, {Expect: "Password:", Send: "{password}"}, {Expect: "$", Send: "id"}}
			h := newHarnessWith(t, logonSettings(srv.Port(), steps), func(f *fakeHost) { f.password = "never-sent" })
			var user string
			h.waitUntil("the user name", func() bool {
				select {
				case user = <-gotUser:
					return true
				default:
					return false
				}
			})
			if !strings.HasSuffix(user, "ann\r\n") {
				t.Fatalf("server got %q for the user", user)
			}
			h.waitUntil("step 2", func() bool { return h.tab.LogonStatus() == "Logon: step 2 of 3, waiting for “Password:”" })
			if tt.paste {
				h.tab.Paste([]byte(tt.key))
			} else {
				h.tab.Type([]byte(tt.key))
			}
			close(typed)
			h.waitUntil("the logon to stop", func() bool { return strings.Contains(h.tab.LogonStatus(), "you typed") })
			h.waitUntil("the password prompt", func() bool { return strings.Contains(h.tab.History(), "Password:") })
			h.tab.Type([]byte("y")) // the next key goes out, and clears the note
			if st := h.tab.LogonStatus(); st != "" {
				t.Fatalf("status %q after the next key", st)
			}
			// "y" is the barrier: once it arrived, no step can come after.
			h.waitUntil("the next key", func() bool { return strings.HasSuffix(srv.Received(), "y") })
			if got := strings.TrimSuffix(srv.Received(), "y"); got != tt.want {
				t.Fatalf("after the prompt the server got %q, want %q", got, tt.want)
			}
		})
	}
}
