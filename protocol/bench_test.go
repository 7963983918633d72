package protocol

import (
	"context"
	"io"
	"net"
	"testing"
)

const benchPayload = 64 << 20

// floodServer serves benchPayload bytes of text to each connection.
func floodServer(b *testing.B) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ln.Close() })
	chunk := make([]byte, 64<<10)
	for i := range chunk {
		chunk[i] = "abcdefghijklmnopqrstuvwxyz012345678\r\n"[i%37]
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				for sent := 0; sent < benchPayload; sent += len(chunk) {
					if _, err := c.Write(chunk); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().String()
}

// BenchmarkLoopbackRawCopy is the baseline: io.Copy from a loopback socket.
func BenchmarkLoopbackRawCopy(b *testing.B) {
	addr := floodServer(b)
	b.SetBytes(benchPayload)
	for i := 0; i < b.N; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, c)
		c.Close()
	}
}

// BenchmarkLoopbackEngine is the same flood through a whole Telnet session
// (decoder, output stream), read by a consumer as the screen model would.
func BenchmarkLoopbackEngine(b *testing.B) {
	addr := floodServer(b)
	host, port, _ := net.SplitHostPort(addr)
	b.SetBytes(benchPayload)
	for i := 0; i < b.N; i++ {
		s := NewSession(Config{Host: host, Port: port, Negotiation: NegotiatePassive})
		done := make(chan int64)
		go func() {
			var n int64
			buf := make([]byte, 32<<10) // as the screen feeder reads
			for {
				k, err := s.Output().Read(buf)
				n += int64(k)
				if err != nil {
					done <- n
					return
				}
			}
		}()
		if err := s.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		if n := <-done; n < benchPayload {
			b.Fatalf("got %d bytes", n)
		}
		s.Detach()
	}
}

// BenchmarkKeystroke is the engine's cost for one typed key in character
// mode: line discipline, NVT encoding and queueing for the socket.
func BenchmarkKeystroke(b *testing.B) {
	s := NewSession(Config{Host: "127.0.0.1", LocalEdit: ForceOff, LocalEcho: ForceOff})
	s.conn = &net.TCPConn{} // queued only; the writer goroutine is not started
	key := []byte{'x'}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s.locked(func() { s.ld.feed(key) })
		if i%1024 == 0 {
			s.outq.mu.Lock()
			s.outq.items, s.outq.size = s.outq.items[:0], 0
			s.outq.mu.Unlock()
		}
	}
}
