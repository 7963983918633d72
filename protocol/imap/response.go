package imap

import (
	"bytes"
	"strconv"
	"strings"
)

// Response is one IMAP response (RFC 9051 §7), literals included.
type Response struct {
	// Tag is "*" for an untagged response, "+" for a continuation request,
	// else the tag of the command it completes; "" for a line that is not
	// an IMAP response.
	Tag string
	// Status is OK, NO, BAD, PREAUTH or BYE for a status response, "" for
	// a data response.
	Status   string
	Code     string // the response code's name in brackets, upper case ("AUTHENTICATIONFAILED"); "" when none
	CodeArgs string // what follows the code's name inside the brackets
	// Num is the number of a numbered data response ("* 12 EXISTS"), -1
	// for others.
	Num int64
	// Kind is a data response's name, upper case: CAPABILITY, LIST,
	// STATUS, FLAGS, EXISTS, FETCH…; "" for status responses.
	Kind string
	// Text is the rest of the response: a status response's words for
	// people, a data response's arguments, a continuation's data. A literal
	// stays in it as its "{n}" marker; its bytes are in Literals.
	Text     string
	Literals [][]byte
	// Truncated says bytes were dropped (more than a response may keep).
	Truncated bool
}

// Tagged reports a tagged completion (OK, NO or BAD to a command).
func (r Response) Tagged() bool { return r.Tag != "" && r.Tag != "*" && r.Tag != "+" }

func (r Response) String() string {
	parts := []string{r.Tag}
	if r.Tag == "*" && r.Num >= 0 {
		parts = append(parts, strconv.FormatInt(r.Num, 10))
	}
	for _, s := range []string{r.Status, r.Kind} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if r.Code != "" {
		parts = append(parts, "["+strings.TrimSpace(r.Code+" "+r.CodeArgs)+"]")
	}
	if r.Text != "" {
		parts = append(parts, r.Text)
	}
	return strings.Join(parts, " ")
}

// Bounds against a hostile server: a line, a literal kept, and all the
// text and literals of one response. Bytes beyond them are read and dropped.
const (
	maxLine     = 64 << 10
	maxLiteral  = 64 << 10
	maxResponse = 1 << 20
)

// ResponseReader assembles responses from a byte stream cut anywhere,
// following literals across reads. The zero value is ready to use.
type ResponseReader struct {
	partial []byte
	text    []byte   // the response so far, literal markers included
	lits    [][]byte // its literals
	left    int64    // literal bytes still to come
	trunc   bool
}

// Reset forgets everything read.
func (rr *ResponseReader) Reset() { *rr = ResponseReader{} }

// Feed takes more of the server's output and returns the responses it
// completes, in order.
func (rr *ResponseReader) Feed(p []byte) []Response {
	var out []Response
	for len(p) > 0 {
		if rr.left > 0 {
			p = rr.literal(p)
			continue
		}
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			rr.partial = append(rr.partial, p...)
			if len(rr.partial) > maxLine { // a line without end: take it as is
				out = rr.line(rr.partial, out)
				rr.partial = rr.partial[:0]
			}
			return out
		}
		line := p[:i]
		if len(rr.partial) > 0 {
			rr.partial = append(rr.partial, line...)
			line = rr.partial
		}
		out = rr.line(bytes.TrimRight(line, "\r"), out)
		rr.partial = rr.partial[:0]
		p = p[i+1:]
	}
	return out
}

// literal takes literal bytes, keeping what the bounds allow.
func (rr *ResponseReader) literal(p []byte) []byte {
	k := int(min(rr.left, int64(len(p))))
	last := &rr.lits[len(rr.lits)-1]
	room := min(maxLiteral-len(*last), maxResponse-len(rr.text)-rr.litBytes())
	if room < k {
		rr.trunc = true
	}
	*last = append(*last, p[:max(0, min(k, room))]...)
	rr.left -= int64(k)
	return p[k:]
}

func (rr *ResponseReader) litBytes() int {
	n := 0
	for _, l := range rr.lits {
		n += len(l)
	}
	return n
}

func (rr *ResponseReader) line(l []byte, out []Response) []Response {
	if len(rr.text)+len(l) > maxResponse {
		l, rr.trunc = l[:max(0, maxResponse-len(rr.text))], true
	}
	rr.text = append(rr.text, l...)
	if n, ok := literalAtEnd(l); ok {
		rr.left = n
		rr.lits = append(rr.lits, []byte{}) // the response goes on after it
		return out
	}
	if len(rr.lits) == 0 && len(bytes.TrimSpace(rr.text)) == 0 {
		rr.text = rr.text[:0]
		return out
	}
	r := Parse(string(rr.text))
	r.Literals, r.Truncated = rr.lits, rr.trunc
	rr.text, rr.lits, rr.trunc = rr.text[:0], nil, false
	return append(out, r)
}

// literalAtEnd reads a line's closing "{n}" or "{n+}" (RFC 7888).
func literalAtEnd(l []byte) (int64, bool) {
	if !bytes.HasSuffix(l, []byte("}")) {
		return 0, false
	}
	i := bytes.LastIndexByte(l, '{')
	if i < 0 {
		return 0, false
	}
	digits := bytes.TrimSuffix(l[i+1:len(l)-1], []byte("+"))
	n, err := strconv.ParseInt(string(digits), 10, 64)
	if err != nil || n < 0 || len(digits) == 0 || digits[0] == '+' {
		return 0, false
	}
	return n, true
}

// Parse reads one response whose literals, if any, are left as markers.
func Parse(s string) Response {
	r := Response{Num: -1}
	tag, rest, _ := strings.Cut(s, " ")
	switch {
	case tag == "+":
		r.Tag, r.Text = "+", rest
		return r
	case tag == "" || !isAtom(tag):
		r.Text = s
		return r
	}
	r.Tag = tag
	word, rest, _ := strings.Cut(rest, " ")
	if tag == "*" {
		if n, err := strconv.ParseInt(word, 10, 64); err == nil && n >= 0 {
			r.Num = n
			word, rest, _ = strings.Cut(rest, " ")
		}
	}
	word = strings.ToUpper(word)
	switch word {
	case "OK", "NO", "BAD", "PREAUTH", "BYE":
		if r.Num < 0 {
			r.Status = word
			r.Code, r.CodeArgs, r.Text = splitCode(rest)
			return r
		}
	}
	if r.Tag != "*" || word == "" {
		return Response{Num: -1, Text: s} // a tagged line must carry a status
	}
	r.Kind, r.Text = word, rest
	return r
}

// splitCode reads "[CODE args] text" (RFC 9051 §7.1).
func splitCode(s string) (code, args, text string) {
	if !strings.HasPrefix(s, "[") {
		return "", "", s
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return "", "", s
	}
	code, args, _ = strings.Cut(s[1:end], " ")
	return strings.ToUpper(code), args, strings.TrimPrefix(s[end+1:], " ")
}

// isAtom: a tag is ASCII without specials (RFC 9051 §9, tag).
func isAtom(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`(){%"\]`, c) >= 0 {
			return false
		}
	}
	return true
}

// tagged reports whether data holds a complete tagged OK line for tag.
func tagged(data []byte, tag, status string) bool {
	prefix := []byte(tag + " " + status)
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if bytes.HasSuffix(line, []byte("\n")) && len(line) > len(prefix) && bytes.EqualFold(line[:len(prefix)], prefix) &&
			(line[len(prefix)] == ' ' || line[len(prefix)] == '\r' || line[len(prefix)] == '\n') {
			return true
		}
	}
	return false
}

// StartTLSReady returns the predicate for the session's ArmStartTLS after
// "tag STARTTLS": one read from the server holds the tagged OK, the
// go-ahead for the TLS handshake (RFC 9051 §6.2.1). Once it has seen the
// tagged NO or BAD it never says yes.
func StartTLSReady(tag string) func(data []byte) bool {
	refused := false
	return func(data []byte) bool {
		if tagged(data, tag, "OK") {
			return !refused
		}
		refused = refused || tagged(data, tag, "NO") || tagged(data, tag, "BAD")
		return false
	}
}
