package protocol

import (
	"net"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

// TestRunUsesTheOpenConn: with Config.Conn, Run neither resolves Host (a
// name that cannot resolve) nor dials; the server sees that one
// connection and its banner reaches the screen.
func TestRunUsesTheOpenConn(t *testing.T) {
	p := loopserver.Start(t, []byte("220 mx2.example.test ESMTP\r\n"), false)
	c, err := net.Dial("tcp", "127.0.0.1:"+p.Port())
	if err != nil {
		t.Fatal(err)
	}
	s, sc, _ := start(t, Config{Host: "mx2.example.invalid", Port: p.Port(), Conn: c.(*net.TCPConn)})
	testwait.Until(t, "banner", func() bool { return strings.Contains(sc.String(), "220 mx2.example.test") })
	s.SendLine("QUIT")
	testwait.Until(t, "QUIT", func() bool { return p.Received() == "QUIT\r\n" })
	out := sc.String()
	if p.Connections() != 1 || strings.Contains(out, "Trying") || !strings.Contains(out, "Connected to mx2.example.invalid.\r\n") {
		t.Fatalf("output %q", out)
	}
}
