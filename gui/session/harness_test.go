package session

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// testHost is a view for a controller, without a window or a UI queue:
// it keeps the output as text and records what the controller asked.
type testHost struct {
	mu       sync.Mutex
	out      bytes.Buffer
	ended    []endEvent
	asked    int
	password string // AskPassword's answer, refused when ""
	saved    map[string]string
	verify   func(ctx context.Context, where string, info tlscheck.Info) error
	quit     int
	titles   int
	ctl      *Controller
	tap      *recordingTap // Started's tap for every session, when set
	// beforeAnswer, when set, runs as a password question is asked,
	// before it is answered.
	beforeAnswer func()
}

// recordingTap keeps what a session's tap saw, and whether it was closed.
type recordingTap struct {
	mu     sync.Mutex
	seen   bytes.Buffer
	closes int
}

func (r *recordingTap) Feed(p []byte) { r.mu.Lock(); r.seen.Write(p); r.mu.Unlock() }
func (r *recordingTap) Close()        { r.mu.Lock(); r.closes++; r.mu.Unlock() }

func (r *recordingTap) state() (string, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen.String(), r.closes
}

type endEvent struct {
	err          error
	reconnecting bool
}

func (h *testHost) Output(p []byte)  { h.mu.Lock(); h.out.Write(p); h.mu.Unlock() }
func (h *testHost) Size() (int, int) { return 80, 24 }
func (h *testHost) Started(*protocol.Session) DataTap {
	if h.tap == nil {
		return nil
	}
	return h.tap
}
func (h *testHost) Changed()      {}
func (h *testHost) GreetingSeen() {}
func (h *testHost) EscapeTyped()  { h.ctl.OpenPrompt() }
func (h *testHost) Retitle()      { h.mu.Lock(); h.titles++; h.mu.Unlock() }
func (h *testHost) Quit()         { h.mu.Lock(); h.quit++; h.mu.Unlock(); h.ctl.Close() }

func (h *testHost) Ended(_ *protocol.Session, err error, reconnecting bool) {
	h.mu.Lock()
	h.ended = append(h.ended, endEvent{err, reconnecting})
	h.mu.Unlock()
}

func (h *testHost) AskPassword(_ string, answer func(string, bool, bool)) {
	h.mu.Lock()
	h.asked++
	pw, before := h.password, h.beforeAnswer
	h.mu.Unlock()
	if before != nil {
		before()
	}
	answer(pw, false, pw != "")
}

func (h *testHost) SavedPassword(profile string, proxy bool) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	pw, ok := h.saved[profile]
	return pw, ok && !proxy
}

func (h *testHost) VerifyCertificate(ctx context.Context, where string, info tlscheck.Info) error {
	h.mu.Lock()
	h.asked++
	v := h.verify
	h.mu.Unlock()
	if v == nil {
		return errors.New("refused by the test")
	}
	return v(ctx, where, info)
}

func (h *testHost) text() string { h.mu.Lock(); defer h.mu.Unlock(); return h.out.String() }

func (h *testHost) endings() []endEvent {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]endEvent(nil), h.ended...)
}

func (h *testHost) questions() int { h.mu.Lock(); defer h.mu.Unlock(); return h.asked }

// newController makes a controller for st with a test host; prepare sets
// the host up before anything connects. It is closed when the test ends.
func newController(t *testing.T, st settings.Session, prepare func(*testHost)) (*Controller, *testHost) {
	t.Helper()
	h := &testHost{}
	if prepare != nil {
		prepare(h)
	}
	c := New(h, st, Options{})
	h.ctl = c
	t.Cleanup(func() { c.Close() })
	return c, h
}

// eventually waits until cond holds, or fails after 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// typeLine types text then Enter, one key at a time, as a person would.
func typeLine(c *Controller, text string) {
	for _, r := range text + "\r" {
		k := []byte(string(r))
		if !c.TakeKeys(k) {
			c.Send(k)
		}
	}
}

func contains(h *testHost, s string) func() bool {
	return func() bool { return strings.Contains(h.text(), s) }
}

func loopSettings(port string) settings.Session {
	return settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port}}
}
