package protocol

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/tern-telnet/tern/protocol/connerr"
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

// dial resolves the host, then tries each address in turn, printing what
// BSD telnet prints ("Trying 1.2.3.4...") through say.
func dial(ctx context.Context, c *Config, say func(string), log func(string, ...any)) (*net.TCPConn, error) {
	c.proxyCommand = nil
	if c.Conn != nil {
		log("Using the connection already open to %s (%s)", c.Host, c.Conn.RemoteAddr())
		return c.Conn, nil
	}
	if c.Proxy.Active() && !c.Proxy.Bypasses(c.Host) {
		return dialProxied(ctx, c, say, log)
	}
	return dialTo(ctx, c, c.Host, c.port(), say, log)
}

// dialTo connects to host and port with c's bind address, address family
// and timeout: to the session's host, or to its proxy.
func dialTo(ctx context.Context, c *Config, host, portName string, say func(string), log func(string, ...any)) (*net.TCPConn, error) {
	timeout := c.connectTimeout()
	fail := func(err error) error { return connerr.Classify(err, host, portName, c.Bind, timeout) }
	port, err := ResolvePort(c.network(), portName)
	if err != nil {
		e := fail(err)
		e.(*connerr.ConnectError).Kind = connerr.ErrBadPort
		return nil, e
	}
	local, err := bindAddr(ctx, c)
	if err != nil {
		e := fail(err)
		e.(*connerr.ConnectError).Kind = connerr.ErrBadBind
		return nil, e
	}
	log("Looking up host %q", host)
	addrs, err := lookup(ctx, c.network(), host)
	if err != nil {
		return nil, fail(err)
	}
	var last error
	for _, ip := range addrs {
		say(fmt.Sprintf("Trying %s...\r\n", ip))
		log("Connecting to %s port %d", ip, port)
		conn, err := dialOne(ctx, ip, port, local, timeout)
		if err == nil {
			return conn, nil
		}
		log("Failed to connect to %s: %v", ip, err)
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
func bindAddr(ctx context.Context, c *Config) (*net.TCPAddr, error) {
	if c.Bind == "" {
		return nil, nil
	}
	ips, err := lookup(ctx, c.network(), c.Bind)
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

// ClassifyDialError turns an error from dialling host and port into a
// *connerr.ConnectError whose Kind says why (refused, timed out, ...), as Run's
// own dialling does; timeout is the limit the dial had.
func ClassifyDialError(err error, host, port string, timeout time.Duration) *connerr.ConnectError {
	return connerr.Classify(err, host, port, "", timeout)
}
