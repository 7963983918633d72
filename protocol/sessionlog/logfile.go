package sessionlog

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// NameFields are what a log file name's placeholders stand for.
type NameFields struct {
	Host, Port string
	Session    string // the saved session's name; "" means the host
	At         time.Time
}

// ExpandName replaces the placeholders in a log file name. A session
// name cannot add folders: its path separators become "_".
func ExpandName(name string, f NameFields) string {
	session := strings.NewReplacer("/", "_", "\\", "_").Replace(cmp.Or(f.Session, f.Host))
	return expandAmp(name, func(c byte) (string, bool) {
		switch c {
		case 'H':
			return f.Host, true
		case 'P':
			return f.Port, true
		case 'S':
			return session, true
		case 'T':
			return f.At.Format("150405"), true
		}
		return dateField(c, f.At)
	})
}

// ExpandTimestamp fills in a timestamp format (File.SetTimestamp) for the moment at.
func ExpandTimestamp(format string, at time.Time) string {
	return expandAmp(format, func(c byte) (string, bool) {
		switch c {
		case 'T':
			return at.Format("15:04:05"), true
		case 'N':
			return fmt.Sprintf("%03d", at.Nanosecond()/1e6), true
		}
		return dateField(c, at)
	})
}

// dateField is &Y, &M or &D.
func dateField(c byte, at time.Time) (string, bool) {
	layout, ok := map[byte]string{'Y': "2006", 'M': "01", 'D': "02"}[c]
	if !ok {
		return "", false
	}
	return at.Format(layout), true
}

// expandAmp replaces each &X in s with what field says X (upper-cased)
// stands for; && is a literal &, and an unknown &X is kept as it is.
func expandAmp(s string, field func(c byte) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '&' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		if s[i] == '&' {
			b.WriteByte('&')
			continue
		}
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if v, ok := field(c); ok {
			b.WriteString(v)
			continue
		}
		b.WriteByte('&')
		b.WriteByte(s[i])
	}
	return b.String()
}

// File is a buffered log that is flushed at least every second and on
// Close, so no received byte is missing after the session ends.
type File struct {
	mu     sync.Mutex
	f      *os.File
	w      *bufio.Writer
	stop   chan struct{}
	closed bool
	stamp  string      // the Timestamp format; "" means none
	text   *textFilter // non-nil: log the text only (SetTextOnly)
	// midLine says the last byte written did not end a line.
	midLine bool
	now     func() time.Time // the clock for timestamps; nil means time.Now
}

// SetTimestamp starts each line written from now on with the time, in
// this format: &Y year, &M month, &D day, &T time (15:04:05), &N
// milliseconds, && a literal & (not case-sensitive). "" means none.
func (l *File) SetTimestamp(format string) {
	l.mu.Lock()
	l.stamp = format
	l.mu.Unlock()
}

// SetTextOnly logs only the text of what is written from now on (PuTTY's
// "Printable output"): escape sequences and control characters other than
// CR, LF and TAB are left out.
func (l *File) SetTextOnly(on bool) {
	l.mu.Lock()
	l.text = nil
	if on {
		l.text = &textFilter{}
	}
	l.mu.Unlock()
}

// stamped returns p with the time at the start of each line (l.mu held).
func (l *File) stamped(p []byte) []byte {
	now := time.Now
	if l.now != nil {
		now = l.now
	}
	prefix := ExpandTimestamp(l.stamp, now())
	out := make([]byte, 0, len(p)+len(prefix))
	for len(p) > 0 {
		if !l.midLine {
			out = append(out, prefix...)
			l.midLine = true
		}
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			return append(out, p...)
		}
		out, p = append(out, p[:i+1]...), p[i+1:]
		l.midLine = false
	}
	return out
}

// Open creates the log file at path (or adds to it, appendTo), readable
// by its owner only.
func Open(path string, appendTo bool) (*File, error) {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return nil, err
	}
	l := &File{f: f, w: bufio.NewWriterSize(f, 64<<10), stop: make(chan struct{})}
	go l.flushEvery(time.Second)
	return l, nil
}

func (l *File) flushEvery(d time.Duration) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			l.Flush()
		case <-l.stop:
			return
		}
	}
}

// Write logs p (as text only, or timestamped, as set).
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return 0, os.ErrClosed
	}
	n := len(p)
	if l.text != nil {
		p = l.text.filter(nil, p)
	}
	if l.stamp != "" {
		p = l.stamped(p)
	}
	if _, err := l.w.Write(p); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes buffered bytes to the file.
func (l *File) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		_ = l.w.Flush()
	}
}

// Close flushes the log and closes its file; it may be called again.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	close(l.stop)
	err := l.w.Flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Header is the one line written before a session's printable output.
func Header(at time.Time) string {
	return "=~=~=~=~=~=~=~=~=~=~=~= Tern log " + at.Format("2006.01.02 15:04:05") + " =~=~=~=~=~=~=~=~=~=~=~=\r\n"
}

// Raw is a raw log: both directions as timestamped hex and ASCII lines.
type Raw struct{ *File }

// Record writes p, which went in direction dir ("<" from the server, ">"
// to it).
func (r Raw) Record(dir string, p []byte) {
	now := time.Now().Format("15:04:05.000")
	var b strings.Builder
	for off := 0; off < len(p); off += 16 {
		row := p[off:min(off+16, len(p))]
		fmt.Fprintf(&b, "%s %s %08x  ", now, dir, off)
		for i := 0; i < 16; i++ {
			if i < len(row) {
				fmt.Fprintf(&b, "%02x ", row[i])
			} else {
				b.WriteString("   ")
			}
		}
		b.WriteString(" |")
		for _, c := range row {
			if c >= 0x20 && c < 0x7f {
				b.WriteByte(c)
			} else {
				b.WriteByte('.')
			}
		}
		b.WriteString("|\n")
	}
	_, _ = r.Write([]byte(b.String()))
}
