package web

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Response is one HTTP response as read from the server. Only the head
// and the first bytes of the body are kept; the rest is counted.
type Response struct {
	Proto  string // "HTTP/1.1"; "" when the server did not speak HTTP
	Status int    // 0 when the first line was not a status line
	Reason string // the reason phrase, or the first line when not HTTP
	// Headers are the header fields in order, at most maxHeaders of
	// maxLine bytes; Dropped counts those left out.
	Headers []Header
	Dropped int
	// ContentLength is the declared body length, -1 when none was sent
	// (or the body is chunked).
	ContentLength int64
	Chunked       bool  // Transfer-Encoding: chunked (RFC 9112 §7.1)
	Chunks        int   // data chunks received
	BodyBytes     int64 // body bytes received (chunk data only, when chunked)
	Preview       []byte
	Trailers      []Header
	// NoBody: a response to HEAD, a 1xx, 204 or 304 has no body whatever
	// its headers say (RFC 9110 §6.4.1).
	NoBody bool
	// Complete: the body ended where its framing says, or the connection
	// closed a body delimited by closing; false for a body cut short.
	Complete bool
	// UntilClose: no length and no chunking, so the body ran until the
	// server closed the connection (RFC 9112 §6.3, rule 8).
	UntilClose bool
	Problems   []string // framing faults in words, at most maxProblems
}

// The bounds that keep a hostile server from bloating the reader.
const (
	maxLine     = 8192
	maxHeaders  = 100
	maxPreview  = 1024
	maxProblems = 10
	// maxHead and maxHeadLines bound a head (status line, fields, folded
	// continuation lines; trailers likewise): past either, the response
	// is handed on cut short and the rest of the connection is ignored.
	maxHead      = 256 << 10
	maxHeadLines = 2000
)

// Header returns the first value of the named header field, or "".
func (r Response) Header(name string) string {
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// Values returns every value of the named field, comma lists split.
func (r Response) Values(name string) []string {
	var out []string
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, name) {
			for _, v := range strings.Split(h.Value, ",") {
				if v = strings.TrimSpace(v); v != "" {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// Interim reports a 1xx response, which a final one follows.
func (r Response) Interim() bool { return r.Status >= 100 && r.Status < 200 }

func (r *Response) problem(format string, args ...any) {
	if len(r.Problems) < maxProblems {
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	}
}

type state int

const (
	stStatus     state = iota // waiting for the status line
	stHeader                  // reading header fields
	stBody                    // a Content-Length body
	stChunkSize               // a chunk-size line
	stChunkData               // chunk data
	stChunkEnd                // the CR LF after chunk data
	stTrailer                 // trailer fields after the last chunk
	stUntilClose              // a body delimited by the connection closing
	stJunk                    // not HTTP: everything is counted until close
	stIgnore                  // after a head too long: everything is ignored
)

// ResponseReader assembles responses from a byte stream cut anywhere. Its
// memory is bounded whatever the server sends. The zero value expects the
// response to a GET.
type ResponseReader struct {
	// Method is the method of the request answered, which decides whether
	// a body follows (HEAD: never). "" means GET.
	Method string

	st      state
	partial []byte
	long    bool // the line being read passed maxLine; the rest is dropped
	cur     *Response
	remain  int64
	// head and headLines measure the head (or trailer) being read;
	// folded and foldCut: its problems with folding were said once.
	head, headLines int
	folded, foldCut bool
}

// Feed takes more of the server's output and returns the responses it
// completes, in order (1xx interim responses included).
func (rr *ResponseReader) Feed(p []byte) []Response {
	var out []Response
	for len(p) > 0 {
		switch rr.st {
		case stBody, stChunkData:
			p = rr.body(p, &out)
		case stUntilClose, stJunk:
			rr.count(p)
			return out
		case stIgnore:
			return out
		default:
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				rr.keep(p)
				return out
			}
			rr.keep(p[:i])
			p = p[i+1:]
			line := string(bytes.TrimSuffix(rr.partial, []byte("\r")))
			long := rr.long
			rr.partial, rr.long = rr.partial[:0], false
			rr.line(line, long, &out)
		}
	}
	return out
}

// End says the connection closed; it returns the response in progress,
// marked complete when its body was delimited by the close.
func (rr *ResponseReader) End() []Response {
	var out []Response
	switch {
	case rr.cur == nil && len(bytes.TrimSpace(rr.partial)) > 0:
		rr.notHTTP(string(rr.partial))
		out = append(out, *rr.cur)
	case rr.cur == nil:
	case rr.st == stUntilClose:
		rr.cur.Complete = true
		out = append(out, *rr.cur)
	case rr.st == stJunk:
		out = append(out, *rr.cur)
	case rr.st == stHeader:
		rr.cur.problem("the connection closed in the middle of the headers")
		out = append(out, *rr.cur)
	default:
		rr.cur.problem("the connection closed before the body ended")
		out = append(out, *rr.cur)
	}
	*rr = ResponseReader{Method: rr.Method}
	return out
}

func (rr *ResponseReader) keep(p []byte) {
	room := maxLine - len(rr.partial)
	if len(p) > room {
		p, rr.long = p[:room], true
	}
	rr.partial = append(rr.partial, p...)
}

func (rr *ResponseReader) count(p []byte) {
	rr.cur.BodyBytes += int64(len(p))
	if room := maxPreview - len(rr.cur.Preview); room > 0 {
		rr.cur.Preview = append(rr.cur.Preview, p[:min(len(p), room)]...)
	}
}

// body takes Content-Length or chunk data.
func (rr *ResponseReader) body(p []byte, out *[]Response) []byte {
	n := int(min(int64(len(p)), rr.remain))
	rr.count(p[:n])
	rr.remain -= int64(n)
	if rr.remain == 0 {
		if rr.st == stBody {
			rr.done(out)
		} else {
			rr.st = stChunkEnd
		}
	}
	return p[n:]
}

func (rr *ResponseReader) line(l string, long bool, out *[]Response) {
	switch rr.st {
	case stStatus:
		rr.statusLine(l, long, out)
	case stHeader:
		if l == "" {
			rr.endHead(out)
			return
		}
		if rr.headTooLong(l, out) {
			return
		}
		rr.field(l, long, &rr.cur.Headers)
	case stChunkSize:
		rr.chunkSize(l, long, out)
	case stChunkEnd:
		if l != "" {
			rr.cur.problem("chunk data longer than its size line said")
		}
		rr.st = stChunkSize
	case stTrailer:
		if l == "" {
			rr.done(out)
			return
		}
		if rr.headTooLong(l, out) {
			return
		}
		rr.field(l, long, &rr.cur.Trailers)
	}
}

func (rr *ResponseReader) statusLine(l string, long bool, out *[]Response) {
	if l == "" && !long {
		return // RFC 9112 §2.2: empty lines before a message are ignored
	}
	proto, rest, _ := strings.Cut(l, " ")
	code, reason, _ := strings.Cut(rest, " ")
	status, err := strconv.Atoi(code)
	if long || !strings.HasPrefix(proto, "HTTP/") || len(code) != 3 || err != nil || status < 100 {
		rr.notHTTP(l)
		return
	}
	rr.cur = &Response{Proto: proto, Status: status, Reason: reason, ContentLength: -1}
	rr.st, rr.head, rr.headLines, rr.folded, rr.foldCut = stHeader, 0, 0, false, false
}

// headTooLong counts line l into the head and, once the head passes
// maxHead bytes or maxHeadLines lines, hands the response on cut short
// and ignores the rest of the connection: a head that never ends (say a
// field folded forever) costs no more than that.
func (rr *ResponseReader) headTooLong(l string, out *[]Response) bool {
	rr.head += len(l) + 2
	rr.headLines++
	if rr.head <= maxHead && rr.headLines <= maxHeadLines {
		return false
	}
	rr.cur.problem("the header section went on for more than %d KiB or %d lines without ending; Tern stopped reading this connection", maxHead>>10, maxHeadLines)
	*out = append(*out, *rr.cur)
	rr.cur, rr.st = nil, stIgnore
	return true
}

// notHTTP starts a Response for a server that does not speak HTTP.
func (rr *ResponseReader) notHTTP(first string) {
	if len(first) > 200 {
		first = first[:200] + "..."
	}
	rr.cur = &Response{Reason: first, ContentLength: -1}
	rr.cur.problem("the first line is not an HTTP status line (\"HTTP/1.1 200 OK\"): the service on this port may not speak HTTP, or speaks TLS")
	rr.st = stJunk
}

func (rr *ResponseReader) field(l string, long bool, to *[]Header) {
	r := rr.cur
	if long || len(*to) >= maxHeaders {
		r.Dropped++
		return
	}
	if l[0] == ' ' || l[0] == '\t' { // obsolete line folding, RFC 9112 §5.2
		rr.fold(l, to)
		return
	}
	name, value, ok := strings.Cut(l, ":")
	if !ok || !isToken(name) {
		r.problem("a header line is malformed: %.60q", l)
		r.Dropped++
		return
	}
	*to = append(*to, Header{Name: name, Value: strings.TrimSpace(value)})
}

// fold adds a continuation line to the field before it, which stays
// within maxLine bytes (name and value); what does not fit is dropped.
func (rr *ResponseReader) fold(l string, to *[]Header) {
	if !rr.folded {
		rr.folded = true
		rr.cur.problem("a header field is folded over lines (obsolete, RFC 9112 §5.2)")
	}
	n := len(*to)
	if n == 0 {
		return
	}
	h := &(*to)[n-1]
	room := maxLine - len(h.Name) - len(h.Value) - 1
	more := strings.TrimSpace(l)
	if len(more) > room {
		more = more[:max(room, 0)]
		if !rr.foldCut {
			rr.foldCut = true
			rr.cur.problem("a folded header field is longer than %d bytes; the rest of it is not kept", maxLine)
		}
	}
	if more != "" {
		h.Value += " " + more
	}
}

// endHead decides how the body is framed, as RFC 9112 §6.3 orders it.
func (rr *ResponseReader) endHead(out *[]Response) {
	r := rr.cur
	te := r.Values("Transfer-Encoding")
	switch {
	case strings.EqualFold(rr.Method, "HEAD") || r.Interim() || r.Status == 204 || r.Status == 304:
		r.NoBody = true
		rr.done(out)
		if r.Status == 101 {
			rr.cur, rr.st = &Response{Reason: "after 101 Switching Protocols", ContentLength: -1}, stJunk
		}
	case len(te) > 0:
		if len(r.Values("Content-Length")) > 0 {
			r.problem("both Transfer-Encoding and Content-Length are sent; Content-Length is ignored (RFC 9112 §6.3)")
		}
		if strings.EqualFold(te[len(te)-1], "chunked") {
			r.Chunked, rr.st = true, stChunkSize
			return
		}
		r.UntilClose, rr.st = true, stUntilClose
	default:
		rr.contentLength(out)
	}
}

func (rr *ResponseReader) contentLength(out *[]Response) {
	r := rr.cur
	values := r.Values("Content-Length")
	if len(values) == 0 {
		r.UntilClose, rr.st = true, stUntilClose
		return
	}
	n, err := strconv.ParseInt(values[0], 10, 64)
	for _, v := range values[1:] {
		if v != values[0] {
			err = fmt.Errorf("differing values")
		}
	}
	if err != nil || n < 0 || values[0][0] == '+' {
		r.problem("Content-Length %q is not one valid length; the body is read until the connection closes", strings.Join(values, ", "))
		r.UntilClose, rr.st = true, stUntilClose
		return
	}
	r.ContentLength = n
	if n == 0 {
		rr.done(out)
		return
	}
	rr.remain, rr.st = n, stBody
}

func (rr *ResponseReader) chunkSize(l string, long bool, out *[]Response) {
	size, _, _ := strings.Cut(l, ";") // chunk extensions are ignored
	size = strings.TrimSpace(size)
	n, err := strconv.ParseUint(size, 16, 62)
	if long || err != nil || size == "" {
		rr.cur.problem("a chunk size line is malformed: %.40q; the rest is counted until the connection closes", l)
		rr.st = stUntilClose
		return
	}
	if n == 0 {
		rr.st, rr.head, rr.headLines = stTrailer, 0, 0
		return
	}
	rr.cur.Chunks++
	rr.remain, rr.st = int64(n), stChunkData
}

// done hands the response on and waits for the next.
func (rr *ResponseReader) done(out *[]Response) {
	rr.cur.Complete = true
	*out = append(*out, *rr.cur)
	rr.cur, rr.st = nil, stStatus
}
