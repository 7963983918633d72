package pace

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"sync"
	"testing"
	"time"
)

var comeBacks = []struct {
	name, seen, line string
	want             bool
}{
	{"echo and CR LF", "vlan 10\r\n", "vlan 10", true},
	{"echo without its line break yet", "vlan 10", "vlan 10", false},
	{"prompt", "\r\nR1(config)#", "interface Gi0/1", true},
	{"user prompt with a space", "\r\nR1> ", "x", true},
	{"IOS shortens a long echo; the prompt comes", "$ption very long\r\nR1(config-if)#", "description very long", true},
	{"nothing yet", "", "vlan 10", false},
	{"empty line echoed", "\r\n", "", true},
	{"other output", "% Invalid input\r\n", "vlan 10", false},
	{"a hash inside a line is no prompt", "# comment\r\nmore", "x", false},
}

func TestCameBack(t *testing.T) {
	p := regexp.MustCompile(DefaultPrompt)
	for _, tt := range comeBacks {
		if got := cameBack([]byte(tt.seen), []byte(tt.line), p); got != tt.want {
			t.Errorf("%s: cameBack = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func FuzzCameBack(f *testing.F) {
	for _, tt := range comeBacks {
		f.Add(tt.seen, tt.line)
	}
	p := regexp.MustCompile(DefaultPrompt)
	f.Fuzz(func(t *testing.T, seen, line string) {
		if cameBack([]byte(seen), []byte(line), p) && len(seen) == 0 {
			t.Fatal("came back with nothing seen")
		}
	})
}

func TestSplitLines(t *testing.T) {
	got := SplitLines([]byte("a\rb\r\rc"))
	want := [][]byte{[]byte("a\r"), []byte("b\r"), []byte("\r"), []byte("c")}
	if len(got) != len(want) {
		t.Fatalf("%q", got)
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("%q", got)
		}
	}
}

// recorder is a session that echoes (or not) what it is sent.
type recorder struct {
	mu   sync.Mutex
	sent []string
	at   []time.Time
}

func (r *recorder) send(b []byte) error {
	r.mu.Lock()
	r.sent = append(r.sent, string(b))
	r.at = append(r.at, time.Now())
	r.mu.Unlock()
	return nil
}

func (r *recorder) count() int { r.mu.Lock(); defer r.mu.Unlock(); return len(r.sent) }

// eventually waits up to 5 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestPauseResumeCancel: a pacer waiting for a device that never answers
// pauses itself after its timeout and says why; Resume sends the next
// line, an echo lets the one after go; Cancel ends Run.
func TestPauseResumeCancel(t *testing.T) {
	r := &recorder{}
	p := New([]byte("a\rb\rc\rd\r"), Options{WaitEcho: true, Timeout: 50 * time.Millisecond}, r.send, nil)
	done := make(chan error, 1)
	go func() { done <- p.Run(context.Background()) }()
	eventually(t, "the timeout's pause", func() bool { pr := p.Progress(); return pr.Paused && pr.Reason != "" })
	if pr := p.Progress(); pr.Line != 1 || r.count() != 1 || pr.Reason != "the device did not echo line 1 or show its prompt within 50ms" {
		t.Fatalf("paused at %+v after %d sends", pr, r.count())
	}
	p.Feed([]byte("nothing useful")) // not an echo: still paused
	p.Resume()
	eventually(t, "line b", func() bool { return r.count() == 2 })
	p.Feed([]byte("b\r\n")) // b's echo
	eventually(t, "line c", func() bool { return r.count() == 3 })
	p.Pause()
	p.Feed([]byte("\r\nR1#")) // c came back, but the person paused
	p.Cancel()                // Run's end is the barrier: d never went
	select {
	case err := <-done:
		if !errors.Is(err, ErrCanceled) {
			t.Fatalf("Run = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Cancel did not end Run")
	}
	if !p.Progress().Done || r.count() != 3 {
		t.Fatalf("after Cancel: %+v, %d sent", p.Progress(), r.count())
	}
}

// TestDelays: the line delay and character delay hold the pieces apart;
// Close stops a pacer in the middle of its delays.
func TestDelays(t *testing.T) {
	r := &recorder{}
	p := New([]byte("ab\rcd\r"), Options{LineDelay: 40 * time.Millisecond, CharDelay: 10 * time.Millisecond}, r.send, nil)
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := r.sent; len(got) != 6 || got[2] != "\r" {
		t.Fatalf("pieces %q", got)
	}
	if gap := r.at[3].Sub(r.at[2]); gap < 40*time.Millisecond {
		t.Fatalf("line delay %v", gap)
	}
	if gap := r.at[1].Sub(r.at[0]); gap < 10*time.Millisecond {
		t.Fatalf("character delay %v", gap)
	}
	slow := New([]byte("a\rb\r"), Options{LineDelay: time.Hour}, (&recorder{}).send, nil)
	done := make(chan error, 1)
	go func() { done <- slow.Run(context.Background()) }()
	eventually(t, "the first line", func() bool { return slow.Progress().Line == 1 })
	slow.Close()
	select {
	case err := <-done:
		if !errors.Is(err, ErrEnded) {
			t.Fatalf("Run = %v; want ErrEnded", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not stop the line delay")
	}
}

// TestPauseIsReportedAtOnce: Pause and Resume in the middle of a long
// line delay are reported before they return, so a Pause button turns
// into Resume at once rather than when the delay ends.
func TestPauseIsReportedAtOnce(t *testing.T) {
	var mu sync.Mutex
	var reports []Progress
	p := New([]byte("a\rb\r"), Options{LineDelay: time.Hour}, (&recorder{}).send, func(pr Progress) {
		mu.Lock()
		reports = append(reports, pr)
		mu.Unlock()
	})
	last := func() Progress { mu.Lock(); defer mu.Unlock(); return reports[len(reports)-1] }
	done := make(chan error, 1)
	go func() { done <- p.Run(context.Background()) }()
	eventually(t, "the first line", func() bool { return p.Progress().Line == 1 })
	p.Pause()
	if pr := last(); !pr.Paused || pr.Line != 1 {
		t.Fatalf("after Pause the last report is %+v", pr)
	}
	p.Resume()
	if pr := last(); pr.Paused {
		t.Fatalf("after Resume the last report is %+v", pr)
	}
	p.Cancel()
	if err := <-done; !errors.Is(err, ErrCanceled) {
		t.Fatalf("Run = %v", err)
	}
}
