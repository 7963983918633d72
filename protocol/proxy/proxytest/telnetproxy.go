package proxytest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
)

// TelnetProxy is a Telnet-proxy peer on loopback, as a terminal server's
// proxy mode behaves: it reads one line, "connect HOST PORT" (at most 1
// KiB), says "Connecting to HOST PORT", connects onwards and relays; a
// connection it cannot make it reports in a line and closes. Each line it
// read (without its end) is sent on the channel, password and all.
func TelnetProxy(t *testing.T) (int, <-chan string) {
	t.Helper()
	lines := make(chan string, 16)
	return Serve(t, func(c net.Conn) { serveTelnetProxy(c, lines) }), lines
}

// Serve runs serve on a goroutine for each connection to a loopback port
// until the test ends, and returns the port.
func Serve(t *testing.T, serve func(net.Conn)) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	return l.Addr().(*net.TCPAddr).Port
}

func serveTelnetProxy(c net.Conn, lines chan<- string) {
	defer c.Close()
	r := bufio.NewReaderSize(io.LimitReader(c, 1<<10), 1<<10)
	line, err := r.ReadString('\n')
	if err != nil {
		return
	}
	line = strings.TrimRight(line, "\r\n")
	select {
	case lines <- line:
	default:
	}
	f := strings.Fields(line)
	if len(f) != 3 || f[0] != "connect" {
		fmt.Fprintf(c, "%% Unknown command %q\r\n", line)
		return
	}
	up, err := net.Dial("tcp", net.JoinHostPort(f[1], f[2]))
	if err != nil {
		fmt.Fprintf(c, "%% Connection refused by remote host %s %s\r\n", f[1], f[2])
		return
	}
	defer up.Close()
	fmt.Fprintf(c, "Connecting to %s %s ... Open\r\n", f[1], f[2])
	rest := make([]byte, r.Buffered())
	_, _ = io.ReadFull(r, rest)
	_, _ = up.Write(rest)
	go func() { _, _ = io.Copy(up, c); up.Close() }()
	_, _ = io.Copy(c, up)
}
