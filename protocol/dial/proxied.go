package dial

import (
	"context"
	"errors"
	"net"
	"strconv"

	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// dialProxied connects to t.Proxy with the same dial path as a direct
// connection, then asks it for t.Host and t.Port; the connection to the
// proxy then carries the session (TLS and all).
func dialProxied(ctx context.Context, t *Target, pr Progress) (*net.TCPConn, *Command, error) {
	p := &t.Proxy
	timeout := t.timeout()
	fail := func(err error) *connerr.ConnectError { return connerr.Classify(err, t.Host, t.port(), t.Bind, timeout) }
	port, err := ResolvePort(t.network(), t.port())
	if err != nil {
		e := fail(err)
		e.Kind = connerr.ErrBadPort
		return nil, nil, e
	}
	target := t.Host
	if p.LocalDNS {
		pr.log("Looking up host %q here, not at the proxy", t.Host)
		network := t.network()
		if p.Kind == proxy.SOCKS4 {
			network = "tcp4" // SOCKS 4 carries IPv4 addresses only
		}
		addrs, err := lookup(ctx, network, t.Host)
		if err != nil {
			return nil, nil, fail(err)
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
		return dialCommand(ctx, p, target, port, pr, proxyFail)
	}
	pr.log("Connecting through the %s proxy %s", KindWords(p.Kind), p.Addr())
	pr.say("Connecting through the " + KindWords(p.Kind) + " proxy " + p.Addr() + "...\r\n")
	conn, err := dialTo(ctx, t, p.Host, strconv.Itoa(p.PortOrDefault()), pr)
	if err != nil {
		var ce *connerr.ConnectError
		refused := errors.As(err, &ce) && ce.Kind == connerr.ErrRefused
		return nil, nil, proxyFail(&proxy.Error{Stage: proxy.StageReach, Proxy: p.Addr(), Target: net.JoinHostPort(target, strconv.Itoa(port)),
			Err: err, Refused: refused})
	}
	pr.say("Asking the proxy for " + net.JoinHostPort(target, strconv.Itoa(port)) + "...\r\n")
	if p.Kind == proxy.Telnet {
		masked := *p
		if p.Password != "" {
			masked.Password = "********"
		}
		pr.log("Sending the Telnet proxy command %q", proxy.Expand(p.Template(), masked.Vars(target, port)))
	}
	hctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := proxy.Handshake(hctx, conn, p, target, port); err != nil {
		_ = conn.Close()
		return nil, nil, proxyFail(err)
	}
	pr.log("The proxy %s connected to %s port %d", p.Addr(), target, port)
	return conn, nil, nil
}

// KindWords names a kind of proxy in a person's words: "SOCKS 5",
// "HTTP CONNECT", "Telnet", ...
func KindWords(k proxy.Kind) string {
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

// ProxyName names the proxy a connection to t goes through, "" for none
// (no proxy, or a host in the bypass list).
func (t Target) ProxyName() string {
	if !t.Proxy.Active() || t.Proxy.Bypasses(t.Host) {
		return ""
	}
	if t.Proxy.Kind == proxy.Command {
		return "proxy command " + t.Proxy.Addr()
	}
	return KindWords(t.Proxy.Kind) + " proxy " + t.Proxy.Addr()
}
