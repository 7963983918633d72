package protocol

import (
	"github.com/tern-telnet/tern/protocol/tcpurgent"

	"context"
	"io"
	"net"
	"time"

	"github.com/tern-telnet/tern/protocol/proxy"
)

// A local proxy command (ssh -W, nc -X) carries the session over its
// standard input and output. The session's engine speaks to a socket, so
// the command is joined to one end of a loopback TCP pair and the session
// gets the other: everything else (the read and write loops, logs,
// status) stays as for any connection.

// commandLink is a running proxy command and how it ended.
type commandLink struct {
	done chan struct{} // closed once the command has ended
	err  error         // its *proxy.Error, nil for exit status 0
}

// exitError is how the command ended, once it has (waiting at most a
// moment for it: its output has ended when the session sees the end).
func (l *commandLink) exitError() error {
	if l == nil {
		return nil
	}
	select {
	case <-l.done:
		return l.err
	case <-time.After(3 * time.Second):
		return nil
	}
}

func dialCommand(ctx context.Context, c *Config, target string, port int, say func(string), log func(string, ...any), fail func(error) error) (*net.TCPConn, error) {
	p := &c.Proxy
	masked := *p
	if p.Password != "" {
		masked.Password = "********"
	}
	shown, _ := proxy.CommandLine(&masked, target, port)
	log("Running the proxy command %q", shown)
	say("Connecting through the proxy command " + p.Addr() + "...\r\n")
	cc, err := proxy.StartCommand(ctx, p, target, port, func(line string) { log("Proxy command: %s", line) })
	if err != nil {
		return nil, fail(err)
	}
	near, far, err := loopbackPair(ctx)
	if err != nil {
		_ = cc.Close()
		return nil, fail(&proxy.Error{Stage: proxy.StageCommand, Proxy: p.Addr(), Reason: "could not be joined to Tern: " + err.Error(), Err: err})
	}
	link := &commandLink{done: make(chan struct{})}
	c.proxyCommand = link
	go func() { // the command's output to the session
		_, _ = io.Copy(far, cc)
		link.err = cc.Wait()
		if link.err != nil {
			log("%v", link.err)
		}
		close(link.done)
		_ = far.Close()
	}()
	go func() { // the session's input to the command
		_, _ = io.Copy(cc, far)
		_ = cc.Close()
	}()
	return near, nil
}

// loopbackPair is two ends of one TCP connection on loopback; the far end
// is checked to be the near end's peer, so no other local program slips
// in between.
func loopbackPair(ctx context.Context) (near, far *net.TCPConn, err error) {
	l, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		if l, err = net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv6loopback}); err != nil {
			return nil, nil, err
		}
	}
	defer l.Close()
	_ = l.SetDeadline(time.Now().Add(5 * time.Second))
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", l.Addr().String())
	if err != nil {
		return nil, nil, err
	}
	near = conn.(*net.TCPConn)
	for {
		f, err := l.AcceptTCP()
		if err != nil {
			_ = near.Close()
			return nil, nil, err
		}
		if f.RemoteAddr().String() == near.LocalAddr().String() {
			_ = near.SetNoDelay(true)
			_ = f.SetNoDelay(true)
			tcpurgent.KeepInline(f)
			return near, f, nil
		}
		_ = f.Close()
	}
}
