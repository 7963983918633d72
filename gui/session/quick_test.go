package session

import (
	"errors"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// TestQuickCommandsSendExpandedLinesAndKeys: against a scripted peer a
// quick command's placeholders are expanded ({user}, {enter}, and
// {password} asked once, then known), keys go out without Enter, and
// the password is never shown.
func TestQuickCommandsSendExpandedLinesAndKeys(t *testing.T) {
	srv := loopserver.Start(t, []byte("router> "), false)
	st := settings.Session{Name: "router", Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), User: "ann"}}
	c, h := newController(t, st, func(h *testHost) { h.password = "Pw-1{x}" })
	c.Connect()
	eventually(t, "connected", func() bool { return c.State() == protocol.StateConnected })
	sent := ""
	for _, q := range []struct {
		cmd  profiles.QuickCommand
		want string
	}{
		{profiles.QuickCommand{Label: "Who", Send: "show users {user}"}, "show users ann\r\n"},
		{profiles.QuickCommand{Label: "Enable", Send: "enable{enter}{password}"}, "enable\r\nPw-1{x}\r\n"},
		{profiles.QuickCommand{Label: "Break", Send: "{ctrl-c}", Keys: true}, "\x03"},
		{profiles.QuickCommand{Label: "Enable again", Send: "enable{enter}{password}"}, "enable\r\nPw-1{x}\r\n"},
		{profiles.QuickCommand{Label: "Done", Send: "exit"}, "exit\r\n"},
	} {
		if err := c.SendQuick(q.cmd); err != nil {
			t.Fatalf("%s: %v", q.cmd.Label, err)
		}
		sent += q.want
		eventually(t, q.cmd.Label+" sent", func() bool { return strings.HasSuffix(srv.Received(), sent) })
	}
	if n := h.questions(); n != 1 {
		t.Fatalf("asked for the password %d times, want once", n)
	}
	if strings.Contains(h.text(), "Pw-1") {
		t.Fatal("the terminal shows the password")
	}
}

func TestQuickCommandWithoutASession(t *testing.T) {
	srv := loopserver.Start(t, []byte("x"), false)
	c, _ := newController(t, loopSettings(srv.Port()), nil)
	if err := c.SendQuick(profiles.QuickCommand{Label: "x", Send: "x"}); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("before connecting: error %v, want ErrNotConnected", err)
	}
	c.Connect()
	eventually(t, "connected", func() bool { return c.State() == protocol.StateConnected })
	c.Session().Close()
	eventually(t, "the session to end", func() bool { return c.State() != protocol.StateConnected })
	if err := c.SendQuick(profiles.QuickCommand{Label: "x", Send: "x"}); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("error %v, want ErrNotConnected", err)
	}
}
