package screen

// DefaultScrollback is how many lines scroll off the top are kept.
const DefaultScrollback = 10000

// ring keeps the last lines scrolled off the screen, oldest first, reusing
// the evicted lines' memory. Its slots are allocated as lines arrive, so
// a tab that scrolls little costs little, whatever its scrollback setting.
type ring struct {
	lines []*Line // grows to limit, then wraps around start
	limit int
	start int
	n     int
	total int64 // lines ever pushed
}

func newRing(capacity int) *ring {
	return &ring{limit: max(capacity, 0)}
}

// push adds a line and returns a spare line (an evicted one) or nil.
func (r *ring) push(l *Line) *Line {
	r.total++
	if r.limit == 0 {
		return l
	}
	if r.n < r.limit {
		if r.n < len(r.lines) { // slots left from before a clear
			r.lines[(r.start+r.n)%len(r.lines)] = l
		} else {
			r.lines = append(r.lines, l)
		}
		r.n++
		return nil
	}
	old := r.lines[r.start]
	r.lines[r.start] = l
	r.start = (r.start + 1) % len(r.lines)
	return old
}

// at returns line i, 0 being the oldest kept.
func (r *ring) at(i int) *Line { return r.lines[(r.start+i)%len(r.lines)] }

func (r *ring) len() int { return r.n }

func (r *ring) clear() { r.start, r.n = 0, 0 }
