// Package dial makes the TCP connection a session runs over: it resolves
// the host, binds to the chosen local address, tries each address in turn
// and says so as BSD telnet does ("Trying 1.2.3.4..."), or goes through a
// proxy of any kind PuTTY has (SOCKS 4/4a/5, HTTP CONNECT, a Telnet proxy,
// a local proxy command; see protocol/proxy for the handshakes). Its
// errors are *connerr.ConnectError, whose Kind says why.
package dial

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/proxy"
	"github.com/tern-telnet/tern/protocol/tcpurgent"
)

// ResolvePort turns a port number or service name into a number.
func ResolvePort(network, port string) (int, error) {
	if n, err := strconv.Atoi(port); err == nil {
		if n < 1 || n > 65535 {
			return 0, fmt.Errorf("port %d out of range", n)
		}
		return n, nil
	}
	return net.LookupPort(network, port)
}

// The defaults of a Target's fields: Telnet's port, either IP family,
// and how long one connection attempt may take.
const (
	DefaultPort    = "23"
	DefaultNetwork = "tcp"
	DefaultTimeout = 15 * time.Second
)

// Target is where a connection goes and how it gets there. The zero
// value of each field but Host means the default its comment names.
type Target struct {
	Host string // host name or address; required
	Port string // number or service name ("smtp"); "" means 23
	Bind string // local address to connect from; "" lets the system choose
	// Network is "tcp" (either family, the default), "tcp4" or "tcp6".
	Network string
	Timeout time.Duration // for each connection attempt; 0 means 15 s
	// Proxy, when its Kind is not proxy.None, carries the connection to
	// Host unless Host is in its bypass list; the connection to the
	// proxy uses Bind, Network and Timeout.
	Proxy proxy.Config
}

// Progress is told what a person watching the connection would want to
// know: Say a line for the terminal (BSD telnet's "Trying ..."), Log a line
// for the event log. Either may be nil.
type Progress struct {
	Say func(string)
	Log func(format string, args ...any)
}

func (p Progress) say(s string) {
	if p.Say != nil {
		p.Say(s)
	}
}

func (p Progress) log(format string, args ...any) {
	if p.Log != nil {
		p.Log(format, args...)
	}
}

// Dial connects to t: directly, or through its proxy. When a local proxy
// command carries the connection, command is that command (nil
// otherwise): once the connection has ended, command.Ended says how the
// command did. Dial's goroutine is the caller's; a proxy command adds two
// that copy between it and the connection until either side ends.
func Dial(ctx context.Context, t Target, p Progress) (conn *net.TCPConn, command *Command, err error) {
	if t.Proxy.Active() && !t.Proxy.Bypasses(t.Host) {
		return dialProxied(ctx, &t, p)
	}
	conn, err = dialTo(ctx, &t, t.Host, t.port(), p)
	return conn, nil, err
}

func (t *Target) port() string {
	if t.Port == "" {
		return DefaultPort
	}
	return t.Port
}

func (t *Target) network() string {
	if t.Network == "" {
		return DefaultNetwork
	}
	return t.Network
}

func (t *Target) timeout() time.Duration {
	if t.Timeout <= 0 {
		return DefaultTimeout
	}
	return t.Timeout
}

// dialTo connects to host and port with t's bind address, address family
// and timeout: to the session's host, or to its proxy.
func dialTo(ctx context.Context, t *Target, host, portName string, p Progress) (*net.TCPConn, error) {
	timeout := t.timeout()
	fail := func(err error) error { return connerr.Classify(err, host, portName, t.Bind, timeout) }
	port, err := ResolvePort(t.network(), portName)
	if err != nil {
		e := fail(err)
		e.(*connerr.ConnectError).Kind = connerr.ErrBadPort
		return nil, e
	}
	local, err := bindAddr(ctx, t)
	if err != nil {
		e := fail(err)
		e.(*connerr.ConnectError).Kind = connerr.ErrBadBind
		return nil, e
	}
	p.log("Looking up host %q", host)
	addrs, err := lookup(ctx, t.network(), host)
	if err != nil {
		return nil, fail(err)
	}
	var last error
	for _, ip := range addrs {
		p.say(fmt.Sprintf("Trying %s...\r\n", ip))
		p.log("Connecting to %s port %d", ip, port)
		conn, err := dialOne(ctx, ip, port, local, timeout)
		if err == nil {
			return conn, nil
		}
		p.log("Failed to connect to %s: %v", ip, err)
		last = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, fail(last)
}

func lookup(ctx context.Context, network, host string) ([]net.IP, error) {
	if ip := net.ParseIP(host); ip != nil {
		return []net.IP{ip}, nil
	}
	ipNet := map[string]string{"tcp": "ip", "tcp4": "ip4", "tcp6": "ip6"}[network]
	return net.DefaultResolver.LookupIP(ctx, ipNet, host)
}

// bindAddr resolves the bind address, if any, to a local TCP address.
func bindAddr(ctx context.Context, t *Target) (*net.TCPAddr, error) {
	if t.Bind == "" {
		return nil, nil
	}
	ips, err := lookup(ctx, t.network(), t.Bind)
	if err != nil {
		return nil, err
	}
	return &net.TCPAddr{IP: ips[0]}, nil
}

func dialOne(ctx context.Context, ip net.IP, port int, local *net.TCPAddr, timeout time.Duration) (*net.TCPConn, error) {
	d := net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	if local != nil {
		d.LocalAddr = local
	}
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(ip.String(), strconv.Itoa(port)))
	if err != nil {
		return nil, err
	}
	tcp := conn.(*net.TCPConn)
	_ = tcp.SetNoDelay(true)
	tcpurgent.KeepInline(tcp)
	return tcp, nil
}
