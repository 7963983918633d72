package exchange

import "bytes"

// Lines splits a byte stream cut anywhere into lines without their CR LF.
// A line longer than Max (0 means 8192) is handed on as it is, so a
// server that never ends a line cannot make it grow. The zero value is
// ready to use.
type Lines struct {
	Max     int
	partial []byte
}

// Feed takes more of the stream and calls line for each line it completes.
func (l *Lines) Feed(p []byte, line func(b []byte)) {
	limit := l.Max
	if limit <= 0 {
		limit = 8192
	}
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			l.partial = append(l.partial, p...)
			if len(l.partial) > limit {
				line(l.partial)
				l.partial = l.partial[:0]
			}
			return
		}
		b := p[:i]
		if len(l.partial) > 0 {
			l.partial = append(l.partial, b...)
			b = l.partial
		}
		line(bytes.TrimRight(b, "\r"))
		l.partial = l.partial[:0]
		p = p[i+1:]
	}
}

// Pending is how many bytes of an unfinished line are held.
func (l *Lines) Pending() int { return len(l.partial) }

// Reset forgets an unfinished line.
func (l *Lines) Reset() { l.partial = nil }

// Kept bounds what one reply keeps of its lines: at most MaxLines lines
// and MaxBytes bytes of text. Past either, lines are counted in More
// instead of kept, so a hostile server cannot make a reply (or the view
// that shows it) grow without end. The zero value keeps nothing.
type Kept struct {
	MaxLines, MaxBytes int
	bytes              int
}

// Add appends line to lines if it fits, or counts it in more.
func (k *Kept) Add(lines *[]string, more *int, line string) {
	if len(*lines) >= k.MaxLines || k.bytes+len(line) > k.MaxBytes || *more > 0 {
		*more++
		return
	}
	k.bytes += len(line)
	*lines = append(*lines, line)
}
