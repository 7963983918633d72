package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/web"
)

// brief is a Response in one line, for comparing.
func brief(r web.Response) string {
	s := fmt.Sprintf("%d %s", r.Status, r.Reason)
	switch {
	case r.NoBody:
		s += " nobody"
	case r.Chunked:
		s += fmt.Sprintf(" chunked %d/%d", r.Chunks, r.BodyBytes)
	case r.ContentLength >= 0:
		s += fmt.Sprintf(" length %d/%d", r.ContentLength, r.BodyBytes)
	case r.UntilClose:
		s += fmt.Sprintf(" close %d", r.BodyBytes)
	default:
		s += fmt.Sprintf(" junk %d", r.BodyBytes)
	}
	if !r.Complete {
		s += " CUT"
	}
	if len(r.Problems) > 0 || r.Dropped > 0 {
		s += fmt.Sprintf(" problems %d dropped %d", len(r.Problems), r.Dropped)
	}
	return s
}

// readAll feeds in pieces cut at the given size (0: all at once), then
// ends the stream.
func readAll(method, in string, cut int) []string {
	rr := web.ResponseReader{Method: method}
	var got []web.Response
	for p := []byte(in); len(p) > 0; {
		n := len(p)
		if cut > 0 {
			n = min(cut, n)
		}
		got = append(got, rr.Feed(p[:n])...)
		p = p[n:]
	}
	got = append(got, rr.End()...)
	out := make([]string, len(got))
	for i, r := range got {
		out[i] = brief(r)
	}
	return out
}

var responseTests = []struct {
	name, method, in string
	want             []string
}{
	{"RFC 9112 6.3 Content-Length", "", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", []string{"200 OK length 5/5"}},
	{"two responses pipelined", "", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", []string{"200 OK length 2/2", "404 Not Found length 0/0"}},
	{"RFC 9112 7.1 chunked with extension and trailer", "", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\n", []string{"200 OK chunked 2/15"}},
	{"RFC 9112 6.3 chunked wins over Content-Length", "", "HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n", []string{"200 OK chunked 1/1 problems 1 dropped 0"}},
	{"RFC 9112 6.3 rule 8: until close", "", "HTTP/1.0 200 OK\r\n\r\nsome body", []string{"200 OK close 9"}},
	{"cut short", "", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", []string{"200 OK length 10/3 CUT problems 1 dropped 0"}},
	{"chunked cut short", "", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", []string{"200 OK chunked 1/3 CUT problems 1 dropped 0"}},
	{"RFC 9110 9.3.2 HEAD has no body", "HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", []string{"200 OK nobody", "200 OK nobody"}},
	{"RFC 9110 15.3.5 204 and 15.4.5 304 have no body", "", "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 7\r\n\r\n", []string{"204 No Content nobody", "304 Not Modified nobody"}},
	{"RFC 9110 15.2 interim 100 then final", "", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", []string{"100 Continue nobody", "201 Created length 0/0"}},
	{"101 then not HTTP", "", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x05hello", []string{"101 Switching Protocols nobody", "0 after 101 Switching Protocols junk 7 CUT"}},
	{"not HTTP: an SMTP banner", "", "220 mail.example.test ESMTP\r\n", []string{"0 220 mail.example.test ESMTP junk 0 CUT problems 1 dropped 0"}},
	{"not HTTP, no line end", "", "SSH-2.0-OpenSSH", []string{"0 SSH-2.0-OpenSSH junk 0 CUT problems 1 dropped 0"}},
	{"closed in the headers", "", "HTTP/1.1 200 OK\r\nServer: x\r\n", []string{"200 OK junk 0 CUT problems 1 dropped 0"}},
	{"bare LF line ends, empty line before", "", "\nHTTP/1.1 200 OK\nContent-Length: 1\n\nx", []string{"200 OK length 1/1"}},
	{"differing Content-Length", "", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", []string{"200 OK close 4 problems 1 dropped 0"}},
	{"equal Content-Length repeated", "", "HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc", []string{"200 OK length 3/3"}},
	{"malformed header and fold", "", "HTTP/1.1 200 OK\r\nno colon here\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n", []string{"200 OK length 0/0 problems 2 dropped 1"}},
	// edge cases at the limits (what fuzzing finds goes here too)
	{"chunk size overflow", "", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n", []string{"200 OK chunked 0/0 problems 1 dropped 0"}},
	{"Content-Length +5", "", "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nabcde", []string{"200 OK close 5 problems 1 dropped 0"}},
	{"empty Content-Length", "", "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\nab", []string{"200 OK close 2"}},
}

func TestResponseReader(t *testing.T) {
	for _, tc := range responseTests {
		t.Run(tc.name, func(t *testing.T) {
			want := readAll(tc.method, tc.in, 0)
			if !slices.Equal(want, tc.want) {
				t.Fatalf("got %q\nwant %q", want, tc.want)
			}
			for cut := 1; cut < len(tc.in); cut++ { // every split point gives the same
				if got := readAll(tc.method, tc.in, cut); !slices.Equal(got, want) {
					t.Fatalf("cut every %d: got %q, want %q", cut, got, want)
				}
			}
		})
	}
}

func TestResponseHeadersAndPreview(t *testing.T) {
	var rr web.ResponseReader
	got := rr.Feed([]byte("HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nvary: a, b\r\nVary: c\r\nContent-Length: 3\r\n\r\nabc"))
	if len(got) != 1 || got[0].Header("location") != "/new" || !slices.Equal(got[0].Values("Vary"), []string{"a", "b", "c"}) || string(got[0].Preview) != "abc" {
		t.Fatalf("%+v", got)
	}
}

// TestHostileServerIsBounded: endless headers, an endless line and a huge
// body leave the reader small.
func TestHostileServerIsBounded(t *testing.T) {
	var rr web.ResponseReader
	rr.Feed([]byte("HTTP/1.1 200 OK\r\n"))
	for i := 0; i < 1500; i++ {
		rr.Feed([]byte(fmt.Sprintf("X-%d: %s\r\n", i, strings.Repeat("v", 100))))
	}
	rr.Feed([]byte("X-Long: "))
	for i := 0; i < 1000; i++ {
		rr.Feed([]byte(strings.Repeat("w", 1000)))
	}
	rr.Feed([]byte("\r\n\r\n"))
	chunk := []byte(strings.Repeat("b", 64*1024))
	for i := 0; i < 100; i++ {
		rr.Feed(chunk)
	}
	got := rr.End()
	if len(got) != 1 {
		t.Fatalf("%d responses", len(got))
	}
	r := got[0]
	if len(r.Headers) != 100 || r.Dropped != 1401 || len(r.Preview) != 1024 || r.BodyBytes != 100*64*1024 || !r.UntilClose {
		t.Fatalf("headers %d dropped %d preview %d body %d", len(r.Headers), r.Dropped, len(r.Preview), r.BodyBytes)
	}
}

// TestEndlessFoldedHeaderEnds: a field folded over lines forever is kept
// to maxLine bytes, and the head ends, cut short with a problem that says
// why, once it passes 256 KiB; what follows is ignored (RFC 9112 §5.2
// folding; issue 24 item 3).
func TestEndlessFoldedHeaderEnds(t *testing.T) {
	var rr web.ResponseReader
	got := rr.Feed([]byte("HTTP/1.1 200 OK\r\nX-Fold: start\r\n"))
	fold := []byte(" " + strings.Repeat("f", 1000) + "\r\n")
	for i := 0; i < 4000 && len(got) == 0; i++ { // 4 MB of folds
		got = rr.Feed(fold)
	}
	if len(got) != 1 {
		t.Fatalf("the head never ended: %d responses", len(got))
	}
	r := got[0]
	if r.Complete || len(r.Header("X-Fold")) > 8192 || !strings.Contains(strings.Join(r.Problems, "\n"), "header section went on for more than 256 KiB") {
		t.Fatalf("complete %v, value %d bytes, problems %q", r.Complete, len(r.Header("X-Fold")), r.Problems)
	}
	if more := append(rr.Feed(fold), rr.End()...); len(more) != 0 {
		t.Fatalf("after the cut: %d responses", len(more))
	}
}

func FuzzResponseReader(f *testing.F) {
	for _, tc := range responseTests {
		f.Add(tc.in, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in string, cut uint8) {
		whole := readAll("", in, 0)
		if got := readAll("", in, int(cut%16)+1); !slices.Equal(got, whole) {
			t.Fatalf("split %d: %q, whole: %q", cut%16+1, got, whole)
		}
		var rr web.ResponseReader
		for _, r := range append(rr.Feed([]byte(in)), rr.End()...) {
			if len(r.Headers) > 100 || len(r.Preview) > 1024 || len(r.Problems) > 10 || r.BodyBytes > int64(len(in)) {
				t.Fatalf("unbounded: %+v", r)
			}
			for _, h := range r.Headers {
				if len(h.Name)+len(h.Value) > 8192 {
					t.Fatalf("long header %d", len(h.Value))
				}
			}
		}
	})
}
