package pop3

import (
	"bytes"
	"strings"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Status is the kind of a POP3 response line.
type Status int

// Statuses. The zero value, None, is a line that is not a POP3 response.
const (
	None     Status = iota
	OK              // +OK
	Err             // -ERR
	Continue        // "+ " : the server waits for the next SASL step (RFC 5034)
)

func (s Status) String() string {
	return [...]string{"", "+OK", "-ERR", "+"}[s]
}

// Reply is one POP3 response: a status line and, for a multi-line
// response, its body lines (dot-unstuffed, without the final ".").
type Reply struct {
	Status Status
	Code   string   // the response code in brackets (RFC 2449 §8), e.g. "AUTH", "SYS/TEMP"; "" when none
	Text   string   // the status line's text after the code
	Lines  []string // body lines of a multi-line response, nil otherwise
	// More counts the body lines not kept: past maxLines lines or
	// maxBytes bytes a response keeps only the count.
	More int
	// Unterminated says the server never sent the final "." of this
	// multi-line response: a timeout or the next command ended it.
	Unterminated bool
}

// OK reports a +OK response.
func (r Reply) OK() bool { return r.Status == OK }

func (r Reply) String() string {
	s := r.Status.String()
	if r.Code != "" {
		s += " [" + r.Code + "]"
	}
	if r.Text != "" {
		if s != "" {
			s += " "
		}
		s += r.Text
	}
	if n := len(r.Lines) + r.More; n > 0 {
		s += " (" + plural(n, "line") + ")"
	}
	return s
}

// maxLine bounds a line (RFC 2449 allows 512 octets; servers send more);
// maxLines and maxBytes what one multi-line response keeps (the rest is
// counted): a server that never sends the final "." cannot make Tern keep
// it all.
const (
	maxLine  = 8192
	maxLines = 10000
	maxBytes = 1 << 20
)

// ReplyReader assembles responses from a byte stream cut anywhere. A
// status line is single-line unless Expect said the outstanding command
// answers with a multi-line response (CAPA, LIST, UIDL, TOP, RETR).
// The zero value reads single-line responses.
type ReplyReader struct {
	lines exchange.Lines
	multi bool   // the next +OK starts a multi-line response
	body  *Reply // the multi-line response being read
	kept  exchange.Kept
}

// Expect says how the response to the command about to be sent ends: with
// multi, a +OK is followed by lines up to a ".". It holds for one response.
func (rr *ReplyReader) Expect(multi bool) { rr.multi = multi }

// EndBody ends a multi-line response the server never finished: it is
// returned marked Unterminated, and what follows is read as responses
// again. ok is false when no multi-line response was open.
func (rr *ReplyReader) EndBody() (r Reply, ok bool) {
	if rr.body == nil {
		return Reply{}, false
	}
	r, rr.body = *rr.body, nil
	r.Unterminated = true
	return r, true
}

// Reset forgets everything read.
func (rr *ReplyReader) Reset() { *rr = ReplyReader{} }

// Feed takes more of the server's output and returns the responses it
// completes, in order.
func (rr *ReplyReader) Feed(p []byte) []Reply {
	var out []Reply
	rr.lines.Max = maxLine
	rr.lines.Feed(p, func(l []byte) { out = rr.line(string(l), out) })
	return out
}

func (rr *ReplyReader) line(s string, out []Reply) []Reply {
	if rr.body != nil {
		return rr.bodyLine(s, out)
	}
	r := ParseStatus(s)
	if r.Status == None && strings.TrimSpace(s) == "" {
		return out
	}
	if r.Status == OK && rr.multi {
		rr.multi = false
		r.Lines = []string{}
		rr.body, rr.kept = &r, exchange.Kept{MaxLines: maxLines, MaxBytes: maxBytes}
		return out
	}
	if r.Status != None {
		rr.multi = false
	}
	return append(out, r)
}

// bodyLine takes one line of a multi-line response (RFC 1939 §3).
func (rr *ReplyReader) bodyLine(s string, out []Reply) []Reply {
	if s == "." {
		done := *rr.body
		rr.body = nil
		return append(out, done)
	}
	s = strings.TrimPrefix(s, ".") // byte-stuffed: ".." stands for "."
	rr.kept.Add(&rr.body.Lines, &rr.body.More, s)
	return out
}

// ParseStatus reads one status line: "+OK text", "-ERR [CODE] text", or a
// SASL continuation "+ data". Anything else has Status None and the whole
// line as Text.
func ParseStatus(s string) Reply {
	var r Reply
	switch {
	case hasPrefixFold(s, "+OK") && (len(s) == 3 || s[3] == ' '):
		r.Status, s = OK, s[3:]
	case hasPrefixFold(s, "-ERR") && (len(s) == 4 || s[4] == ' '):
		r.Status, s = Err, s[4:]
	case s == "+" || strings.HasPrefix(s, "+ "):
		return Reply{Status: Continue, Text: strings.TrimPrefix(strings.TrimPrefix(s, "+"), " ")}
	default:
		return Reply{Text: s}
	}
	s = strings.TrimPrefix(s, " ")
	if strings.HasPrefix(s, "[") {
		if end := strings.IndexByte(s, ']'); end > 0 {
			r.Code, s = strings.ToUpper(s[1:end]), strings.TrimPrefix(s[end+1:], " ")
		}
	}
	r.Text = s
	return r
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// StartTLSReady reports whether data, one read from the server after
// STLS, holds a complete +OK line: the go-ahead for the TLS handshake
// (RFC 2595 §4). It is the predicate for the session's ArmStartTLS.
func StartTLSReady(data []byte) bool {
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if bytes.HasSuffix(line, []byte("\n")) && ParseStatus(string(bytes.TrimRight(line, "\r\n"))).Status == OK {
			return true
		}
	}
	return false
}
