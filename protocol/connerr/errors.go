package connerr

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/proxy"
)

// ErrorKind says why a connection failed or ended.
type ErrorKind int

// The kinds of connection error the GUI may branch on.
const (
	ErrOther       ErrorKind = iota
	ErrUnknownHost           // the name does not resolve
	ErrBadPort               // not a port number or a known service name
	ErrRefused               // nothing listening
	ErrTimedOut              // no answer in time
	ErrUnreachable           // no route to the network or host
	ErrBadBind               // the bind address is not on this computer
	ErrReset                 // reset by the peer
	ErrCanceled              // the user cancelled
	ErrProxy                 // the proxy failed: Err is a *proxy.Error naming the hop
)

// ConnectError is a failed or broken connection, with the words a person
// needs in Error.
type ConnectError struct {
	Kind    ErrorKind
	Host    string
	Port    string
	Bind    string
	Timeout time.Duration
	Err     error // the system's error
}

func (e *ConnectError) Unwrap() error { return e.Err }

func (e *ConnectError) Error() string {
	where := fmt.Sprintf("%s port %s", e.Host, e.Port)
	switch e.Kind {
	case ErrUnknownHost:
		return fmt.Sprintf("Tern cannot find a computer called %q (unknown host). Check the spelling, or the DNS settings of this computer.", e.Host)
	case ErrBadPort:
		return fmt.Sprintf("%q is not a port number (1-65535) or a known service name such as smtp or telnet.", e.Port)
	case ErrRefused:
		return fmt.Sprintf("Nothing is listening on %s (connection refused).", where)
	case ErrTimedOut:
		return fmt.Sprintf("No answer from %s within %s; a firewall may be dropping the connection.", where, e.Timeout.Round(time.Second))
	case ErrUnreachable:
		return fmt.Sprintf("This computer has no route to %s (network unreachable).", where)
	case ErrBadBind:
		return fmt.Sprintf("The bind address %s is not an address of this computer, so Tern cannot connect from it.", e.Bind)
	case ErrReset:
		return fmt.Sprintf("The connection to %s was reset by the other end.", where)
	case ErrCanceled:
		return fmt.Sprintf("Connecting to %s was cancelled.", where)
	case ErrProxy:
		return proxyErrorWords(e.Err)
	}
	return fmt.Sprintf("Cannot connect to %s: %v.", where, e.Err)
}

// Classify turns a dial or read error into a ConnectError. The system's
// error numbers are read as this OS numbers them (errno.go).
func Classify(err error, host, port, bind string, timeout time.Duration) *ConnectError {
	return classifyWith(errnoFamilyOfOS, err, host, port, bind, timeout)
}

func classifyWith(f errnoFamily, err error, host, port, bind string, timeout time.Duration) *ConnectError {
	e := &ConnectError{Kind: ErrOther, Host: host, Port: port, Bind: bind, Timeout: timeout, Err: err}
	var dnsErr *net.DNSError
	switch sys := errnoKindOf(f, err, bind); {
	case errors.Is(err, context.Canceled):
		e.Kind = ErrCanceled
	case sys != ErrOther:
		e.Kind = sys
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded):
		e.Kind = ErrTimedOut
	case errors.As(err, &dnsErr):
		e.Kind = ErrUnknownHost
	}
	return e
}

// proxyErrorWords is a proxy error as a sentence; when the proxy could not
// be reached, for a reason other than a refusal, it says why as a direct
// connection would.
func proxyErrorWords(err error) string {
	var pe *proxy.Error
	var inner *ConnectError
	if errors.As(err, &pe) && pe.Stage == proxy.StageReach && errors.As(pe.Err, &inner) && inner.Kind != ErrRefused {
		return "Tern cannot reach the proxy: " + inner.Error()
	}
	s := err.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
