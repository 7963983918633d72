package protocol

import (
	"io"
	"sync"
)

// streamLimit bounds what waits between the socket and the terminal: a
// writer blocks beyond it, so a slow terminal slows the socket reads.
const streamLimit = 256 << 10

// stream is an ordered byte queue with back-pressure: the session writes
// server output, local echo and its own messages into it, and the terminal
// side reads them in order.
type stream struct {
	mu     sync.Mutex
	cond   *sync.Cond
	buf    []byte
	closed bool // no more writes; reads drain then get EOF
	broken bool // the reader went away; writes are dropped
}

func newStream() *stream {
	s := &stream{}
	s.cond = sync.NewCond(&s.mu)
	return s
}

// Write appends p, waiting while the queue is full.
func (s *stream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.buf) >= streamLimit && !s.closed && !s.broken {
		s.cond.Wait()
	}
	if s.closed || s.broken {
		return 0, io.ErrClosedPipe
	}
	s.buf = append(s.buf, p...)
	s.cond.Broadcast()
	return len(p), nil
}

// Read returns queued bytes, waiting for some; io.EOF after CloseWrite once
// everything has been read.
func (s *stream) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.buf) == 0 && !s.closed {
		s.cond.Wait()
	}
	if len(s.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	if len(s.buf) == 0 && cap(s.buf) > 4*streamLimit {
		s.buf = nil
	}
	s.cond.Broadcast()
	return n, nil
}

// CloseWrite ends the stream after what is queued.
func (s *stream) CloseWrite() {
	s.mu.Lock()
	s.closed = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

// CloseRead says nobody will read any more: writers stop waiting.
func (s *stream) CloseRead() {
	s.mu.Lock()
	s.broken = true
	s.buf = nil
	s.cond.Broadcast()
	s.mu.Unlock()
}
