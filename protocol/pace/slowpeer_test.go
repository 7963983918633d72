package pace_test

import (
	"io"
	"net"
	"sync"
	"testing"
	"time"
)

// slowDevice is a device console on loopback that reads slowly: its
// input buffer holds bufSize bytes and drops what arrives when it is
// full (a console server's UART does); one byte is taken from it every
// perByte and echoed, a CR as CR LF and the prompt.
type slowDevice struct {
	mu      sync.Mutex
	buf     []byte
	arrived int      // bytes read from the socket, kept or dropped
	lines   []string // the lines it read whole
	line    []byte
	addr    string
}

const (
	bufSize = 64
	perByte = time.Millisecond
	prompt  = "R1(config)#"
)

func newSlowDevice(t *testing.T) *slowDevice {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	d := &slowDevice{addr: l.Addr().String()}
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
func (d *slowDevice) receive(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		d.mu.Lock()
		d.arrived += n
		for _, c := range b[:n] {
			if len(d.buf) < bufSize {
				d.buf = append(d.buf, c)
			}
		}
		d.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// drain reads one byte every perByte and echoes it.
func (d *slowDevice) drain(w io.Writer, stop <-chan struct{}) {
	tick := time.NewTicker(perByte)
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
			echo = []byte("\r\n" + prompt)
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

// settled reports whether every one of wire bytes arrived and was read.
func (d *slowDevice) settled(wire int64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return int64(d.arrived) >= wire && len(d.buf) == 0
}

func (d *slowDevice) received() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.lines...)
}
