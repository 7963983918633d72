//go:build e2e

package e2e

import (
	"bytes"
	"net"
	"sync"
	"testing"
)

// Server is a loopback TCP server that sends a greeting, records what it
// receives and where from.
type Server struct {
	ln   net.Listener
	mu   sync.Mutex
	got  bytes.Buffer
	from string
}

// NewServer listens on addr ("127.0.0.1:0" when empty).
func NewServer(t *testing.T, greeting []byte, closeAfter bool) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.from = c.RemoteAddr().String()
			s.mu.Unlock()
			go s.serve(c, greeting, closeAfter)
		}
	}()
	return s
}

func (s *Server) serve(c net.Conn, greeting []byte, closeAfter bool) {
	defer c.Close()
	c.Write(greeting)
	if closeAfter {
		return
	}
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf)
		s.mu.Lock()
		s.got.Write(buf[:n])
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// Port is the listening port.
func (s *Server) Port() string {
	_, p, _ := net.SplitHostPort(s.ln.Addr().String())
	return p
}

// Received is what arrived so far.
func (s *Server) Received() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.got.String()
}

// From is the client's address of the last connection.
func (s *Server) From() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.from
}
