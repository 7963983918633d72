//go:build e2e

package e2e

import (
	"bytes"
	"net"
	"strings"
	"sync"
	"testing"
)

// Server is a loopback TCP server that sends a greeting, records what it
// receives and where from, and can answer each line (Reply).
type Server struct {
	ln   net.Listener
	mu   sync.Mutex
	got  bytes.Buffer
	from string
	// Reply, if set before the client connects, answers each line received.
	Reply func(line string) string
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

// SMTPReply is a tiny SMTP responder for screenshots and tests.
func SMTPReply(line string) string {
	switch cmd := strings.ToUpper(strings.SplitN(line, " ", 2)[0]); cmd {
	case "EHLO":
		return "250-mail.example.test Hello\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n"
	case "MAIL", "RCPT":
		return "250 2.1.0 Ok\r\n"
	case "QUIT":
		return "221 2.0.0 Bye\r\n"
	}
	return "250 2.0.0 Ok\r\n"
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
