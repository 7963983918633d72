package proxy

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"syscall"
)

// Stage is the hop that failed.
type Stage int

// The hops a proxied connection can fail at.
const (
	// StageReach: the proxy itself could not be reached or refused.
	StageReach Stage = iota
	// StageAuth: the proxy turned the user name and password down (or
	// wants a kind of authentication Tern was not given).
	StageAuth
	// StageTarget: the proxy could not, or would not, reach the host.
	StageTarget
	// StageProtocol: the proxy answered with something that is not its
	// protocol, or too much of it.
	StageProtocol
	// StageCommand: the local proxy command could not start, or exited
	// (Reason says which, with its last line of standard error).
	StageCommand
)

// Error is a failed proxied connection.
type Error struct {
	Stage  Stage
	Proxy  string // host:port of the proxy
	Target string // host:port asked for
	Reason string // the SOCKS reply or HTTP status in words, when there is one
	Code   int    // the SOCKS reply code or HTTP status code, when there is one
	Err    error  // the underlying error, when there is one
	// Refused says, at StageReach, that the proxy's computer refused the
	// connection (nothing listening on the proxy port).
	Refused bool
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	switch e.Stage {
	case StageReach:
		if e.Refused || e.Err == nil || errors.Is(e.Err, syscall.ECONNREFUSED) {
			return fmt.Sprintf("the proxy %s refused the connection", e.Proxy)
		}
		return fmt.Sprintf("the proxy %s could not be reached: %v", e.Proxy, e.Err)
	case StageAuth:
		return fmt.Sprintf("the proxy %s turned down the user name and password (%s)", e.Proxy, e.Reason)
	case StageTarget:
		return fmt.Sprintf("the proxy could not reach %s: %s", e.Target, e.Reason)
	case StageCommand:
		return "the proxy command " + e.Reason
	}
	if errors.Is(e.Err, context.DeadlineExceeded) || errors.Is(e.Err, os.ErrDeadlineExceeded) {
		return fmt.Sprintf("the proxy %s did not finish answering in time", e.Proxy)
	}
	if e.Err != nil {
		return fmt.Sprintf("the proxy %s answered in a way Tern does not understand: %v", e.Proxy, e.Err)
	}
	return fmt.Sprintf("the proxy %s answered in a way Tern does not understand: %s", e.Proxy, e.Reason)
}

// socksReplies are RFC 1928's reply codes in words.
var socksReplies = map[byte]string{
	1: "general SOCKS server failure",
	2: "connection not allowed by the proxy's rules",
	3: "network unreachable",
	4: "host unreachable",
	5: "connection refused",
	6: "TTL expired",
	7: "command not supported",
	8: "address type not supported",
}

func socksReply(code byte) string {
	if s, ok := socksReplies[code]; ok {
		return s
	}
	return "SOCKS reply " + strconv.Itoa(int(code))
}

func target(host string, port int) string { return net.JoinHostPort(host, strconv.Itoa(port)) }
