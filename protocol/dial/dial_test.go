package dial

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// TestDialDirect: a direct connection says what BSD telnet says, binds
// where it is told, and names why it failed in connerr's kinds.
func TestDialDirect(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, open, _ := net.SplitHostPort(l.Addr().String())
	closed := loopserver.ClosedPort(t)

	tests := []struct {
		name   string
		target Target
		kind   connerr.ErrorKind // -1: connects
		said   string
	}{
		{"connects", Target{Host: "127.0.0.1", Port: open}, -1, "Trying 127.0.0.1...\r\n"},
		{"binds to loopback", Target{Host: "127.0.0.1", Port: open, Bind: "127.0.0.1"}, -1, "Trying 127.0.0.1...\r\n"},
		{"refused", Target{Host: "127.0.0.1", Port: closed}, connerr.ErrRefused, "Trying 127.0.0.1...\r\n"},
		{"not a port", Target{Host: "127.0.0.1", Port: "no-such-service"}, connerr.ErrBadPort, ""},
		{"port out of range", Target{Host: "127.0.0.1", Port: "70000"}, connerr.ErrBadPort, ""},
		{"bind address not here", Target{Host: "127.0.0.1", Port: open, Bind: "192.0.2.77"}, connerr.ErrBadBind, "Trying 127.0.0.1...\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var said strings.Builder
			conn, command, err := Dial(context.Background(), tt.target, Progress{Say: func(s string) { said.WriteString(s) }})
			if command != nil {
				t.Error("a direct connection has a proxy command")
			}
			if said.String() != tt.said {
				t.Errorf("said %q, want %q", said.String(), tt.said)
			}
			if tt.kind < 0 {
				if err != nil {
					t.Fatal(err)
				}
				if tt.target.Bind != "" && !strings.HasPrefix(conn.LocalAddr().String(), tt.target.Bind+":") {
					t.Errorf("connected from %s, want %s", conn.LocalAddr(), tt.target.Bind)
				}
				conn.Close()
				return
			}
			var ce *connerr.ConnectError
			if !errors.As(err, &ce) || ce.Kind != tt.kind {
				t.Fatalf("got %v, want a %v ConnectError", err, tt.kind)
			}
		})
	}
}

// TestProxyName: how the status line names the proxy a target goes through.
func TestProxyName(t *testing.T) {
	tests := []struct {
		target Target
		want   string
	}{
		{Target{Host: "r1"}, ""},
		{Target{Host: "r1", Proxy: proxy.Config{Kind: proxy.SOCKS5, Host: "gw", Port: 1080}}, "SOCKS 5 proxy gw:1080"},
		{Target{Host: "r1", Proxy: proxy.Config{Kind: proxy.HTTP, Host: "gw", Port: 3128}}, "HTTP CONNECT proxy gw:3128"},
		{Target{Host: "r1.lab", Proxy: proxy.Config{Kind: proxy.SOCKS4, Host: "gw", Port: 1080, Bypass: []string{"*.lab"}}}, ""},
		{Target{Host: "r1", Proxy: proxy.Config{Kind: proxy.Command, Command: "nc %host %port"}}, "proxy command nc"},
	}
	for _, tt := range tests {
		if got := tt.target.ProxyName(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.target, got, tt.want)
		}
	}
}
