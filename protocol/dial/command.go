package dial

import (
	"context"
	"io"
	"net"
	"time"

	"github.com/tern-telnet/tern/protocol/proxy"
	"github.com/tern-telnet/tern/protocol/tcpurgent"
)

// A local proxy command (ssh -W, nc -X) carries the session over its
// standard input and output. The session's engine speaks to a socket, so
// the command is joined to one end of a loopback TCP pair and the session
// gets the other: everything else (the read and write loops, logs,
// status) stays as for any connection.

// Command is a running local proxy command and how it ended.
type Command struct {
	done chan struct{} // closed once the command has ended
	err  error         // its *proxy.Error, nil for exit status 0; set before done closes
}

// Ended is how the command ended, once it has, waiting at most a moment
// for it (its output has ended when the session sees the connection end):
// a *proxy.Error, or nil for exit status 0, a command still running, or a
// nil Command.
func (l *Command) Ended() error {
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

func dialCommand(ctx context.Context, p *proxy.Config, target string, port int, pr Progress, fail func(error) error) (*net.TCPConn, *Command, error) {
	masked := *p
	if p.Password != "" {
		masked.Password = "********"
	}
	shown, _ := proxy.CommandLine(&masked, target, port)
	pr.log("Running the proxy command %q", shown)
	pr.say("Connecting through the proxy command " + p.Addr() + "...\r\n")
	cc, err := proxy.StartCommand(ctx, p, target, port, func(line string) { pr.log("Proxy command: %s", line) })
	if err != nil {
		return nil, nil, fail(err)
	}
	near, far, err := loopbackPair(ctx)
	if err != nil {
		_ = cc.Close()
		return nil, nil, fail(&proxy.Error{Stage: proxy.StageCommand, Proxy: p.Addr(), Reason: "could not be joined to Tern: " + err.Error(), Err: err})
	}
	link := &Command{done: make(chan struct{})}
	go func() { // the command's output to the session
		_, _ = io.Copy(far, cc)
		link.err = cc.Wait()
		if link.err != nil {
			pr.log("%v", link.err)
		}
		close(link.done)
		_ = far.Close()
	}()
	go func() { // the session's input to the command
		_, _ = io.Copy(cc, far)
		_ = cc.Close()
	}()
	return near, link, nil
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
