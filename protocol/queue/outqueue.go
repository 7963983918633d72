package queue

import "sync"

// MaxPendingOut bounds what waits to be written to a server that does not
// read; beyond it the connection is dropped.
const MaxPendingOut = 4 << 20

// Item is one write to the server; Urgent marks the DM of a Synch.
type Item struct {
	Data   []byte
	Urgent bool
	LogAs  []byte // what the raw log records (a secret masked); nil: Data
}

// Logged is what the raw log records for the item.
func (it Item) Logged() []byte {
	if it.LogAs != nil {
		return it.LogAs
	}
	return it.Data
}

// Out hands writes to the writer goroutine without blocking anyone; call
// Init before use.
type Out struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []Item
	size   int
	closed bool
}

// Init prepares the queue.
func (q *Out) Init() { q.cond = sync.NewCond(&q.mu) }

// Push queues it; false when the queue is full (MaxPendingOut). After
// Close it drops it and reports true.
func (q *Out) Push(it Item) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return true
	}
	if q.size+len(it.Data) > MaxPendingOut {
		return false
	}
	q.items = append(q.items, it)
	q.size += len(it.Data)
	q.cond.Signal()
	return true
}

// Pop waits for the next item; false once the queue is closed and empty.
func (q *Out) Pop() (Item, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return Item{}, false
	}
	it := q.items[0]
	q.items = q.items[1:]
	q.size -= len(it.Data)
	return it, true
}

// Close ends the queue: Pop returns what is queued, then false.
func (q *Out) Close() {
	q.mu.Lock()
	q.closed = true
	q.cond.Broadcast()
	q.mu.Unlock()
}

// Drop forgets everything queued (for benchmarks that queue without a
// writer).
func (q *Out) Drop() {
	q.mu.Lock()
	q.items, q.size = q.items[:0], 0
	q.mu.Unlock()
}
