package logon_test

import (
	"context"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/logcheck"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// The Session is what the GUI hands the runner.
var _ logon.Sender = (*protocol.Session)(nil)

// term is a live session with a logon runner, as a tab holds them.
type term struct {
	s   *protocol.Session
	r   *logon.Runner
	mu  sync.Mutex
	out strings.Builder
}

func (tm *term) String() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// expect waits until the terminal shows want.
func (tm *term) expect(t *testing.T, want string) {
	t.Helper()
	if !testwait.Holds(10*time.Second, func() bool { return strings.Contains(tm.String(), want) }) {
		t.Fatalf("timed out waiting for %q; the terminal shows:\n%s", want, tm.String())
	}
}

// open connects and runs the steps as the GUI will: the runner is fed from
// OnData and started with the session.
func open(t *testing.T, cfg protocol.Config, steps []logon.Step, v logon.Vars) (*term, []string, error) {
	t.Helper()
	tm := &term{s: protocol.NewSession(cfg)}
	tm.r = logon.New(tm.s, steps, v, nil)
	tm.s.OnData = tm.r.Feed
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := tm.s.Output().Read(b)
			tm.mu.Lock()
			tm.out.Write(b[:n])
			tm.mu.Unlock()
			if err == io.EOF {
				return
			}
		}
	}()
	go tm.s.Run(context.Background())
	t.Cleanup(func() {
		tm.s.Close()
		select {
		case <-tm.s.Done():
		case <-time.After(5 * time.Second):
			t.Error("session did not stop")
		}
		tm.s.Detach()
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var progress []string
	err := tm.r.Run(ctx, func(p logon.Progress) { progress = append(progress, p.String()) })
	return tm, progress, err
}

func loopLogon(t *testing.T, dir, password string, logSecrets bool) (*term, []string, error) {
	p := loopserver.StartScripted(t, loopserver.Login("tester", "Right-Pw-42"))
	cfg := protocol.Config{
		Host: "127.0.0.1", Port: p.Port(), LogSecrets: logSecrets,
		SessionLog: protocol.Log{Path: filepath.Join(dir, "session.log")},
		RawLog:     protocol.Log{Path: filepath.Join(dir, "raw.log")},
	}
	return open(t, cfg, logon.Unix, logon.Vars{User: "tester", Password: password})
}

func TestLogonAgainstLoopbackKeepsThePasswordOutOfLogs(t *testing.T) {
	for _, logSecrets := range []bool{false, true} {
		dir := t.TempDir()
		tm, progress, err := loopLogon(t, dir, "Right-Pw-42", logSecrets)
		if err != nil {
			t.Fatalf("%v\n%s", err, tm)
		}
		want := []string{"Logon: step 1 of 3, waiting for “login:”", "Logon: step 1 of 3, sending",
			"Logon: step 2 of 3, waiting for “Password:”", "Logon: step 2 of 3, sending",
			"Logon: step 3 of 3, waiting for a prompt ending in $, #, % or >", "Logon: step 3 of 3, sending", "Logon: done"}
		if strings.Join(progress, "\n") != strings.Join(want, "\n") {
			t.Errorf("progress:\n%s", strings.Join(progress, "\n"))
		}
		tm.s.Write([]byte("echo hi\r"))
		tm.expect(t, "ok")
		tm.s.Close()
		<-tm.s.Done()
		found := logcheck.Found(t, dir, "Right-Pw-42")
		if logSecrets != (len(found) > 0) {
			t.Errorf("LogSecrets %v: found %q", logSecrets, found)
		}
		if strings.Contains(tm.String(), "Right-Pw-42") {
			t.Errorf("the terminal shows the password:\n%s", tm)
		}
	}
}

func TestLogonWrongPasswordStops(t *testing.T) {
	tm, _, err := loopLogon(t, t.TempDir(), "wrong", false)
	var e *logon.Error
	if !errors.As(err, &e) || e.Kind != logon.Refused || e.Step != 3 || e.Reply != "Login incorrect" {
		t.Fatalf("Run: %v\n%s", err, tm)
	}
	if got := logon.Explain(err); !strings.Contains(got, "step 3 of 3: the server refused the login (“Login incorrect”)") {
		t.Fatal(got)
	}
}

func TestPersonTypingHandsTheSessionOver(t *testing.T) {
	sentUser := make(chan struct{})
	p := loopserver.StartScripted(t, func(c net.Conn) {
		c.Write([]byte("login: "))
		var got []byte
		buf := make([]byte, 64)
		for !strings.Contains(string(got), "u\r") {
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			got = append(got, buf[:n]...)
		}
		close(sentUser)
		_, _ = io.Copy(io.Discard, c) // no "Password:" ever: hold until the session ends
	})
	tm := &term{s: protocol.NewSession(protocol.Config{Host: "127.0.0.1", Port: p.Port()})}
	steps := []logon.Step{{Expect: "login:", Send: "{user}"}, {Expect: "Password:", Send: "{password}"}}
	tm.r = logon.New(tm.s, steps, logon.Vars{User: "u", Password: "p"}, nil)
	tm.s.OnData = tm.r.Feed
	go tm.s.Run(context.Background())
	t.Cleanup(func() { tm.s.Close(); <-tm.s.Done(); tm.s.Detach() })
	go io.Copy(io.Discard, tm.s.Output())
	done := make(chan error, 1)
	go func() { done <- tm.r.Run(context.Background(), nil) }()
	select { // barrier: the runner has sent the user and waits
	case <-sentUser:
	case <-time.After(testwait.Timeout):
		t.Fatal("the user name never reached the server")
	}
	tm.r.Interrupt() // the GUI's key path, before the key goes out
	select {
	case err := <-done:
		var e *logon.Error
		if !errors.As(err, &e) || e.Kind != logon.Interrupted || e.Step != 2 {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("the runner did not stop at once")
	}
}
