package proxy

import (
	"context"
	"errors"
	"io"
	"net"
	"time"
)

// Handshake asks the proxy at the other end of conn for a connection to
// host:port and returns once the proxy has made it; conn then carries the
// session. host is sent to the proxy as given (a name is looked up by the
// proxy; the caller resolves it first for LocalDNS). The context's
// deadline, if any, bounds the whole exchange. A Telnet proxy is sent its
// command and nothing is waited for, as PuTTY does: what the proxy says
// next is shown as the host's. A local command is not a handshake: see
// StartCommand.
func Handshake(ctx context.Context, conn net.Conn, c *Config, host string, port int) error {
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
		defer func() { _ = conn.SetDeadline(time.Time{}) }()
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	var err error
	switch c.Kind {
	case SOCKS5:
		err = socks5(conn, c, host, port)
	case HTTP:
		err = httpConnect(conn, c, host, port)
	case SOCKS4:
		err = socks4(conn, c, host, port)
	case Telnet:
		_, err = io.WriteString(conn, Expand(c.Template(), c.Vars(host, port)))
	default:
		err = errors.New("no proxy kind")
	}
	if err == nil {
		return nil
	}
	var pe *Error
	if !errors.As(err, &pe) {
		pe = &Error{Stage: StageProtocol, Err: err}
		if ctx.Err() != nil {
			pe.Err = ctx.Err()
		}
	}
	pe.Proxy, pe.Target = c.Addr(), target(host, port)
	return pe
}
