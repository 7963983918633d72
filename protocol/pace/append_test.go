package pace_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/tern-telnet/tern/protocol/pace"
)

// TestAppend: lines appended while the pacer runs go after the others,
// each once the device echoed the one before; once Run is done, or when
// the lines would be too many, Append refuses.
func TestAppend(t *testing.T) {
	var mu sync.Mutex
	var sent []string
	var p *pace.Pacer
	echo := func(b []byte) error { // the device: echo, then the prompt
		mu.Lock()
		sent = append(sent, string(b))
		n := len(sent)
		mu.Unlock()
		if n == 1 { // the second line waits for this echo: added now, it must wait too
			if err := p.Append([]byte("three\rfour\r")); err != nil {
				t.Errorf("Append while running: %v", err)
			}
		}
		p.Feed([]byte(string(bytes.TrimRight(b, "\r")) + "\r\nsw1#"))
		return nil
	}
	p = pace.New([]byte("one\r"), pace.Options{WaitEcho: true}, echo, nil)
	if err := p.Append([]byte("two\r")); err != nil {
		t.Fatalf("Append before Run: %v", err)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if want := []string{"one\r", "two\r", "three\r", "four\r"}; !slices.Equal(sent, want) || p.Lines() != 4 {
		t.Fatalf("sent %q (%d lines), want %q", sent, p.Lines(), want)
	}
	if err := p.Append([]byte("five\r")); !errors.Is(err, pace.ErrFinished) {
		t.Fatalf("Append after Run: %v", err)
	}
	if !p.Ended() {
		t.Fatal("the pacer does not say it ended after Run: a session would keep feeding it")
	}
	q := pace.New([]byte("one\r"), pace.Options{}, echo, nil)
	if err := q.Append(bytes.Repeat([]byte("x\r"), 1<<20)); !errors.Is(err, pace.ErrTooLong) {
		t.Fatalf("Append of a million lines: %v", err)
	}
}
