package queue

import (
	"io"
	"sync"
)

// StreamLimit bounds what waits between the socket and the terminal: a
// writer blocks beyond it, so a slow terminal slows the socket reads.
const StreamLimit = 256 << 10

// Stream is an ordered byte queue with back-pressure: the session writes
// server output, local echo and its own messages into it, and the terminal
// side reads them in order.
type Stream struct {
	mu       sync.Mutex
	cond     *sync.Cond
	buf      []byte
	off      int  // read position in buf
	closed   bool // no more writes; reads drain then get EOF
	broken   bool // the reader went away; writes are dropped
	sleepers int  // goroutines waiting on cond
}

// NewStream returns an empty stream.
func NewStream() *Stream {
	s := &Stream{}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *Stream) wait() {
	s.sleepers++
	s.cond.Wait()
	s.sleepers--
}

func (s *Stream) wake() {
	if s.sleepers > 0 {
		s.cond.Broadcast()
	}
}

// Write appends p, waiting while the queue is full.
func (s *Stream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.buf)-s.off >= StreamLimit && !s.closed && !s.broken {
		s.wait()
	}
	if s.closed || s.broken {
		return 0, io.ErrClosedPipe
	}
	if s.off > 0 && s.off == len(s.buf) {
		s.buf, s.off = s.buf[:0], 0 // drained: reuse from the front
	}
	s.buf = append(s.buf, p...)
	s.wake()
	return len(p), nil
}

// Waiting is how many bytes wait to be read.
func (s *Stream) Waiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.buf) - s.off
}

// Read returns queued bytes, waiting for some; io.EOF after CloseWrite once
// everything has been read.
func (s *Stream) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.off == len(s.buf) && !s.closed {
		s.wait()
	}
	if s.off == len(s.buf) {
		return 0, io.EOF
	}
	n := copy(p, s.buf[s.off:])
	s.off += n
	if s.off == len(s.buf) {
		s.buf, s.off = s.buf[:0], 0
		if cap(s.buf) > 8*StreamLimit {
			s.buf = nil // one huge write: do not keep its memory
		}
	}
	s.wake()
	return n, nil
}

// CloseWrite ends the stream after what is queued.
func (s *Stream) CloseWrite() {
	s.mu.Lock()
	s.closed = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

// CloseRead says nobody will read any more: writers stop waiting.
func (s *Stream) CloseRead() {
	s.mu.Lock()
	s.broken = true
	s.buf, s.off = nil, 0
	s.cond.Broadcast()
	s.mu.Unlock()
}
