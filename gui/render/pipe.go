package render

import (
	"io"
	"sync"
)

// MaxRead is the most one Read returns. The widget misparses the byte at
// offset 5001 of a read, so reads stay well below that.
const MaxRead = 4096

// Pipe hands frames to the widget. Put waits until the widget has read the
// previous frame, so a slow widget makes the renderer skip frames instead
// of queueing them.
type Pipe struct {
	mu     sync.Mutex
	cond   *sync.Cond
	buf    []byte
	closed bool
	// FirstRead, if set, is closed when the widget first calls Read.
	FirstRead chan struct{}
	readOnce  sync.Once
}

// NewPipe returns an empty pipe.
func NewPipe() *Pipe {
	p := &Pipe{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// Put queues a frame and waits until it has been read (or the pipe closed).
func (p *Pipe) Put(frame []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.buf = append(p.buf, frame...)
	p.cond.Broadcast()
	for len(p.buf) > 0 && !p.closed {
		p.cond.Wait()
	}
}

// Close ends the stream: the widget's next Read after the queue drains
// gets io.EOF.
func (p *Pipe) Close() {
	p.mu.Lock()
	p.closed = true
	p.cond.Broadcast()
	p.mu.Unlock()
}

// Read gives at most MaxRead bytes, cut before an escape sequence or at a
// character boundary, never inside either.
func (p *Pipe) Read(b []byte) (int, error) {
	if p.FirstRead != nil {
		p.readOnce.Do(func() { close(p.FirstRead) })
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.buf) == 0 && !p.closed {
		p.cond.Wait()
	}
	if len(p.buf) == 0 {
		return 0, io.EOF
	}
	n := cutPoint(p.buf, min(len(b), MaxRead))
	copy(b, p.buf[:n])
	p.buf = p.buf[n:]
	if len(p.buf) == 0 {
		p.buf = nil
		p.cond.Broadcast()
	}
	return n, nil
}

// cutPoint is the largest safe length ≤ limit: all of buf if it fits, else
// just before the last ESC, else before a UTF-8 lead byte.
func cutPoint(buf []byte, limit int) int {
	if len(buf) <= limit {
		return len(buf)
	}
	for i := limit; i > 0; i-- {
		if buf[i] == 0x1b {
			return i
		}
	}
	i := limit
	for i > 0 && buf[i]&0xC0 == 0x80 {
		i--
	}
	if i == 0 {
		return limit
	}
	return i
}
