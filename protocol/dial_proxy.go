package protocol

import (
	"context"
	"errors"
	"net"
	"strconv"

	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// dialProxied connects to c.Proxy with the same dial path as a direct
// connection, then asks it for c.Host and c.Port; the connection to the
// proxy then carries the session (TLS and all).
func dialProxied(ctx context.Context, c *Config, say func(string), log func(string, ...any)) (*net.TCPConn, error) {
	p := &c.Proxy
	timeout := c.connectTimeout()
	fail := func(err error) *connerr.ConnectError { return connerr.Classify(err, c.Host, c.port(), c.Bind, timeout) }
	port, err := ResolvePort(c.network(), c.port())
	if err != nil {
		e := fail(err)
		e.Kind = connerr.ErrBadPort
		return nil, e
	}
	target := c.Host
	if p.LocalDNS {
		log("Looking up host %q here, not at the proxy", c.Host)
		network := c.network()
		if p.Kind == proxy.SOCKS4 {
			network = "tcp4" // SOCKS 4 carries IPv4 addresses only
		}
		addrs, err := lookup(ctx, network, c.Host)
		if err != nil {
			return nil, fail(err)
		}
		target = addrs[0].String()
	}
	proxyFail := func(err error) error {
		e := fail(err)
		e.Kind = connerr.ErrProxy
		if ctx.Err() != nil {
			e.Kind = connerr.ErrCanceled
		}
		return e
	}
	if p.Kind == proxy.Command {
		return dialCommand(ctx, c, target, port, say, log, proxyFail)
	}
	log("Connecting through the %s proxy %s", kindWords(p.Kind), p.Addr())
	say("Connecting through the " + kindWords(p.Kind) + " proxy " + p.Addr() + "...\r\n")
	conn, err := dialTo(ctx, c, p.Host, strconv.Itoa(p.PortOrDefault()), say, log)
	if err != nil {
		var ce *connerr.ConnectError
		refused := errors.As(err, &ce) && ce.Kind == connerr.ErrRefused
		return nil, proxyFail(&proxy.Error{Stage: proxy.StageReach, Proxy: p.Addr(), Target: net.JoinHostPort(target, strconv.Itoa(port)),
			Err: err, Refused: refused})
	}
	say("Asking the proxy for " + net.JoinHostPort(target, strconv.Itoa(port)) + "...\r\n")
	if p.Kind == proxy.Telnet {
		masked := *p
		if p.Password != "" {
			masked.Password = "********"
		}
		log("Sending the Telnet proxy command %q", proxy.Expand(p.Template(), masked.Vars(target, port)))
	}
	hctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := proxy.Handshake(hctx, conn, p, target, port); err != nil {
		_ = conn.Close()
		return nil, proxyFail(err)
	}
	log("The proxy %s connected to %s port %d", p.Addr(), target, port)
	return conn, nil
}

func kindWords(k proxy.Kind) string {
	switch k {
	case proxy.HTTP:
		return "HTTP CONNECT"
	case proxy.SOCKS4:
		return "SOCKS 4"
	case proxy.Telnet:
		return "Telnet"
	case proxy.Command:
		return "command"
	}
	return "SOCKS 5"
}

// proxyName names the proxy the session goes through, "" for none (a
// connection handed in through Conn, or a host in the bypass list).
func (c *Config) proxyName() string {
	if c.Conn != nil || !c.Proxy.Active() || c.Proxy.Bypasses(c.Host) {
		return ""
	}
	if c.Proxy.Kind == proxy.Command {
		return "proxy command " + c.Proxy.Addr()
	}
	return kindWords(c.Proxy.Kind) + " proxy " + c.Proxy.Addr()
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
	c.Host, c.Port, c.Conn = host, port, nil
	if c.Network == "" && (network == "tcp4" || network == "tcp6") {
		c.Network = network
	}
	conn, err := dial(ctx, &c, func(string) {}, func(string, ...any) {})
	if err != nil {
		return nil, err
	}
	return conn, nil
}
