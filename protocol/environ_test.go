package protocol

import (
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// TestEnvironChangedWhileConnected: telnet's "environ" at work on a live
// session. A variable defined now is what the server's next SEND gets and
// what "environ send" tells at once; an unexported one (USER here) is
// never sent; SendEnviron refuses in telnet's words.
func TestEnvironChangedWhileConnected(t *testing.T) {
	idle := NewSession(Config{})
	defer idle.Close()
	if err := idle.SendEnviron("USER"); !errors.Is(err, ErrEnvironNotEnabled) {
		t.Fatalf("not connected: %v", err)
	}
	ask := make(chan struct{})
	p := loopserver.StartScripted(t, func(c net.Conn) {
		c.Write([]byte{255, 253, 39}) // DO NEW-ENVIRON
		<-ask
		c.Write([]byte{255, 250, 39, 1, 255, 240}) // SB NEW-ENVIRON SEND (everything) SE
	})
	s, _, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), User: "alice",
		Environment: map[string]string{"TERM_PROGRAM": "tern"}})
	testwait.Until(t, "NEW-ENVIRON agreed", func() bool {
		for _, o := range s.Status().Options {
			if o.Option == telnet.OptNewEnviron && o.Local == telnet.Yes {
				return true
			}
		}
		return false
	})

	if err := s.SendEnviron("NOPE"); !errors.Is(err, ErrEnvironUndefined) {
		t.Fatalf("an undefined variable: %v", err)
	}
	env, _ := s.Environ().Define("DISPLAY", "ws1:0").Exported("USER", false)
	s.SetEnviron(env)
	if err := s.SendEnviron("USER"); !errors.Is(err, ErrEnvironUnexported) {
		t.Fatalf("an unexported variable: %v", err)
	}
	if err := s.SendEnviron("DISPLAY"); err != nil {
		t.Fatal(err)
	}
	close(ask)
	info := "\xff\xfa\x27\x02\x03DISPLAY\x01ws1:0\xff\xf0"                       // SB NEW-ENVIRON INFO USERVAR DISPLAY VALUE ws1:0 SE
	is := "\xff\xfa\x27\x00\x03DISPLAY\x01ws1:0\x03TERM_PROGRAM\x01tern\xff\xf0" // IS, sorted, no USER
	testwait.Until(t, "the answer to SEND", func() bool { return strings.Contains(p.Received(), is) })
	got := p.Received()
	if !strings.Contains(got, info) || strings.Index(got, info) > strings.Index(got, is) {
		t.Fatalf("received %q\nwant INFO %q, then IS %q", got, info, is)
	}
	if strings.Contains(got, "alice") {
		t.Fatalf("the unexported USER was sent: %q", got)
	}
	if ev := s.Events().String(); !strings.Contains(ev, "client: SB NEW-ENVIRON INFO DISPLAY=ws1:0") {
		t.Fatalf("event log lacks the INFO:\n%s", ev)
	}
}

// TestLogoutRefused: a server that answers DO LOGOUT with WONT LOGOUT
// keeps the session, and the screen says so (nothing else would); the
// request itself is shown at once with toggle options on.
func TestLogoutRefused(t *testing.T) {
	p := loopserver.StartScripted(t, func(c net.Conn) {
		c.Write([]byte{255, 251, 1}) // WILL ECHO: it speaks Telnet
		got := make([]byte, 0, 64)
		buf := make([]byte, 64)
		for !strings.Contains(string(got), "\xff\xfd\x12") { // DO LOGOUT
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			got = append(got, buf[:n]...)
		}
		c.Write([]byte{255, 252, 18}) // WONT LOGOUT
	})
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), ShowOptions: true})
	testwait.Until(t, "connected", func() bool { return strings.Contains(sc.String(), "RCVD WILL ECHO") })
	if err := s.Logout(); err != nil {
		t.Fatal(err)
	}
	testwait.Until(t, "the refusal", func() bool {
		return strings.Contains(sc.String(), "SENT DO LOGOUT\r\nRCVD WONT LOGOUT\r\n\r\nThe server does not log out on request")
	})
	if st := s.Status(); st.State != StateConnected {
		t.Fatalf("state %v after a refused logout", st.State)
	}
}
