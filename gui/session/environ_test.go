package session

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol"
)

// TestEnvironKeepsForTheNextConnection: variables changed at telnet> are
// the session's and the tab's next connections' (as telnet keeps its
// environ); the auto-login user name stays for the logon actions even
// when USER is unexported, and USER then reaches no server.
func TestEnvironKeepsForTheNextConnection(t *testing.T) {
	// Each connection: DO NEW-ENVIRON, then SEND (everything).
	srv := loopserver.Start(t, []byte{255, 253, 39, 255, 250, 39, 1, 255, 240, 'h', 'i', '\r', '\n'}, false)
	st := loopSettings(srv.Port())
	st.Engine.User = "alice"
	c, h := newController(t, st, nil)
	c.Connect()
	eventually(t, "the first answer", func() bool { return strings.Contains(srv.Received(), "\x00USER\x01alice\xff\xf0") })

	c.OpenPrompt()
	typeLine(c, `environ define GREETING "hi there"`)
	c.OpenPrompt()
	typeLine(c, "env unexport USER")
	c.OpenPrompt()
	typeLine(c, "environ list")
	eventually(t, "the list", contains(h, "* GREETING             hi there\r\n  USER                 alice\r\n"))
	c.OpenPrompt()
	typeLine(c, "environ send GREETING")
	info := "\xff\xfa\x27\x02\x03GREETING\x01hi there\xff\xf0"
	eventually(t, "the INFO", func() bool { return strings.Contains(srv.Received(), info) })
	c.OpenPrompt()
	typeLine(c, "environ send USER")
	eventually(t, "the refusal", contains(h, "Cannot send 'USER': variable not exported (environ export sends it)"))
	c.OpenPrompt()
	typeLine(c, "environ undefine USER")
	eventually(t, "USER stays", contains(h, "'USER' is the session's auto-login user name: it stays defined, no longer sent (unexported)."))
	c.OpenPrompt()
	typeLine(c, "environ list")
	eventually(t, "the list again, USER still unexported", func() bool { return strings.Count(h.text(), "\n  USER                 alice\r\n") == 2 })

	c.OpenPrompt()
	typeLine(c, "close")
	eventually(t, "the end", func() bool { return c.State() == protocol.StateClosed })
	before := len(srv.Received())
	c.Reconnect()
	is := "\xff\xfa\x27\x00\x03GREETING\x01hi there\xff\xf0"
	eventually(t, "the second connection's answer", func() bool { return strings.Contains(srv.Received()[before:], is) })
	if strings.Contains(srv.Received()[before:], "alice") {
		t.Fatalf("the unexported USER was sent: %q", srv.Received()[before:])
	}
	if got := c.Settings().Engine.User; got != "alice" {
		t.Fatalf("the auto-login user name is %q, want it kept (the logon actions' {user})", got)
	}
}

// TestOpenWithLoginName: "open -l user host port" connects with user as
// the auto-login user name, sent as USER even where USER had been
// unexported (as telnet's open -l defines and exports it).
func TestOpenWithLoginName(t *testing.T) {
	srv := loopserver.Start(t, []byte{255, 253, 39, 255, 250, 39, 1, 255, 240}, false)
	st := loopSettings(loopserver.ClosedPort(t))
	st.Engine.User = "alice"
	st.Engine.EnvironUnexported = map[string]string{"USER": "alice"}
	c, h := newController(t, st, nil)
	c.OpenPrompt()
	typeLine(c, "open -l ops 127.0.0.1 "+srv.Port())
	eventually(t, "USER=ops", func() bool { return strings.Contains(srv.Received(), "\x00USER\x01ops\xff\xf0") })
	if e := c.Settings().Engine; e.User != "ops" || e.EnvironUnexported["USER"] != "" || st.Engine.EnvironUnexported["USER"] != "alice" {
		t.Fatalf("settings now %+v (the old map: %v)\n%s", e, st.Engine.EnvironUnexported, h.text())
	}
}

// TestToggleCrmodAndLocalchars: telnet's "toggle crmod" maps a received
// CR to CR LF (the tab's CR implies LF) and "toggle localchars" sends ^C
// as IAC IP (the Telnet keys); both say so in telnet's words and stay in
// the tab's settings.
func TestToggleCrmodAndLocalchars(t *testing.T) {
	srv := loopserver.Start(t, []byte{255, 252, 1}, false) // WONT ECHO: it speaks Telnet, so ^C can be IP
	srv.Reply = func(line string) string { return "one\rtwo " + line + "\n" }
	c, h := newController(t, loopSettings(srv.Port()), nil)
	c.Connect()
	eventually(t, "connected", func() bool { return c.State() == protocol.StateConnected })
	typeLine(c, "first")
	eventually(t, "a CR alone", contains(h, "one\rtwo first"))

	c.OpenPrompt()
	typeLine(c, "toggle crmod")
	eventually(t, "the answer", contains(h, "Will map carriage return on output."))
	typeLine(c, "second")
	eventually(t, "CR mapped to CR LF", contains(h, "one\r\ntwo second"))

	c.OpenPrompt()
	typeLine(c, "toggle localchars")
	eventually(t, "the answer", contains(h, "Will recognize certain control characters."))
	c.Send([]byte{0x03})
	typeLine(c, "third") // barrier: what came before it has arrived
	eventually(t, "the barrier", contains(h, "two third"))
	if got := srv.Received(); !strings.Contains(got, "\xff\xf4") || strings.Index(got, "\xff\xf4") > strings.Index(got, "third") {
		t.Fatalf("^C did not go as IAC IP before the next line: %q", got)
	}
	if st := c.Settings(); !st.CRImpliesLF || !st.Engine.KeyboardSpecials {
		t.Fatalf("settings not kept: CR implies LF %v, Telnet keys %v", st.CRImpliesLF, st.Engine.KeyboardSpecials)
	}
}

// TestOpenLeavesThePrompt: after "open host port" at telnet> (a closed
// tab), keys go to the new connection, as telnet goes back to the
// session once it opens one; the prompt is not printed again.
func TestOpenLeavesThePrompt(t *testing.T) {
	srv := loopserver.Start(t, []byte("login: "), false)
	c, h := newController(t, loopSettings(loopserver.ClosedPort(t)), nil)
	c.OpenPrompt()
	typeLine(c, "open 127.0.0.1 "+srv.Port())
	if c.InPrompt() {
		t.Fatal("still at telnet> after open")
	}
	eventually(t, "the greeting", contains(h, "login: "))
	typeLine(c, "root")
	eventually(t, "the name at the server", func() bool { return strings.Contains(srv.Received(), "root") })
	if strings.Count(h.text(), "telnet> ") != 1 {
		t.Fatalf("the prompt was printed again:\n%q", h.text())
	}
}

// TestCloseSaysClosedBeforeThePrompt: "close" at telnet> shows the
// session's "Connection closed." and then telnet> again, in that order,
// as telnet does (the first came after the prompt now and then).
func TestCloseSaysClosedBeforeThePrompt(t *testing.T) {
	srv := loopserver.Start(t, []byte("hi\r\n"), false)
	for i := 0; i < 20; i++ {
		c, h := newController(t, loopSettings(srv.Port()), nil)
		c.Connect()
		eventually(t, "the greeting", contains(h, "hi"))
		c.OpenPrompt()
		typeLine(c, "close")
		eventually(t, "the prompt again", func() bool { return strings.Count(h.text(), "telnet> ") == 2 })
		if text := h.text(); !strings.HasSuffix(text, "Connection closed.\r\ntelnet> ") {
			t.Fatalf("run %d: %q", i, text)
		}
		c.Close()
	}
}
