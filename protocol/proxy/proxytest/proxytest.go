// Package proxytest starts real proxies on loopback for tests:
// microsocks (SOCKS 5), tinyproxy (HTTP CONNECT) and Dante (SOCKS 4;
// Dante 1.4 does not speak 4A). A test whose proxy is
// not installed is skipped with the package to install.
package proxytest

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// FreePort is a loopback port nothing listens on (at the time of the call).
func FreePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func needBinary(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install %s); the real-proxy tests need it", name, pkg)
	}
	return path
}

// startProxy runs a proxy and waits until it accepts connections.
func startProxy(t *testing.T, port int, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(cmd) })
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not listen on port %d: %v", name, port, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop asks a proxy to end (Dante's mother process takes its children
// with it on SIGTERM, not on SIGKILL), and kills it after two seconds.
func stop(cmd *exec.Cmd) {
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	if cmd.Process.Signal(syscall.SIGTERM) == nil {
		select {
		case <-done:
			return
		case <-time.After(2 * time.Second):
		}
	}
	_ = cmd.Process.Kill()
	<-done
}

// Microsocks runs a SOCKS 5 proxy, with a user and password when user
// is not empty, and returns its port.
func Microsocks(t *testing.T, user, pass string) int {
	bin := needBinary(t, "microsocks", "microsocks")
	port := FreePort(t)
	args := []string{"-i", "127.0.0.1", "-p", strconv.Itoa(port)}
	if user != "" {
		args = append(args, "-u", user, "-P", pass)
	}
	startProxy(t, port, bin, args...)
	return port
}

// Tinyproxy runs an HTTP CONNECT proxy allowing CONNECT to allowPorts,
// with Basic authentication when user is not empty, and returns its port.
func Tinyproxy(t *testing.T, user, pass string, allowPorts ...int) int {
	bin := needBinary(t, "tinyproxy", "tinyproxy")
	port := FreePort(t)
	var conf strings.Builder
	fmt.Fprintf(&conf, "Port %d\nListen 127.0.0.1\nTimeout 30\nMaxClients 20\nLogLevel Error\nDisableViaHeader Yes\n", port)
	for _, p := range allowPorts {
		fmt.Fprintf(&conf, "ConnectPort %d\n", p)
	}
	if user != "" {
		fmt.Fprintf(&conf, "BasicAuth %s %s\n", user, pass)
	}
	path := filepath.Join(t.TempDir(), "tinyproxy.conf")
	if err := os.WriteFile(path, []byte(conf.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	startProxy(t, port, bin, "-d", "-c", path)
	return port
}

// Dante runs Dante's SOCKS server (danted, from dante-server), which
// answers SOCKS 4 (and 5) without authentication, and returns its port.
// Dante 1.4 takes a SOCKS 4A request's 0.0.0.x for an address: it
// refuses it.
func Dante(t *testing.T) int {
	bin := needBinary(t, "danted", "dante-server")
	port := FreePort(t)
	conf := fmt.Sprintf(`logoutput: stderr
internal: 127.0.0.1 port = %d
external: 127.0.0.1
clientmethod: none
socksmethod: none
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
socks pass { from: 127.0.0.0/8 to: 0.0.0.0/0 command: connect }
`, port)
	dir := t.TempDir()
	path := filepath.Join(dir, "danted.conf")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	startProxy(t, port, bin, "-f", path, "-N", "1", "-p", filepath.Join(dir, "danted.pid"))
	return port
}
