package proxy

import (
	"bufio"
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/proxy/proxytest"
)

func TestCommandLineQuotes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the shell's quoting")
	}
	for _, tt := range []struct{ host, want string }{
		{"sw1.lan", "nc sw1.lan 23"},
		{"fe80::1%eth0", "nc fe80::1%eth0 23"},
		{"a b;rm -rf x", `nc 'a b;rm -rf x' 23`},
		{"it's", `nc 'it'\''s' 23`},
		{"$(id)", `nc '$(id)' 23`},
	} {
		got, err := CommandLine(&Config{Kind: Command, Command: "nc %host %port"}, tt.host, 23)
		if err != nil || got != tt.want {
			t.Errorf("CommandLine for %q = %q, %v; want %q", tt.host, got, err, tt.want)
		}
	}
}

// commandThrough starts c's command for host:port and reads its first
// line, as the session would.
func commandThrough(t *testing.T, c *Config, host string, port int) (*CommandConn, *bufio.Reader) {
	t.Helper()
	cc, err := StartCommand(context.Background(), c, host, port, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cc.Close() })
	return cc, bufio.NewReader(cc)
}

// TestRealProxyCommands reaches the echo target through ssh -W to a real
// sshd jump host and through nc -X 5 to microsocks; a command that fails
// says so with its standard error.
func TestRealProxyCommands(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("sshd and nc on loopback")
	}
	target := echoTarget(t)
	jump := proxytest.SSHJump(t)
	socks := proxytest.Microsocks(t, "", "")
	for _, tt := range []struct {
		name, command string
		reason        string // "": the target is reached
	}{
		{"ssh -W through a jump host", proxytest.SSHCommand(jump), ""},
		{"nc -X 5 through SOCKS 5", "nc -X 5 -x 127.0.0.1:" + strconv.Itoa(socks) + " %host %port", ""},
		{"no such command", "no-such-proxy-command %host %port", "exited: exit status 127 (/bin/sh: 1: no-such-proxy-command: not found)"},
		{"jump host refuses", "ssh -F " + jump + " -p " + strconv.Itoa(proxytest.FreePort(t)) + " -W %host:%port bastion", "exited: exit status 255 (ssh: connect to host 127.0.0.1 port"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cc, r := commandThrough(t, &Config{Kind: Command, Command: tt.command}, "127.0.0.1", target)
			got := make(chan string, 1)
			go func() { line, _ := r.ReadString('\n'); got <- line }()
			var line string
			select {
			case line = <-got:
			case <-time.After(10 * time.Second):
				t.Fatal("nothing from the command in 10 s")
			}
			if tt.reason == "" {
				if line != greeting {
					t.Fatalf("first line %q; want the greeting (stderr: %v)", line, cc.Wait())
				}
				if _, err := cc.Write([]byte("ping through the command\n")); err != nil {
					t.Fatal(err)
				}
				if line, _ = r.ReadString('\n'); line != "ping through the command\n" {
					t.Fatalf("echo %q", line)
				}
				return
			}
			err := cc.Wait()
			var pe *Error
			if !errors.As(err, &pe) || pe.Stage != StageCommand || !strings.Contains(err.Error(), "the proxy command "+tt.reason) {
				t.Fatalf("err = %v; want the proxy command %s", err, tt.reason)
			}
		})
	}
}
