package proxy

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/proxy/proxytest"
	"time"
)

// Real proxies on loopback: microsocks (SOCKS 5) and tinyproxy (HTTP
// CONNECT), started by the tests; the target is an echo server that
// greets first, so a handshake that reads too much loses the greeting.

const greeting = "hello from the target\r\n"

// echoTarget greets and then echoes each connection.
func echoTarget(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_, _ = c.Write([]byte(greeting))
				buf := make([]byte, 512)
				for {
					n, err := c.Read(buf)
					if err != nil {
						return
					}
					_, _ = c.Write(buf[:n])
				}
			}()
		}
	}()
	return l.Addr().(*net.TCPAddr).Port
}

// through dials the proxy and runs the handshake, as protocol's dial does.
func through(c *Config, host string, port int) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := net.Dial("tcp", c.Addr())
	if err != nil {
		return nil, &Error{Stage: StageReach, Proxy: c.Addr(), Err: err}
	}
	if err := Handshake(ctx, conn, c, host, port); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// assertEcho checks the greeting arrives whole and a line comes back.
func assertEcho(t *testing.T, conn net.Conn) {
	t.Helper()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	line, err := r.ReadString('\n')
	if err != nil || line != greeting {
		t.Fatalf("greeting = %q, %v; want %q", line, err, greeting)
	}
	if _, err := conn.Write([]byte("ping through the proxy\n")); err != nil {
		t.Fatal(err)
	}
	if line, err = r.ReadString('\n'); err != nil || line != "ping through the proxy\n" {
		t.Fatalf("echo = %q, %v", line, err)
	}
}

func TestRealProxies(t *testing.T) {
	target := echoTarget(t)
	closed := proxytest.FreePort(t)
	socksOpen := proxytest.Microsocks(t, "", "")
	socksAuth := proxytest.Microsocks(t, "alice", "s3cret")
	httpOpen := proxytest.Tinyproxy(t, "", "", target, closed)
	httpAuth := proxytest.Tinyproxy(t, "bob", "hunter2", target, closed)
	deadPort := proxytest.FreePort(t)
	dante := proxytest.Dante(t)
	socks4a, _ := socks4aPeer(t)
	sshD := proxytest.SSHDynamic(t, proxytest.SSHJump(t))

	tests := []struct {
		name    string
		cfg     Config
		host    string
		port    int
		stage   Stage // -1: success
		reason  string
		message string
	}{
		{"socks5 no auth", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: socksOpen}, "127.0.0.1", target, -1, "", ""},
		{"socks5 name looked up at the proxy", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: socksOpen}, "localhost", target, -1, "", ""},
		{"socks5 user and password", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: socksAuth, User: "alice", Password: "s3cret"}, "127.0.0.1", target, -1, "", ""},
		{"socks5 wrong password", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: socksAuth, User: "alice", Password: "nope"}, "127.0.0.1", target, StageAuth, "wrong user name or password", "turned down the user name and password"},
		{"socks5 wants a password", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: socksAuth}, "127.0.0.1", target, StageAuth, "it wants a user name and password", ""},
		{"socks5 closed target", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: socksOpen}, "127.0.0.1", closed, StageTarget, "connection refused", "the proxy could not reach 127.0.0.1:" + strconv.Itoa(closed) + ": connection refused"},
		{"http no auth", Config{Kind: HTTP, Host: "127.0.0.1", Port: httpOpen}, "127.0.0.1", target, -1, "", ""},
		{"http basic auth", Config{Kind: HTTP, Host: "127.0.0.1", Port: httpAuth, User: "bob", Password: "hunter2"}, "127.0.0.1", target, -1, "", ""},
		{"http wrong password", Config{Kind: HTTP, Host: "127.0.0.1", Port: httpAuth, User: "bob", Password: "nope"}, "127.0.0.1", target, StageAuth, "HTTP status 40", ""},
		{"http wants a password", Config{Kind: HTTP, Host: "127.0.0.1", Port: httpAuth}, "127.0.0.1", target, StageAuth, "it wants a user name and password", ""},
		{"http closed target", Config{Kind: HTTP, Host: "127.0.0.1", Port: httpOpen}, "127.0.0.1", closed, StageTarget, "HTTP status", "the proxy could not reach 127.0.0.1:" + strconv.Itoa(closed)},
		{"http port not allowed", Config{Kind: HTTP, Host: "127.0.0.1", Port: httpOpen}, "127.0.0.1", 9, StageTarget, "HTTP status 403", ""},
		{"socks4 (dante)", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: dante, LocalDNS: true}, "127.0.0.1", target, -1, "", ""},
		{"socks4 user id (dante)", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: dante, User: "ops", LocalDNS: true}, "127.0.0.1", target, -1, "", ""},
		{"socks4 closed target (dante)", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: dante}, "127.0.0.1", closed, StageTarget, "request rejected or failed",
			"the proxy could not reach 127.0.0.1:" + strconv.Itoa(closed) + ": request rejected or failed"},
		{"socks4a refused by dante, which has no 4A", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: dante}, "localhost", target, StageTarget, "request rejected", ""},
		{"socks4a name looked up at the proxy", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: socks4a}, "localhost", target, -1, "", ""},
		{"socks4a through ssh -D", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: sshD}, "localhost", target, -1, "", ""},
		{"socks4 through ssh -D", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: sshD, LocalDNS: true}, "127.0.0.1", target, -1, "", ""},
		{"socks4 to an IPv6 address", Config{Kind: SOCKS4, Host: "127.0.0.1", Port: dante}, "::1", target, StageProtocol, "cannot carry an IPv6 address", ""},
		{"proxy not listening", Config{Kind: SOCKS5, Host: "127.0.0.1", Port: deadPort}, "127.0.0.1", target, StageReach, "", "the proxy 127.0.0.1:" + strconv.Itoa(deadPort) + " refused the connection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := through(&tt.cfg, tt.host, tt.port)
			if tt.stage == -1 {
				if err != nil {
					t.Fatal(err)
				}
				defer conn.Close()
				assertEcho(t, conn)
				return
			}
			if err == nil {
				conn.Close()
				t.Fatal("connected; want an error")
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Stage != tt.stage {
				t.Fatalf("error %v (%#v); want stage %d", err, err, tt.stage)
			}
			if !strings.Contains(pe.Reason, tt.reason) || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("error %q reason %q; want reason with %q, message with %q", err, pe.Reason, tt.reason, tt.message)
			}
			if strings.Contains(err.Error(), tt.cfg.Password) && tt.cfg.Password != "" {
				t.Fatalf("error %q holds the password", err)
			}
		})
	}
}

// TestRealTelnetdThroughProxies reaches the inetutils telnetd peer through
// each proxy and reads its first Telnet negotiation.
func TestRealTelnetdThroughProxies(t *testing.T) {
	addr := os.Getenv("TERN_PEER_TELNETD")
	if addr == "" {
		t.Skip("TERN_PEER_TELNETD is not set; run eval \"$(testdata/peers/start-all.sh)\"")
	}
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(p)
	socks := proxytest.Microsocks(t, "alice", "s3cret")
	httpp := proxytest.Tinyproxy(t, "bob", "hunter2", port)
	dante := proxytest.Dante(t)
	for _, c := range []Config{
		{Kind: SOCKS5, Host: "127.0.0.1", Port: socks, User: "alice", Password: "s3cret"},
		{Kind: HTTP, Host: "127.0.0.1", Port: httpp, User: "bob", Password: "hunter2"},
		{Kind: SOCKS4, Host: "127.0.0.1", Port: dante, LocalDNS: true},
	} {
		t.Run(c.Kind.String(), func(t *testing.T) {
			conn, err := through(&c, host, port)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
			var b [1]byte
			if _, err := conn.Read(b[:]); err != nil || b[0] != 255 {
				t.Fatalf("first byte from telnetd = %d, %v; want IAC", b[0], err)
			}
		})
	}
}

// TestTelnetProxy sends PuTTY's default command, and a template of its
// own, to the Telnet-proxy peer, which connects onwards to the echo
// target; nothing is waited for, so the peer's own words come first.
func TestTelnetProxy(t *testing.T) {
	target := echoTarget(t)
	closed := proxytest.FreePort(t)
	port, lines := proxytest.TelnetProxy(t)
	for _, tt := range []struct {
		name, template, host string
		port                 int
		line, first          string
	}{
		{"PuTTY's default", "", "127.0.0.1", target, "connect 127.0.0.1 " + strconv.Itoa(target), "Connecting to 127.0.0.1"},
		{"own template with escapes", `connect %host %port\r\n`, "localhost", target, "connect localhost " + strconv.Itoa(target), "Connecting to localhost"},
		{"the proxy cannot connect", "", "127.0.0.1", closed, "connect 127.0.0.1 " + strconv.Itoa(closed), "% Connection refused by remote host"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := Config{Kind: Telnet, Host: "127.0.0.1", Port: port, Command: tt.template}
			conn, err := through(&c, tt.host, tt.port)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if got := <-lines; got != tt.line {
				t.Fatalf("the proxy read %q; want %q", got, tt.line)
			}
			_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
			r := bufio.NewReader(conn)
			first, err := r.ReadString('\n')
			if err != nil || !strings.HasPrefix(first, tt.first) {
				t.Fatalf("first line %q, %v; want %q", first, err, tt.first)
			}
			if tt.port == closed {
				return
			}
			if line, err := r.ReadString('\n'); err != nil || line != greeting {
				t.Fatalf("greeting = %q, %v", line, err)
			}
		})
	}
}
