package protocol

import "sync"

// maxPendingOut bounds what waits to be written to a server that does not
// read; beyond it the connection is dropped.
const maxPendingOut = 4 << 20

// outItem is one write to the server; urgent marks the DM of a Synch.
type outItem struct {
	data   []byte
	urgent bool
	logAs  []byte // what the raw log records (a secret masked); nil: data
}

// outQueue hands writes to the writer goroutine without blocking anyone.
type outQueue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []outItem
	size   int
	closed bool
}

func (q *outQueue) init() { q.cond = sync.NewCond(&q.mu) }

func (q *outQueue) push(it outItem) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return true
	}
	if q.size+len(it.data) > maxPendingOut {
		return false
	}
	q.items = append(q.items, it)
	q.size += len(it.data)
	q.cond.Signal()
	return true
}

func (q *outQueue) pop() (outItem, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return outItem{}, false
	}
	it := q.items[0]
	q.items = q.items[1:]
	q.size -= len(it.data)
	return it, true
}

func (q *outQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.cond.Broadcast()
	q.mu.Unlock()
}
