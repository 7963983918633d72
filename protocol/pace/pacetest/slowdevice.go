// Package pacetest is a slow device for tests of paced pastes: a console
// on loopback that reads one byte a millisecond through a small buffer and
// drops what overflows it, as a console server's UART does.
package pacetest

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// SlowDevice is a device console on loopback that reads slowly: its
// input buffer holds BufSize bytes and drops what arrives when it is
// full (a console server's UART does); one byte is taken from it every
// PerByte and echoed, a CR as CR LF and the prompt.
type SlowDevice struct {
	mu      sync.Mutex
	buf     []byte
	arrived int      // bytes read from the socket, kept or dropped
	lines   []string // the lines it read whole
	line    []byte
	// Addr is its host:port.
	Addr string
}

// The device's buffer, pace and prompt.
const (
	BufSize = 64
	PerByte = time.Millisecond
	Prompt  = "R1(config)#"
)

// NewSlowDevice starts a slow device for one connection until the test ends.
func NewSlowDevice(t testing.TB) *SlowDevice {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &SlowDevice{Addr: l.Addr().String()}
	done := make(chan struct{})
	t.Cleanup(func() { l.Close(); <-done })
	go func() {
		defer close(done)
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		stop := make(chan struct{})
		go d.drain(c, stop)
		d.receive(c)
		close(stop)
	}()
	return d
}

// receive takes what arrives into the small buffer, dropping overflow.
func (d *SlowDevice) receive(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		d.mu.Lock()
		d.arrived += n
		for _, c := range b[:n] {
			if len(d.buf) < BufSize {
				d.buf = append(d.buf, c)
			}
		}
		d.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// drain reads one byte every PerByte and echoes it.
func (d *SlowDevice) drain(w io.Writer, stop <-chan struct{}) {
	tick := time.NewTicker(PerByte)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		d.mu.Lock()
		if len(d.buf) == 0 {
			d.mu.Unlock()
			continue
		}
		c := d.buf[0]
		d.buf = d.buf[1:]
		var echo []byte
		switch c {
		case '\r':
			d.lines = append(d.lines, string(d.line))
			d.line = d.line[:0]
			echo = []byte("\r\n" + Prompt)
		case 0, '\n': // the rest of CR NUL or CR LF
		default:
			d.line = append(d.line, c)
			echo = []byte{c}
		}
		d.mu.Unlock()
		if len(echo) > 0 {
			_, _ = w.Write(echo)
		}
	}
}

// Settled reports whether every one of wire bytes arrived and was read.
func (d *SlowDevice) Settled(wire int64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return int64(d.arrived) >= wire && len(d.buf) == 0
}

// Received is the lines the device read whole, in order.
func (d *SlowDevice) Received() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.lines...)
}
