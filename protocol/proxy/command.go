package proxy

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// maxStderrLine caps one line of a proxy command's standard error.
const maxStderrLine = 512

// commandGrace is how long a command has to end once its input is closed
// before it is killed.
const commandGrace = 2 * time.Second

// CommandConn is a running local proxy command: what is written goes to
// its standard input, what is read comes from its standard output.
type CommandConn struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	name   string // the command's first word, for messages

	stderrDone chan struct{}
	mu         sync.Mutex
	lastStderr string
	closeOnce  sync.Once
	waitOnce   sync.Once
	waitErr    error
}

// StartCommand runs c's local proxy command for host and port (the %
// words filled in; on Unix through /bin/sh -c, on Windows as
// CreateProcess reads the line, without cmd.exe, as PuTTY does). Each
// line it writes to standard error goes to stderr, bounded, with no line
// end. The command is not told to stop by ctx; Close stops it.
func StartCommand(ctx context.Context, c *Config, host string, port int, stderr func(string)) (*CommandConn, error) {
	line, err := CommandLine(c, host, port)
	if err != nil {
		return nil, err
	}
	cmd, err := commandFor(line)
	if err != nil {
		return nil, commandError(c, host, port, "could not start: "+err.Error(), err)
	}
	cc := &CommandConn{cmd: cmd, name: c.Addr(), stderrDone: make(chan struct{})}
	if cc.stdin, err = cmd.StdinPipe(); err == nil {
		cc.stdout, err = cmd.StdoutPipe()
	}
	var errPipe io.ReadCloser
	if err == nil {
		errPipe, err = cmd.StderrPipe()
	}
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		return nil, commandError(c, host, port, "could not start: "+err.Error(), err)
	}
	go cc.readStderr(errPipe, stderr)
	return cc, nil
}

// CommandLine is c's command with the % words filled in for host and
// port. On Unix a value with characters the shell would read is quoted;
// on Windows one with a double quote is refused.
func CommandLine(c *Config, host string, port int) (string, error) {
	v := c.Vars(host, port)
	for _, s := range []*string{&v.Host, &v.User, &v.Pass, &v.ProxyHost} {
		q, err := quoteArg(*s)
		if err != nil {
			return "", commandError(c, host, port, err.Error(), err)
		}
		*s = q
	}
	line := strings.TrimSpace(Expand(c.Template(), v))
	if line == "" {
		return "", commandError(c, host, port, "is empty", nil)
	}
	return line, nil
}

func commandError(c *Config, host string, port int, reason string, err error) *Error {
	return &Error{Stage: StageCommand, Proxy: c.Addr(), Target: target(host, port), Reason: reason, Err: err}
}

func (cc *CommandConn) readStderr(r io.Reader, each func(string)) {
	defer close(cc.stderrDone)
	var line []byte
	buf := make([]byte, 1024)
	flush := func() {
		s := strings.TrimRight(printableLine(line), " ")
		line = line[:0]
		if s == "" {
			return
		}
		cc.mu.Lock()
		cc.lastStderr = s
		cc.mu.Unlock()
		if each != nil {
			each(s)
		}
	}
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			switch {
			case b == '\n':
				flush()
			case len(line) < maxStderrLine:
				line = append(line, b)
			}
		}
		if err != nil {
			flush()
			return
		}
	}
}

// printableLine drops control characters (a command's stderr is shown in
// the event log, not interpreted).
func printableLine(b []byte) string {
	b = bytes.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, b)
	return string(b)
}

// Read reads the command's standard output.
func (cc *CommandConn) Read(p []byte) (int, error) { return cc.stdout.Read(p) }

// Write writes to the command's standard input.
func (cc *CommandConn) Write(p []byte) (int, error) { return cc.stdin.Write(p) }

// Close closes the command's standard input and kills it if it has not
// ended within two seconds.
func (cc *CommandConn) Close() error {
	cc.closeOnce.Do(func() {
		_ = cc.stdin.Close()
		t := time.AfterFunc(commandGrace, func() { _ = cc.cmd.Process.Kill() })
		go func() { <-cc.stderrDone; _ = cc.Wait(); t.Stop() }()
	})
	return nil
}

// Wait waits for the command to end once its output has been read to the
// end, and says how: nil for exit status 0, else a *Error naming the
// proxy command with its last line of standard error.
func (cc *CommandConn) Wait() error {
	cc.waitOnce.Do(func() {
		<-cc.stderrDone
		if err := cc.cmd.Wait(); err != nil {
			cc.mu.Lock()
			reason := "exited: " + err.Error()
			if cc.lastStderr != "" {
				reason += fmt.Sprintf(" (%s)", cc.lastStderr)
			}
			cc.mu.Unlock()
			cc.waitErr = &Error{Stage: StageCommand, Proxy: cc.name, Reason: reason, Err: err}
		}
	})
	return cc.waitErr
}
