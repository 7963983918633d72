// Package loopserver is a test peer for the protocol's and the window's
// tests: a TCP server on 127.0.0.1 that greets each connection (or plays a
// script on it), records what arrives and from where, can answer each
// line, and can drop the connection. It stops when the test ends.
package loopserver

import (
	"bytes"
	"net"
	"sync"
	"testing"
	"time"
)

// Server is one listening loopback server.
type Server struct {
	ln         net.Listener
	greeting   []byte
	closeAfter bool
	script     func(c net.Conn)

	mu       sync.Mutex
	got      bytes.Buffer
	from     string   // the client address of the last connection
	conn     net.Conn // the current connection, nil once dropped
	accepted int

	// Reply, if set before the client connects, answers each line received.
	Reply func(line string) string
}

// Start listens on a free port of 127.0.0.1. Each connection gets the
// greeting; with closeAfter the server then hangs up.
func Start(t testing.TB, greeting []byte, closeAfter bool) *Server {
	t.Helper()
	return start(t, &Server{greeting: greeting, closeAfter: closeAfter})
}

// StartScripted listens like Start, for a server that plays its own part:
// each connection is first handed to script (what script reads is not
// recorded), then what arrives is recorded.
func StartScripted(t testing.TB, script func(c net.Conn)) *Server {
	t.Helper()
	return start(t, &Server{script: script})
}

func start(t testing.TB, s *Server) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.ln = ln
	t.Cleanup(func() {
		ln.Close()
		s.Drop()
	})
	go s.accept()
	return s
}

func (s *Server) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.from, s.conn = c.RemoteAddr().String(), c
		s.accepted++
		s.mu.Unlock()
		go s.serve(c)
	}
}

func (s *Server) serve(c net.Conn) {
	defer c.Close()
	c.Write(s.greeting)
	if s.closeAfter {
		return
	}
	if s.script != nil {
		s.script(c)
		c.SetDeadline(time.Time{}) // a deadline the script left must not end the recording
	}
	buf := make([]byte, 4096)
	var line []byte
	for {
		n, err := c.Read(buf)
		s.mu.Lock()
		s.got.Write(buf[:n])
		reply := s.Reply
		s.mu.Unlock()
		for _, b := range buf[:n] {
			line = append(line, b)
			if b == '\n' && reply != nil {
				c.Write([]byte(reply(string(bytes.TrimRight(line, "\r\n")))))
				line = line[:0]
			}
		}
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

// Received is everything that arrived so far, over all connections.
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

// Connections counts the connections accepted.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

// Drop closes the server side of the current connection; it reports
// false when there is none.
func (s *Server) Drop() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return false
	}
	s.conn.Close()
	s.conn = nil
	return true
}

// ClosedPort is a loopback port nothing listens on (it was free a moment
// ago), for tests of a refused connection.
func ClosedPort(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	return port
}
