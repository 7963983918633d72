package protocol

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// Log says where and how to log a session.
type Log struct {
	// Path is the file name; PuTTY's placeholders are replaced: &H host,
	// &P port, &Y year, &M month, &D day, &T time (HHMMSS), && a literal
	// &, and KiTTY's &S session name (the host when there is none).
	Path string
	// Append adds to an existing file instead of replacing it.
	Append bool
}

// LogNameFields are what a log file name's placeholders stand for.
type LogNameFields struct {
	Host, Port string
	Session    string // the saved session's name; "" means the host
	At         time.Time
}

// ExpandLogName replaces the placeholders in a log file name. A session
// name cannot add folders: its path separators become "_".
func ExpandLogName(name string, f LogNameFields) string {
	host, port, at := f.Host, f.Port, f.At
	session := strings.NewReplacer("/", "_", "\\", "_").Replace(cmp.Or(f.Session, f.Host))
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		if name[i] != '&' || i+1 == len(name) {
			b.WriteByte(name[i])
			continue
		}
		i++
		switch name[i] {
		case 'H', 'h':
			b.WriteString(host)
		case 'P', 'p':
			b.WriteString(port)
		case 'S', 's':
			b.WriteString(session)
		case 'Y', 'y':
			b.WriteString(at.Format("2006"))
		case 'M', 'm':
			b.WriteString(at.Format("01"))
		case 'D', 'd':
			b.WriteString(at.Format("02"))
		case 'T', 't':
			b.WriteString(at.Format("150405"))
		case '&':
			b.WriteByte('&')
		default:
			b.WriteByte('&')
			b.WriteByte(name[i])
		}
	}
	return b.String()
}

// logFile is a buffered log that is flushed at least every second and on
// Close, so no received byte is missing after the session ends.
type logFile struct {
	mu     sync.Mutex
	f      *os.File
	w      *bufio.Writer
	stop   chan struct{}
	closed bool
}

func openLog(path string, appendTo bool) (*logFile, error) {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return nil, err
	}
	l := &logFile{f: f, w: bufio.NewWriterSize(f, 64<<10), stop: make(chan struct{})}
	go l.flushEvery(time.Second)
	return l, nil
}

func (l *logFile) flushEvery(d time.Duration) {
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

func (l *logFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return 0, os.ErrClosed
	}
	return l.w.Write(p)
}

// Flush writes buffered bytes to the file.
func (l *logFile) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		_ = l.w.Flush()
	}
}

func (l *logFile) Close() error {
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

// sessionLogHeader is the one line written before the printable output.
func sessionLogHeader(at time.Time) string {
	return "=~=~=~=~=~=~=~=~=~=~=~= Tern log " + at.Format("2006.01.02 15:04:05") + " =~=~=~=~=~=~=~=~=~=~=~=\r\n"
}

// rawLogger writes both directions as timestamped hex and ASCII lines.
type rawLogger struct{ *logFile }

func (r rawLogger) record(dir string, p []byte) {
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
