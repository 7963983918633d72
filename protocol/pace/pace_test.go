package pace_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/pace"
	"github.com/tern-telnet/tern/protocol/pace/pacetest"
)

// config is a 500-line switch configuration, lines as a paste gives them.
func config() (string, []string) {
	var lines []string
	for i := range 500 {
		lines = append(lines, fmt.Sprintf("vlan %d", i+1))
	}
	return strings.Join(lines, "\r") + "\r", lines
}

// pasteTo opens a raw session to the slow device and sends the config
// with opt's pacing; it returns what the device read once every byte Tern
// wrote has arrived and been read (the barrier for "cut short").
func pasteTo(t *testing.T, opt pace.Options) []string {
	t.Helper()
	dev := pacetest.NewSlowDevice(t)
	host, port, _ := strings.Cut(dev.Addr, ":")
	s := protocol.NewSession(protocol.Config{Host: host, Port: port, Negotiation: protocol.NegotiateRaw})
	var current atomic.Pointer[pace.Pacer]
	s.OnData = func(b []byte) {
		if p := current.Load(); p != nil {
			p.Feed(b)
		}
	}
	go func() { _, _ = io.Copy(io.Discard, s.Output()) }()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = s.Run(ctx) }()
	defer s.Close()
	deadline := time.Now().Add(10 * time.Second)
	for s.Status().State != protocol.StateConnected {
		if time.Now().After(deadline) {
			t.Fatal("not connected")
		}
		time.Sleep(5 * time.Millisecond)
	}
	text, _ := config()
	p := pace.New([]byte(text), opt, func(b []byte) error { return s.Paste(b, false) }, nil)
	current.Store(p)
	if err := p.Run(ctx); err != nil {
		t.Fatal(err)
	}
	// The device has settled when every byte sent arrived and was read,
	// and it read no further line for 100 ms (under Wine its ticker is
	// coarse, and the last line could still be on its way).
	seen, since := -1, time.Now()
	for {
		n := len(dev.Received())
		if n != seen || !dev.Settled(s.Status().BytesOut) {
			seen, since = n, time.Now()
		} else if time.Since(since) >= 100*time.Millisecond {
			break
		}
		if time.Now().After(deadline.Add(60 * time.Second)) {
			t.Fatalf("the device did not settle: %d lines", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return dev.Received()
}

// TestSlowDevice500Lines: with "wait for the device" a 500-line config
// arrives complete and in order at a device that reads a byte a
// millisecond through a 64-byte buffer; sent at once it is cut short.
func TestSlowDevice500Lines(t *testing.T) {
	_, want := config()
	t.Run("wait for echo", func(t *testing.T) {
		start := time.Now()
		got := pasteTo(t, pace.Options{WaitEcho: true, Timeout: 5 * time.Second})
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("the device read %d lines, first difference at %d", len(got), firstDiff(got, want))
		}
		t.Logf("500 lines arrived whole in %v", time.Since(start).Round(time.Millisecond))
	})
	t.Run("no pacing", func(t *testing.T) {
		got := pasteTo(t, pace.Options{})
		whole := 0
		for i := range min(len(got), len(want)) {
			if got[i] == want[i] {
				whole++
			}
		}
		if len(got) >= len(want) || whole > 50 {
			t.Fatalf("the unpaced paste arrived with %d lines, %d of them whole; want it cut short", len(got), whole)
		}
		t.Logf("without pacing the device read %d lines, %d whole, of 500", len(got), whole)
	})
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
