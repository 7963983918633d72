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
		addrs, err := lookup(ctx, c.network(), c.Host)
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
	if k == proxy.HTTP {
		return "HTTP CONNECT"
	}
	return "SOCKS 5"
}

// proxyName names the proxy the session goes through, "" for none (a
// connection handed in through Conn, or a host in the bypass list).
func (c *Config) proxyName() string {
	if c.Conn != nil || !c.Proxy.Active() || c.Proxy.Bypasses(c.Host) {
		return ""
	}
	return kindWords(c.Proxy.Kind) + " proxy " + c.Proxy.Addr()
}
