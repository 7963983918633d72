package session

import (
	"bufio"
	"context"
	"net"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/certtest"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/peerenv"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// logonSettings are a session with the Unix template to host:port as ann.
func logonSettings(host, port string, steps []logon.Step) settings.Session {
	return settings.Session{Name: "peer", Logon: steps, Engine: protocol.Config{Host: host, Port: port, User: "ann"}}
}

// TestLogonAgainstPeers: the Unix template logs in by itself to the real
// telnetds (which take any password) and to a scripted one, asking the
// password once; a refused password is explained in the terminal; a
// declined question sends nothing.
func TestLogonAgainstPeers(t *testing.T) {
	for _, tt := range []struct {
		name      string
		addr      func(t *testing.T) (host, port string)
		password  string
		want      string // in the terminal
		wantState string // the status bar's last word (prefix)
	}{
		{"inetutils telnetd", peer("TERN_PEER_TELNETD"), "Peer-Pw-27", "Welcome ann.", "Logon: done"},
		{"busybox telnetd", peer("TERN_PEER_BUSYBOX"), "Peer-Pw-27", "Welcome ann.", "Logon: done"},
		{"scripted, right password", scripted("right"), "right", "Welcome\r\npeer$", "Logon: done"},
		{"scripted, wrong password", scripted("right"), "wrong",
			"Logon stopped at step 3 of 3: the server refused the login (“Login incorrect”).", "Logon stopped at step 3 of 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			host, port := tt.addr(t)
			c, h := newController(t, logonSettings(host, port, logon.Unix), func(h *testHost) { h.password = tt.password })
			c.Connect()
			eventually(t, "the logon's end", func() bool { return strings.HasPrefix(c.LogonStatus(), tt.wantState) })
			if tt.want != "" {
				eventually(t, tt.want, contains(h, tt.want))
			}
			if h.questions() != 1 {
				t.Fatalf("asked %d times for the password", h.questions())
			}
			if tt.password != "" && strings.Contains(h.text(), tt.password) {
				t.Fatal("the terminal shows the password")
			}
		})
	}
}

// TestTelnetLoginTemplateAgainstPeers: the "Telnet login (23)" template's
// steps log in to the real telnetds with the session's user name; without
// one they ask nothing and send nothing (barrier: the person then types
// the user name, and the server's login prompt has come once only: an
// empty line would have brought a second), and the status bar says why.
func TestTelnetLoginTemplateAgainstPeers(t *testing.T) {
	for _, env := range []string{"TERN_PEER_TELNETD", "TERN_PEER_BUSYBOX"} {
		t.Run(env+"/with a user", func(t *testing.T) {
			host, port := peerenv.Addr(t, env)
			c, h := newController(t, logonSettings(host, port, telnetLoginSteps(t)), func(h *testHost) { h.password = "Peer-Pw-27" })
			c.Connect()
			eventually(t, "the logon's end", func() bool { return c.LogonStatus() == "Logon: done" })
			eventually(t, "the welcome", contains(h, "Welcome ann."))
			if h.questions() != 1 || strings.Contains(h.text(), "Peer-Pw-27") {
				t.Fatalf("asked %d times for the password, or the terminal shows it", h.questions())
			}
		})
		t.Run(env+"/without a user", func(t *testing.T) {
			host, port := peerenv.Addr(t, env)
			st := logonSettings(host, port, telnetLoginSteps(t))
			st.Engine.User = ""
			c, h := newController(t, st, func(h *testHost) { h.password = "Peer-Pw-27" })
			c.Connect()
			eventually(t, "the login prompt", contains(h, "login: "))
			if got := c.LogonStatus(); got != noUserStatus {
				t.Fatalf("status %q, want %q", got, noUserStatus)
			}
			c.Send([]byte("ann\r"))
			eventually(t, "the password prompt", contains(h, "Password: "))
			if n := strings.Count(h.text(), "login: "); n != 1 || h.questions() != 0 {
				t.Fatalf("%d login prompts and %d password questions, want 1 and 0:\n%s", n, h.questions(), h.text())
			}
		})
	}
}

// telnetLoginSteps are the logon steps of the "Telnet login (23)" template.
func telnetLoginSteps(t *testing.T) []logon.Step {
	for _, p := range profiles.Builtins() {
		if p.Name == "Telnet login (23)" {
			if len(p.Logon) == 0 {
				t.Fatal("the Telnet login template has no logon steps")
			}
			return p.Logon
		}
	}
	t.Fatal("no Telnet login template")
	return nil
}

// TestLogonAsksBeforeDialling (issue 26): the password the logon sends
// is asked before the connection is made, so a router's login timer does
// not run while the person types it; the logon then runs at once.
func TestLogonAsksBeforeDialling(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "right"))
	connectionsWhenAsked := -1
	c, h := newController(t, logonSettings("127.0.0.1", srv.Port(), logon.Unix), func(h *testHost) {
		h.password = "right"
		h.beforeAnswer = func() { connectionsWhenAsked = srv.Connections() }
	})
	c.Connect()
	eventually(t, "the logon's end", func() bool { return c.LogonStatus() == "Logon: done" })
	if connectionsWhenAsked != 0 || h.questions() != 1 {
		t.Fatalf("asked %d times, with %d connections made when asked; want once, before any", h.questions(), connectionsWhenAsked)
	}
}

// TestClosedBeforeDiallingNeverDials: a session closed while its
// password is asked never dials once the answer comes.
func TestClosedBeforeDiallingNeverDials(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "right"))
	var c *Controller
	c, _ = newController(t, logonSettings("127.0.0.1", srv.Port(), logon.Unix), func(h *testHost) {
		h.password = "right"
		h.beforeAnswer = func() { c.Disconnect() }
	})
	c.Connect()
	eventually(t, "the session's end", func() bool { return c.State() == protocol.StateClosed })
	// Barrier: a second controller's session to the same server connects
	// and is counted; the first never was.
	c2, _ := newController(t, loopSettings(srv.Port()), nil)
	c2.Connect()
	eventually(t, "the second connection", func() bool { return c2.State() == protocol.StateConnected })
	if n := srv.Connections(); n != 1 {
		t.Fatalf("%d connections, want only the second controller's", n)
	}
}

func peer(env string) func(t *testing.T) (string, string) {
	return func(t *testing.T) (string, string) { return peerenv.Addr(t, env) }
}

func scripted(password string) func(t *testing.T) (string, string) {
	return func(t *testing.T) (string, string) {
		return "127.0.0.1", loopserver.StartScripted(t, loopserver.Login("ann", password)).Port()
	}
}

// TestAKeyStopsTheLogon: a key typed while the logon waits for
// "Password:" stops it; the key goes out (Escape only stops), and no
// further step is sent: the server's echo of a marker typed afterwards
// is the barrier before asserting what it received.
func TestAKeyStopsTheLogon(t *testing.T) {
	for _, tt := range []struct{ name, key, want string }{
		{"a key goes out", "x", "x"},
		{"escape only stops", "\x1b", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gotUser, typed := make(chan string, 1), make(chan struct{})
			srv := loopserver.StartScripted(t, func(c net.Conn) {
				c.Write([]byte{255, 251, 1, 255, 251, 3}) // IAC WILL ECHO, IAC WILL SGA: keys go out as typed
				c.Write([]byte("login: "))
				line, _ := bufio.NewReader(c).ReadString('\n')
				gotUser <- line
				<-typed
				c.Write([]byte("\r\nPassword: "))
			})
			steps := []logon.Step{{Expect: "login:", Send: "{user}"}, {Expect: "Password:", Send: "{password}"}, {Expect: "$", Send: "id"}}
			c, h := newController(t, logonSettings("127.0.0.1", srv.Port(), steps), func(h *testHost) { h.password = "never-sent" })
			c.Connect()
			if user := <-gotUser; !strings.HasSuffix(user, "ann\r\n") {
				t.Fatalf("server got %q for the user", user)
			}
			eventually(t, "step 2", func() bool { return c.LogonStatus() == "Logon: step 2 of 3, waiting for “Password:”" })
			if !c.TakeKeys([]byte(tt.key)) {
				c.Send([]byte(tt.key))
			}
			close(typed)
			eventually(t, "the logon to stop", func() bool { return strings.Contains(c.LogonStatus(), "you typed") })
			eventually(t, "the password prompt", contains(h, "Password:"))
			c.Send([]byte("MARK"))
			eventually(t, "the marker", func() bool { return strings.HasSuffix(srv.Received(), "MARK") })
			if got := strings.TrimSuffix(srv.Received(), "MARK"); got != tt.want {
				t.Fatalf("after the prompt the server got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPasswordStaysWithItsPlace (issue 24 item 2): a password given for
// one host and port, or kept in the keychain for the profile's, is not
// sent to another that `open` at the telnet> prompt reaches: the
// controller asks again there.
func TestPasswordStaysWithItsPlace(t *testing.T) {
	for _, tt := range []struct {
		name      string
		keychain  bool
		wantAsked int
	}{
		{"given in the session", false, 2},
		{"kept in the keychain", true, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-first"))
			other := loopserver.StartScripted(t, loopserver.Login("ann", "Pw-other"))
			st := logonSettings("127.0.0.1", first.Port(), logon.Unix)
			st.Profile.RememberPassword = tt.keychain
			c, h := newController(t, st, func(h *testHost) {
				h.password = "Pw-first"
				if tt.keychain {
					h.password, h.saved = "", map[string]string{"peer": "Pw-first"}
				}
			})
			c.Connect()
			eventually(t, "the first logon", func() bool { return c.LogonStatus() == "Logon: done" })
			h.mu.Lock()
			h.password = "Pw-other"
			h.mu.Unlock()
			c.Disconnect()
			eventually(t, "the first session's end", func() bool { return c.State() == protocol.StateClosed })
			c.OpenPrompt()
			typeLine(c, "open 127.0.0.1 "+other.Port())
			eventually(t, "the second logon", func() bool { return c.LogonStatus() == "Logon: done" })
			if h.questions() != tt.wantAsked {
				t.Fatalf("asked %d times, want %d", h.questions(), tt.wantAsked)
			}
			if got := other.Received(); strings.Contains(got, "Pw-first") {
				t.Fatalf("the first host's password reached the other: %q", got)
			}
			if st := c.Settings(); st.Name != "" || st.Engine.Port != other.Port() {
				t.Fatalf("settings after open: %q %s", st.Name, st.Engine.Port)
			}
		})
	}
}

// TestThePromptTarget: the telnet> prompt runs its commands against the
// controller: status, an unknown command, close, and quit.
func TestThePromptTarget(t *testing.T) {
	srv := loopserver.Start(t, []byte("hi\r\n"), false)
	c, h := newController(t, loopSettings(srv.Port()), nil)
	c.Connect()
	eventually(t, "the connection", func() bool { return c.State() == protocol.StateConnected })
	c.OpenPrompt()
	if !c.InPrompt() || !c.TakeKeys([]byte("x")) {
		t.Fatal("keys do not go to the open prompt")
	}
	typeLine(c, "\b\x15bogus") // erase, then an unknown command
	eventually(t, "the answer", contains(h, "?Invalid command"))
	c.OpenPrompt()
	typeLine(c, "close")
	eventually(t, "the end", func() bool { return c.State() == protocol.StateClosed })
	c.OpenPrompt()
	typeLine(c, "quit")
	eventually(t, "quit", func() bool { h.mu.Lock(); defer h.mu.Unlock(); return h.quit == 1 })
	if c.Live() {
		t.Fatal("live after quit")
	}
	if strings.Contains(srv.Received(), "bogus") || strings.Contains(srv.Received(), "close") {
		t.Fatalf("prompt keys reached the server: %q", srv.Received())
	}
}

// TestToggleOptionsKeepsForTheNextConnection: "toggle options" typed at
// the prompt of a closed tab is kept, as telnet keeps its toggles, so the
// next connection's negotiation is shown from its first line; toggled
// again, it says so.
func TestToggleOptionsKeepsForTheNextConnection(t *testing.T) {
	srv := loopserver.Start(t, []byte{255, 251, 1, 'h', 'i', '\r', '\n'}, false) // WILL ECHO, hi
	c, h := newController(t, loopSettings(srv.Port()), nil)
	c.Connect()
	eventually(t, "the greeting", contains(h, "hi"))
	if strings.Contains(h.text(), "RCVD") {
		t.Fatalf("option processing shown before it was asked for:\n%s", h.text())
	}
	c.OpenPrompt()
	typeLine(c, "close")
	eventually(t, "the end", func() bool { return c.State() == protocol.StateClosed })
	c.OpenPrompt()
	typeLine(c, "toggle options")
	eventually(t, "the answer", contains(h, "Will show option processing."))
	c.OpenPrompt()
	typeLine(c, "display")
	eventually(t, "display", contains(h, "will show option processing.\r\n"))
	c.Reconnect()
	eventually(t, "the negotiation shown", contains(h, "RCVD WILL ECHO\r\nSENT DO ECHO\r\n"))
	c.OpenPrompt()
	typeLine(c, "tog opt")
	eventually(t, "the answer", contains(h, "Won't show option processing."))
}

// TestAcceptedCertificateIsRemembered: the certificate question is asked
// once per controller and certificate; a different certificate asks
// again; a late yes is not remembered.
func TestAcceptedCertificateIsRemembered(t *testing.T) {
	c, h := newController(t, loopSettings("1"), func(h *testHost) {
		h.verify = func(context.Context, string, tlscheck.Info) error { return nil }
	})
	verify := c.verifier("mail.example.test:465")
	a, b := selfSigned(t), selfSigned(t)
	ctx := context.Background()
	for i, info := range []tlscheck.Info{a, a, b} {
		if err := verify(ctx, info); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
	}
	if n := h.questions(); n != 2 {
		t.Fatalf("asked %d times for two certificates", n)
	}
	late, cancel := context.WithCancel(ctx)
	cancel()
	third := selfSigned(t)
	if err := verify(late, third); err == nil {
		t.Fatal("a yes after the session gave up went on")
	}
	if err := verify(ctx, third); err != nil || h.questions() != 4 {
		t.Fatalf("a late yes was remembered: %v, asked %d", err, h.questions())
	}
}

func selfSigned(t *testing.T) tlscheck.Info { return certtest.SelfSigned(t, "mail.example.test") }

// TestLogonSendsNothing: a logon whose password was declined, or whose
// text never came, sends nothing; the timeout is explained with the step,
// the text and the time, after skipping a step that may be skipped. A
// marker typed afterwards is the barrier: it must be the first thing the
// server got.
func TestLogonSendsNothing(t *testing.T) {
	for _, tt := range []struct {
		name      string
		steps     []logon.Step
		password  string
		want      string // in the terminal
		wantAsked int
	}{
		{"password declined", logon.Unix, "", "", 1},
		{"text never comes", []logon.Step{
			{Expect: "Press RETURN", Send: "{enter}", NoEnter: true, Timeout: 100 * time.Millisecond, OnTimeout: logon.Continue},
			{Expect: "login:", Send: "{user}", Timeout: 200 * time.Millisecond},
		}, "", "Logon stopped at step 2 of 2: “login:” did not appear within 0.2 s. The session is yours.", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := loopserver.Start(t, []byte("Welcome\r\n"), false)
			st := logonSettings("127.0.0.1", srv.Port(), tt.steps)
			st.Engine.Negotiation = protocol.NegotiateRaw // the server gets only what the logon or the person sends
			c, h := newController(t, st, func(h *testHost) { h.password = tt.password })
			c.Connect()
			eventually(t, "the logon's end", func() bool { return strings.HasPrefix(c.LogonStatus(), "Logon stopped") })
			if tt.want != "" {
				eventually(t, "the explanation", contains(h, tt.want))
			}
			typeLine(c, "MARK") // a line: the session may edit lines locally
			eventually(t, "the marker", func() bool { return strings.Contains(srv.Received(), "MARK") })
			if got := srv.Received(); !strings.HasPrefix(got, "MARK") {
				t.Fatalf("the server got %q before the marker", got[:strings.Index(got, "MARK")])
			}
			if h.questions() != tt.wantAsked {
				t.Fatalf("asked %d times for the password, want %d", h.questions(), tt.wantAsked)
			}
		})
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
			c, h := newController(t, logonSettings("127.0.0.1", srv.Port(), nil), nil)
			c.Connect()
			eventually(t, "login:", contains(h, "login:"))
			typeLine(c, "ann")
			eventually(t, prompt, contains(h, prompt))
			typeLine(c, "Pw-2")
			eventually(t, "the shell prompt", contains(h, "peer$"))
			want := []logon.Step{{Expect: "login:", Send: "{user}"}, {Expect: prompt, Send: "{password}"}}
			if got := c.ProposeLogon(); !reflect.DeepEqual(got, want) {
				t.Fatalf("proposed %+v, want %+v", got, want)
			}
		})
	}
}
