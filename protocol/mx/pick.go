package mx

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/connerr"
)

// DialFunc opens a connection, as net.Dialer.DialContext does.
type DialFunc func(ctx context.Context, network, address string) (net.Conn, error)

// Attempt is one try at one exchanger's address.
type Attempt struct {
	Host    Host
	Addr    net.IP // nil when the host had no address to try
	Err     error  // nil for the attempt that answered
	Timeout time.Duration
	Port    int
}

// Reason says in words why the attempt failed: "timed out after 5 s".
func (a Attempt) Reason() string {
	if a.Addr == nil {
		return "has no address: " + hostErrText(a.Host.Err)
	}
	if a.Err == nil {
		return "answered"
	}
	ce := connerr.Classify(a.Err, a.Addr.String(), strconv.Itoa(a.Port), "", a.Timeout)
	switch ce.Kind {
	case connerr.ErrTimedOut:
		return "timed out after " + seconds(a.Timeout)
	case connerr.ErrRefused:
		return fmt.Sprintf("refused the connection (nothing listens on port %d)", a.Port)
	case connerr.ErrUnreachable:
		return "is unreachable from here (no route)"
	case connerr.ErrReset:
		return "reset the connection"
	case connerr.ErrCanceled:
		return "was not tried to the end (cancelled)"
	}
	return a.Err.Error()
}

// String is the attempt in words: "mx1.example.com (preference 10) at
// 192.0.2.1: timed out after 5 s".
func (a Attempt) String() string {
	where := ""
	if a.Addr != nil {
		where = " at " + a.Addr.String()
	}
	return fmt.Sprintf("%s (preference %d)%s: %s", a.Host.Name, a.Host.Preference, where, a.Reason())
}

func hostErrText(err error) string {
	if err == nil || notFound(err) {
		return "the name does not resolve"
	}
	return fmt.Sprint(err)
}

func seconds(d time.Duration) string {
	if d < time.Second {
		return d.String()
	}
	return strconv.FormatFloat(d.Round(100*time.Millisecond).Seconds(), 'f', -1, 64) + " s"
}

// Choice is the exchanger that answered.
type Choice struct {
	Host     Host
	Addr     net.IP
	Port     int
	Conn     net.Conn  // open; the caller closes it or hands it on
	Attempts []Attempt // every try, the answering one last
}

// TCPConn is Conn as protocol.Config.Conn takes it, or nil when the dial
// function made some other kind of connection.
func (c Choice) TCPConn() *net.TCPConn {
	tc, _ := c.Conn.(*net.TCPConn)
	return tc
}

// Explain says which exchanger answered and why the ones before it did
// not: "Connected to mx2.example.com (preference 20) at 192.0.2.2 port 25;
// before it, mx1.example.com (preference 10) at 192.0.2.1: timed out after
// 5 s."
func (c Choice) Explain() string {
	s := fmt.Sprintf("Connected to %s (preference %d) at %s port %d", c.Host.Name, c.Host.Preference, c.Addr, c.Port)
	failed := c.Attempts[:len(c.Attempts)-1]
	if len(failed) == 0 {
		return s + ", the first exchanger tried."
	}
	words := make([]string, 0, maxWordsAttempts+1)
	for i, a := range failed {
		if i == maxWordsAttempts {
			words = append(words, fmt.Sprintf("and %d more attempts failed", len(failed)-i))
			break
		}
		words = append(words, a.String())
	}
	return s + "; before it, " + strings.Join(words, "; ") + "."
}

// PickError says that no exchanger answered.
type PickError struct {
	Domain   string
	Port     int
	Attempts []Attempt
}

func (e *PickError) Error() string {
	return fmt.Sprintf("mx: %s: no exchanger answered on port %d (%d tried)", e.Domain, e.Port, len(e.Attempts))
}

// Explain lists every attempt in words.
func (e *PickError) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "No mail exchanger of %s answered on port %d, so mail to it waits in senders' queues and bounces after some days:\n", e.Domain, e.Port)
	for i, a := range e.Attempts {
		if i == maxWordsAttempts {
			fmt.Fprintf(&b, "  … and %d more attempts\n", len(e.Attempts)-i)
			break
		}
		b.WriteString("  " + a.String() + "\n")
	}
	return b.String()
}

// Pick connects to res's exchangers in order, each address in turn with
// timeout (0 means 15 s), and returns the first that answers on port.
// dial nil means a net.Dialer. It fails with a *PickError when none
// answers, and with the lookup's *LookupError for a null MX.
func Pick(ctx context.Context, res Result, port int, timeout time.Duration, dial DialFunc) (Choice, error) {
	if res.NullMX {
		return Choice{}, &LookupError{Kind: NoMail, Domain: res.Domain}
	}
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	if dial == nil {
		d := &net.Dialer{KeepAlive: 30 * time.Second}
		dial = d.DialContext
	}
	var tried []Attempt
	for _, h := range res.Hosts {
		if len(h.Addrs) == 0 {
			tried = append(tried, Attempt{Host: h, Err: h.Err, Port: port})
			continue
		}
		for _, ip := range h.Addrs {
			conn, err := dialOne(ctx, dial, ip, port, timeout)
			tried = append(tried, Attempt{Host: h, Addr: ip, Err: err, Timeout: timeout, Port: port})
			if err == nil {
				return Choice{Host: h, Addr: ip, Port: port, Conn: conn, Attempts: tried}, nil
			}
			if ctx.Err() != nil {
				return Choice{}, &PickError{Domain: res.Domain, Port: port, Attempts: tried}
			}
		}
	}
	return Choice{}, &PickError{Domain: res.Domain, Port: port, Attempts: tried}
}

func dialOne(ctx context.Context, dial DialFunc, ip net.IP, port int, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, err := dial(ctx, "tcp", net.JoinHostPort(ip.String(), strconv.Itoa(port)))
	if err != nil {
		return nil, err
	}
	if conn == nil {
		return nil, errors.New("mx: the dial function returned no connection")
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetNoDelay(true)
	}
	return conn, nil
}

// Connect is Lookup then Pick: what the GUI's "Mail domain" button and
// tern -mx do, on their own goroutine. The Result is returned even when
// no exchanger answered, so that the person sees what DNS said.
func Connect(ctx context.Context, r *net.Resolver, domain string, port int, timeout time.Duration, dial DialFunc) (Result, Choice, error) {
	res, err := Lookup(ctx, r, domain)
	if err != nil {
		return res, Choice{}, err
	}
	c, err := Pick(ctx, res, port, timeout, dial)
	return res, c, err
}
