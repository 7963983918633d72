package sessioninfo

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/sessionlog"
)

// fakeTab is a tab as the status line reads it.
type fakeTab struct {
	session          *protocol.Session
	logon, reconnect string
	err              error
}

func (f fakeTab) Session() *protocol.Session { return f.session }
func (f fakeTab) LogonStatus() string        { return f.logon }
func (f fakeTab) ReconnectStatus() string    { return f.reconnect }
func (f fakeTab) LastError() error           { return f.err }

func TestStatusLineBeforeAConnection(t *testing.T) {
	if got := StatusLine(fakeTab{logon: "Logon: step 1", err: errors.New("refused")}, "SMTP: ready"); got != "Not connected" {
		t.Fatalf("a tab without a session: %q", got)
	}
}

// TestStatusLineOfAClosedSession: the line says why it ended and the
// way back first, so that a cut line keeps them.
func TestStatusLineOfAClosedSession(t *testing.T) {
	srv := loopserver.Start(t, []byte("hello\r\n"), false)
	s := protocol.NewSession(protocol.Config{Host: "127.0.0.1", Port: srv.Port()})
	done := make(chan error, 1)
	go func() { done <- s.Run(context.Background()) }()
	deadline := time.Now().Add(5 * time.Second)
	for s.Status().State != protocol.StateConnected && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	s.Close()
	<-done
	where := "127.0.0.1 port " + srv.Port()
	tests := []struct {
		tab  fakeTab
		note string
		want string
	}{
		{fakeTab{session: s}, "", "Closed · you disconnected · " + reconnectKeys + " · " + where},
		{fakeTab{session: s, err: errors.New("connection refused")}, "", "Closed · connection refused · " + reconnectKeys + " · " + where},
		{fakeTab{session: s, reconnect: "reconnecting in 2s"}, "IMAP: logged in", "Closed · IMAP: logged in · " + where},
	}
	for _, tt := range tests {
		got := StatusLine(tt.tab, tt.note)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("StatusLine = %q\nwant it to start %q", got, tt.want)
		}
		if tt.tab.reconnect != "" && !strings.HasSuffix(got, tt.tab.reconnect) {
			t.Errorf("StatusLine = %q: the pending reconnection is not last", got)
		}
	}
}

func TestMarkClosed(t *testing.T) {
	tests := []struct {
		title  string
		closed bool
		want   string
	}{
		{"r.lan:23", true, "r.lan:23 (closed)"},
		{"r.lan:23 (closed)", true, "r.lan:23 (closed)"},
		{"r.lan:23 (closed)", false, "r.lan:23"},
		{"r.lan:23", false, "r.lan:23"},
	}
	for _, tt := range tests {
		if got := MarkClosed(tt.title, tt.closed); got != tt.want {
			t.Errorf("MarkClosed(%q, %v) = %q, want %q", tt.title, tt.closed, got, tt.want)
		}
	}
}

// TestEventLogViewIsBounded: the view keeps the event log's bounds in
// lines, dropping the oldest a tenth at a time.
func TestEventLogViewIsBounded(t *testing.T) {
	v := &eventLogView{}
	for i := 0; i < sessionlog.DefaultEventLogLines+1; i++ {
		v.keep(sessionlog.Event{Text: "server: WILL ECHO"})
	}
	if n := len(v.lines); n > sessionlog.DefaultEventLogLines || n < sessionlog.DefaultEventLogLines*8/10 {
		t.Fatalf("%d lines kept of %d", n, sessionlog.DefaultEventLogLines+1)
	}
}
