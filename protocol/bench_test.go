package protocol

import (
	"bytes"
	"context"
	"io"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/testwait"
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
		s.locked(func() { s.ld.Feed(key) })
		if i%1024 == 0 {
			s.link.outq.Drop()
		}
	}
}

// BenchmarkPaste100KB sends 100 KB of pasted lines to a character-mode
// server and waits until all of it has arrived: as Session.Paste does it
// (one write), and, for comparison, as keys through Session.Write (how a
// paste went before Paste: one socket write per byte).
func BenchmarkPaste100KB(b *testing.B) {
	line := []byte("0123456789 the quick brown fox jumps over the lazy dog 0123456\n")
	text := bytes.Repeat(line, 100<<10/len(line))
	perPaste := int64(len(text) + bytes.Count(text, []byte("\n"))) // LF goes as CR LF
	for _, how := range []string{"Paste", "Write as keys"} {
		b.Run(how, func(b *testing.B) {
			s, got := charModeSession(b)
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if how == "Paste" {
					s.Paste(text, false)
				} else {
					s.Write(text)
				}
				for got.Load() < int64(i+1)*perPaste {
					time.Sleep(50 * time.Microsecond)
				}
			}
		})
	}
}

// charModeSession connects a session to a loopback server that says WILL
// ECHO and WILL SGA, and counts the data it receives after the answers.
func charModeSession(b *testing.B) (*Session, *atomic.Int64) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ln.Close() })
	var got atomic.Int64
	answers := int64(len("\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03"))
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.Write([]byte{255, 251, 1, 255, 251, 3})
		buf := make([]byte, 64<<10)
		for {
			n, err := c.Read(buf)
			got.Add(int64(n))
			if err != nil {
				return
			}
		}
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	s := NewSession(Config{Host: "127.0.0.1", Port: port})
	go io.Copy(io.Discard, s.Output())
	go s.Run(context.Background())
	b.Cleanup(func() { s.Close(); <-s.Done(); s.Detach() })
	testwait.Until(b, "character mode", func() bool { return got.Load() >= answers && !s.Status().LineMode })
	got.Add(-answers)
	return s, &got
}
