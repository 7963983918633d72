//go:build unix

package logon_test

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/tern-telnet/tern/internal/logcheck"
	"github.com/tern-telnet/tern/internal/peerenv"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// Real peers (testdata/peers/start-all.sh exports their addresses): the
// Unix and Telnet login templates alone log in, a command's output comes back, and the
// password is in no log. Without the peers these tests skip.
var realPeer = peerenv.Addr

// peerPassword is what the logon sends; the peers' login accepts any.
const peerPassword = "Peer-Pw-31-x"

func TestLogonInetutilsTelnetd(t *testing.T) {
	host, port := realPeer(t, "TERN_PEER_TELNETD")
	eachLoginTemplate(t, func(t *testing.T, steps []logon.Step) {
		logsIn(t, protocol.Config{Host: host, Port: port, Negotiation: protocol.NegotiateActive}, steps)
	})
}

func TestLogonBusyboxTelnetd(t *testing.T) {
	host, port := realPeer(t, "TERN_PEER_BUSYBOX")
	eachLoginTemplate(t, func(t *testing.T, steps []logon.Step) {
		logsIn(t, protocol.Config{Host: host, Port: port}, steps)
	})
}

// eachLoginTemplate runs test with the templates a Unix telnetd's login
// answers.
func eachLoginTemplate(t *testing.T, test func(t *testing.T, steps []logon.Step)) {
	for _, tpl := range []struct {
		name  string
		steps []logon.Step
	}{{"unix", logon.Unix}, {"telnet login", logon.Login}} {
		t.Run(tpl.name, func(t *testing.T) { test(t, tpl.steps) })
	}
}

func logsIn(t *testing.T, cfg protocol.Config, steps []logon.Step) {
	dir := t.TempDir()
	cfg.SessionLog = protocol.Log{Path: filepath.Join(dir, "session.log"), Timestamp: "&T "}
	cfg.RawLog = protocol.Log{Path: filepath.Join(dir, "raw.log")}
	tm, progress, err := open(t, cfg, steps, logon.Vars{User: "tester", Password: peerPassword})
	if err != nil {
		t.Fatalf("%v\n%s", err, tm)
	}
	if last := progress[len(progress)-1]; last != "Logon: done" {
		t.Fatalf("progress ends with %q", last)
	}
	tm.expect(t, "Welcome tester.")
	tm.s.Write([]byte("echo $((6*7))-done\r"))
	tm.expect(t, "42-done")
	tm.s.Close()
	<-tm.s.Done()
	if found := logcheck.Found(t, dir, peerPassword); len(found) > 0 {
		t.Fatalf("the password is in a log: %q", found)
	}
	if strings.Contains(tm.String(), peerPassword) {
		t.Fatal("the terminal shows the password")
	}
}

// The running peers accept any password, so a refused login runs the
// same telnetd binaries in inetd mode on a port of our own, with the
// peers' login script told which password is right.
func TestLogonWrongPasswordInetutilsTelnetd(t *testing.T) {
	realPeer(t, "TERN_PEER_TELNETD")
	eachLoginTemplate(t, func(t *testing.T, steps []logon.Step) {
		refused(t, steps, "/usr/sbin/telnetd", "-E", strictLogin(t))
	})
}

func TestLogonWrongPasswordBusyboxTelnetd(t *testing.T) {
	realPeer(t, "TERN_PEER_BUSYBOX")
	bb := os.Getenv("BB")
	if bb == "" {
		bb = "/opt/telnet-peers/busybox-static"
	}
	eachLoginTemplate(t, func(t *testing.T, steps []logon.Step) {
		refused(t, steps, bb, "telnetd", "-i", "-K", "-l", strictLogin(t))
	})
}

// strictLogin is the peers' login script wrapped so that only "secret"
// is accepted (telnetd does not pass its environment on).
func strictLogin(t *testing.T) string {
	script, err := filepath.Abs("../../testdata/peers/telnet-login.sh")
	if err != nil {
		t.Fatal(err)
	}
	wrapper := filepath.Join(t.TempDir(), "strict-login.sh")
	body := "#!/bin/sh\nPEER_PASSWORD=secret PEER_NAME=strict exec " + script + "\n"
	if err := os.WriteFile(wrapper, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return wrapper
}

func refused(t *testing.T, steps []logon.Step, argv ...string) {
	host, port := inetd(t, argv...)
	tm, _, err := open(t, protocol.Config{Host: host, Port: port}, steps, logon.Vars{User: "tester", Password: "wrong"})
	var e *logon.Error
	if !errors.As(err, &e) || e.Kind != logon.Refused || e.Step != 3 || e.Reply != "Login incorrect" {
		t.Fatalf("Run: %v\n%s", err, tm)
	}
	if !strings.Contains(tm.String(), "Test telnet peer (strict)") {
		t.Fatalf("not the strict login:\n%s", tm)
	}
	t.Log(logon.Explain(err))
}

// inetd serves one connection on a loopback port of its own by running
// argv with the socket as its standard input and output, as inetd does;
// the process group is killed when the test ends.
func inetd(t *testing.T, argv ...string) (host, port string) {
	t.Helper()
	if _, err := os.Stat(argv[0]); err != nil {
		t.Skipf("%s is not installed: %v", argv[0], err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var cmd *exec.Cmd
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		if cmd != nil {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			cmd.Wait()
		}
	})
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		f, err := c.(*net.TCPConn).File()
		c.Close()
		if err != nil {
			return
		}
		defer f.Close()
		mu.Lock()
		defer mu.Unlock()
		cmd = exec.Command(argv[0], argv[1:]...)
		cmd.Stdin, cmd.Stdout = f, f
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			cmd = nil
		}
	}()
	host, port, _ = net.SplitHostPort(ln.Addr().String())
	return host, port
}
