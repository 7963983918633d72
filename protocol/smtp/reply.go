package smtp

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Reply is one SMTP reply, possibly of several lines.
type Reply struct {
	Code     int      // 0 for a line that is not an SMTP reply
	Enhanced string   // RFC 3463 code such as "5.7.1", or ""
	Lines    []string // the text of each line after the code (and enhanced code)
	// More counts the lines not kept: a reply keeps maxLines lines and
	// maxBytes bytes of text, and only counts the rest.
	More int
}

// Text is the reply's text, lines joined with spaces.
func (r Reply) Text() string { return strings.Join(r.Lines, " ") }

// Positive reports a 2xx or 3xx reply.
func (r Reply) Positive() bool { return r.Code >= 200 && r.Code < 400 }

func (r Reply) String() string {
	if r.Code == 0 {
		return r.Text()
	}
	s := strconv.Itoa(r.Code)
	if r.Enhanced != "" {
		s += " " + r.Enhanced
	}
	return s + " " + r.Text()
}

// maxLines and maxBytes bound what one multi-line reply keeps: a server
// that sends "250-" forever cannot make Tern keep it all (a line is bounded
// by exchange.Lines: 8192 bytes; RFC 5321 allows 512, servers send more).
const (
	maxLines = 1000
	maxBytes = 256 << 10
)

var enhancedRe = regexp.MustCompile(`^([245])\.(\d{1,3})\.(\d{1,3})\b`)

// ReplyReader assembles replies from a byte stream cut anywhere.
type ReplyReader struct {
	lines exchange.Lines
	cur   *Reply
	kept  exchange.Kept
}

// Feed takes more of the server's output and returns the replies it
// completes, in order.
func (rr *ReplyReader) Feed(p []byte) []Reply {
	var out []Reply
	rr.lines.Feed(p, func(l []byte) { out = rr.line(l, out) })
	return out
}

// Reset forgets everything read.
func (rr *ReplyReader) Reset() { *rr = ReplyReader{} }

func (rr *ReplyReader) line(l []byte, out []Reply) []Reply {
	s := string(l)
	code, more, text, ok := splitLine(s)
	if !ok {
		if strings.TrimSpace(s) == "" {
			return out
		}
		rr.cur = nil
		return append(out, Reply{Lines: []string{s}})
	}
	if rr.cur == nil || rr.cur.Code != code {
		rr.cur, rr.kept = &Reply{Code: code}, exchange.Kept{MaxLines: maxLines, MaxBytes: maxBytes}
	}
	if m := enhancedRe.FindString(text); m != "" && string(m[0]) == strconv.Itoa(code/100) {
		if rr.cur.Enhanced == "" {
			rr.cur.Enhanced = m
		}
		text = strings.TrimSpace(text[len(m):])
	}
	rr.kept.Add(&rr.cur.Lines, &rr.cur.More, text)
	if more {
		return out
	}
	done := *rr.cur
	rr.cur = nil
	return append(out, done)
}

// splitLine reads "250-text" (more follows) or "250 text" (last line).
func splitLine(s string) (code int, more bool, text string, ok bool) {
	if len(s) < 3 {
		return 0, false, "", false
	}
	n, err := strconv.Atoi(s[:3])
	if err != nil || n < 200 || n > 599 {
		return 0, false, "", false
	}
	switch {
	case len(s) == 3:
		return n, false, "", true
	case s[3] == '-':
		return n, true, s[4:], true
	case s[3] == ' ':
		return n, false, s[4:], true
	}
	return 0, false, "", false
}

// StartTLSReady reports whether data, one read from the server after
// STARTTLS, holds the last line of a 220 reply: the go-ahead for the TLS
// handshake (RFC 3207 §4). It is the predicate for the session's
// ArmStartTLS.
func StartTLSReady(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("220 ")) || bytes.Equal(bytes.TrimRight(line, "\r"), []byte("220")) {
			return true
		}
	}
	return false
}

// startTLSGate is StartTLSReady for one STARTTLS: a line split over two
// reads counts once whole (up to 1 KB kept), and once the server has
// answered with anything but 220, no later read starts the handshake.
func startTLSGate() func(data []byte) bool {
	refused := false
	var partial []byte
	return func(data []byte) bool {
		if refused {
			return false
		}
		buf := append(partial, data...)
		partial = nil
		for _, line := range bytes.SplitAfter(buf, []byte("\n")) {
			if !bytes.HasSuffix(line, []byte("\n")) {
				if len(line) <= 1024 {
					partial = append([]byte(nil), line...)
				}
				break
			}
			code, more, _, ok := splitLine(string(bytes.TrimRight(line, "\r\n")))
			switch {
			case !ok || more:
			case code == 220:
				return true
			default:
				refused = true
				return false
			}
		}
		return false
	}
}
