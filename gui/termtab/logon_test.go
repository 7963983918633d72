package termtab

import (
	"bufio"
	"net"
	"reflect"
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
			h.tab.Type([]byte("y")) // the next key clears the note
			if st := h.tab.LogonStatus(); st != "" {
				t.Fatalf("status %q after the next key", st)
			}
			// Barrier: the y must arrive, after any password the prompt
			// could have set off.
			h.waitUntil("the y", func() bool { return strings.HasSuffix(srv.Received(), "y") })
			if got := srv.Received(); got != tt.want+"y" {
				t.Fatalf("after the prompt the server got %q, want %q", got, tt.want+"y")
			}
		})
	}
}

// TestRefusedLogonIsExplained: a wrong password stops the logon at the
// step after it, with the server's words and what to check, in the
// terminal; a declined password question stops it before it starts.
func TestRefusedLogonIsExplained(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "right"))
	h := newHarnessWith(t, logonSettings(srv.Port(), logon.Unix), func(f *fakeHost) { f.password = "wrong" })
	want := "Logon stopped at step 3 of 3: the server refused the login (“Login incorrect”)."
	h.waitUntil("the explanation", func() bool { return strings.Contains(h.tab.History(), want) })
	if !strings.HasPrefix(h.tab.LogonStatus(), "Logon stopped at step 3 of 3") {
		t.Fatalf("status %q", h.tab.LogonStatus())
	}

	srv2 := loopserver.StartScripted(t, loopserver.Login("ann", "right"))
	h2 := newHarnessWith(t, logonSettings(srv2.Port(), logon.Unix), func(f *fakeHost) { f.refuse = true })
	h2.waitUntil("the logon to give up", func() bool { return strings.Contains(h2.tab.LogonStatus(), "no password was given") })
	// Barrier: a line typed now is the first the server reads (it
	// answers it with its password prompt) unless the logon sent the
	// user name before it.
	h2.tab.Type([]byte("barrier\r"))
	h2.waitUntil("the server's answer to the first line", func() bool { return strings.Contains(h2.tab.History(), "Password:") })
	if text := h2.tab.History(); !strings.Contains(text, "barrier\n\nPassword:") || strings.Contains(text, "ann") {
		t.Fatalf("the logon sent something without a password:\n%s", text)
	}
}

// TestRecordFromThisSession: a login typed by hand becomes steps that
// wait for each prompt, with the user name as {user} and the line typed
// at the password prompt as {password}, whatever the prompt's language
// (issue 24 item 8), and at an unknown prompt where nothing echoed it.
func TestRecordFromThisSession(t *testing.T) {
	for _, prompt := range []string{"Password:", "Passwort:", "Mot de passe :", "パスワード:", "Geheimzahl:"} {
		t.Run(prompt, func(t *testing.T) {
			srv := loopserver.StartScripted(t, loopserver.LoginAsking("ann", "Pw-2", prompt+" "))
			h := newHarnessWith(t, logonSettings(srv.Port(), nil), nil)
			typeLine := func(prompt, line string) {
				h.waitUntil(prompt, func() bool { return strings.HasSuffix(strings.TrimSpace(h.tab.History()), prompt) })
				for _, c := range line + "\r" {
					h.tab.Type([]byte(string(c)))
				}
			}
			typeLine("login:", "ann")
			typeLine(prompt, "Pw-2")
			h.waitUntil("the shell prompt", func() bool { return strings.Contains(h.tab.History(), "peer$") })
			want := []logon.Step{{Expect: "login:", Send: "{user}"}, {Expect: prompt, Send: "{password}"}}
			if got := h.tab.ProposeLogon(); !reflect.DeepEqual(got, want) {
				t.Fatalf("proposed %+v, want %+v", got, want)
			}
		})
	}
}

// TestLogonTimeoutIsExplained: a text that never comes stops the logon
// with the step, the text and the time in the terminal; a step that may
// be skipped is skipped first.
func TestLogonTimeoutIsExplained(t *testing.T) {
	srv := newLoopServer(t, "Welcome\r\n")
	steps := []logon.Step{
		{Expect: "Press RETURN", Send: "{enter}", NoEnter: true, Timeout: 100 * time.Millisecond, OnTimeout: logon.Continue},
		{Expect: "login:", Send: "{user}", Timeout: 200 * time.Millisecond},
	}
	h := newHarnessWith(t, logonSettings(srv.Port(), steps), nil)
	want := "Logon stopped at step 2 of 2: “login:” did not appear within 0.2 s. The session is yours."
	h.waitUntil("the explanation", func() bool { return strings.Contains(h.tab.History(), want) })
	if got := srv.Received(); got != "" {
		t.Fatalf("the server got %q", got)
	}
	if h.host.asked != 0 {
		t.Fatal("asked for a password no step sends")
	}
}
