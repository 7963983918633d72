package protocol

import (
	"context"
	"net"

	"github.com/tern-telnet/tern/protocol/dial"
)

// target is where c's connection goes and how (protocol/dial).
func (c *Config) target() dial.Target {
	return dial.Target{Host: c.Host, Port: c.port(), Bind: c.Bind, Network: c.Network,
		Timeout: c.connectTimeout(), Proxy: c.Proxy}
}

// connect opens the session's connection: the one handed in through
// Conn, or a new one from protocol/dial. On Run's goroutine.
func (s *Session) connect(ctx context.Context) (*net.TCPConn, error) {
	if s.cfg.Conn != nil {
		s.logf("Using the connection already open to %s (%s)", s.cfg.Host, s.cfg.Conn.RemoteAddr())
		return s.cfg.Conn, nil
	}
	conn, command, err := dial.Dial(ctx, s.cfg.target(), dial.Progress{Say: s.say, Log: s.logf})
	s.proxyCommand = command
	return conn, err
}

// proxyName names the proxy the session goes through, "" for none (a
// connection handed in through Conn, or a host in the bypass list).
func (c *Config) proxyName() string {
	if c.Conn != nil {
		return ""
	}
	return c.target().ProxyName()
}

// DialThrough connects to address (host:port) as a session with c would:
// through c's proxy unless the host is in its bypass list, with c's bind
// address, address family and timeout. The mail assistant's exchanger
// tries use it, so that they take the session's proxy; their MX and
// address lookups stay on this computer (a proxy carries connections,
// not DNS questions).
func DialThrough(ctx context.Context, c Config, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	c.Host, c.Port = host, port
	if c.Network == "" && (network == "tcp4" || network == "tcp6") {
		c.Network = network
	}
	conn, _, err := dial.Dial(ctx, c.target(), dial.Progress{})
	if err != nil {
		return nil, err
	}
	return conn, nil
}
