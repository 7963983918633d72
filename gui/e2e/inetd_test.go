//go:build e2e

package e2e

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
)

// strictTelnetd serves GNU telnetd in inetd mode on a loopback port of
// its own, one process per connection, with the peers' login script told
// that only "secret" is right (the shared peer accepts any password). It
// returns the port; the processes are killed when the test ends.
func strictTelnetd(t *testing.T) string {
	t.Helper()
	const telnetd = "/usr/sbin/telnetd"
	if _, err := os.Stat(telnetd); err != nil {
		t.Skipf("%s is not installed: %v", telnetd, err)
	}
	script, _ := filepath.Abs("../../testdata/peers/telnet-login.sh")
	login := filepath.Join(t.TempDir(), "strict-login.sh")
	if err := os.WriteFile(login, []byte("#!/bin/sh\nPEER_PASSWORD=secret PEER_NAME=strict exec "+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var procs []*exec.Cmd
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range procs {
			syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
			c.Wait()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			f, err := c.(*net.TCPConn).File()
			c.Close()
			if err != nil {
				continue
			}
			cmd := exec.Command(telnetd, "-E", login)
			cmd.Stdin, cmd.Stdout = f, f
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			if cmd.Start() == nil {
				mu.Lock()
				procs = append(procs, cmd)
				mu.Unlock()
			}
			f.Close()
		}
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}
