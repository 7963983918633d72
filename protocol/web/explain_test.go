package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/web"
)

func parse(t *testing.T, method, in string) web.Response {
	t.Helper()
	rr := web.ResponseReader{Method: method}
	got := append(rr.Feed([]byte(in)), rr.End()...)
	if len(got) == 0 {
		t.Fatalf("no response in %q", in)
	}
	return got[len(got)-1]
}

func TestExplain(t *testing.T) {
	req := web.Request{Path: "/old/page", Host: "www.example.test"}
	tests := []struct {
		name   string
		method string
		https  bool
		in     string
		want   []string // findings that must be present, in this order
	}{
		{name: "200 with length, server version", in: "HTTP/1.1 200 OK\r\nServer: nginx/1.25.3\r\nContent-Length: 2\r\n\r\nhi", want: []string{
			"Status 200 OK: success; the content follows.",
			"Body: Content-Length says 2 bytes, and 2 bytes arrived.",
			"Connection: stays open for further requests (HTTP/1.1 persistent connection).",
			"Server: nginx/1.25.3 (it names its version, which many sites hide)."}},
		{name: "301 to HTTPS", in: "HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.example.test/old/page\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", want: []string{
			"Status 301 Moved Permanently: a permanent redirect to https://www.example.test/old/page (from HTTP to HTTPS); browsers and search engines remember it.",
			"Body: Content-Length says 0 bytes, and 0 bytes arrived.",
			"Connection: close: the server ends the connection after this response.",
			"Server: the software is not named (no Server header)."}},
		{name: "302 relative", in: "HTTP/1.1 302 Found\r\nLocation: ../new\r\nContent-Length: 0\r\n\r\n", want: []string{"Status 302 Found: a temporary redirect to http://www.example.test/new."}},
		{name: "redirect loop", in: "HTTP/1.1 307 Temporary Redirect\r\nLocation: /old/page\r\nContent-Length: 0\r\n\r\n", want: []string{"Status 307 Temporary Redirect: a temporary redirect to http://www.example.test/old/page (the same URL: a redirect loop), keeping the method and body."}},
		{name: "redirect without Location", in: "HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n", want: []string{"Status 302 Found: a temporary redirect to nowhere: the Location header is missing."}},
		{name: "404 chunked", in: "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nno!\r\n0\r\n\r\n", want: []string{
			"Status 404 Not Found: nothing at this path on this host; check the path, and the Host header (one server often serves several sites by name).",
			"Body: sent chunked (Transfer-Encoding: chunked, so no Content-Length): 3 bytes in 1 chunks."}},
		{name: "405 names Allow", in: "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n\r\n", want: []string{"Status 405 Method Not Allowed: this path allows GET, HEAD."}},
		{name: "401 without WWW-Authenticate", in: "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", want: []string{"Status 401 Unauthorized: a login is needed (not said: no WWW-Authenticate header)."}},
		{name: "unknown code in a class", in: "HTTP/1.1 599 Odd\r\nContent-Length: 0\r\n\r\n", want: []string{"Status 599 Odd: the server failed (a server error)."}},
		{name: "cut short", in: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", want: []string{
			"Body: Content-Length says 10 bytes, but only 3 bytes arrived: the body was cut short.",
			"Problem: the connection closed before the body ended."}},
		{name: "until close, HTTP/1.0", in: "HTTP/1.0 200 OK\r\n\r\nabc", want: []string{
			"Body: no Content-Length and no chunking, so it ran until the server closed the connection: 3 bytes.",
			"Connection: HTTP/1.0 without keep-alive, so the connection ends after this response."}},
		{name: "HEAD", method: "HEAD", in: "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", want: []string{"Body: none, as in every answer to HEAD (a Content-Length here is what GET would send)."}},
		{name: "204", in: "HTTP/1.1 204 No Content\r\n\r\n", want: []string{"Status 204 No Content: success, with nothing to show.", "Body: none, as a 204 response never has one."}},
		{name: "304", in: "HTTP/1.1 304 Not Modified\r\n\r\n", want: []string{"Body: none, as a 304 response never has one."}},
		{name: "RFC 6797 HSTS over HTTPS", https: true, in: "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=31536000; includeSubDomains; preload\r\nContent-Length: 0\r\n\r\n", want: []string{
			"HSTS: browsers will use only HTTPS for this site and its subdomains for 365 days; it asks to be on the browsers' preload list."}},
		{name: "RFC 6797 8.1 HSTS over HTTP is ignored", in: "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=60\r\nContent-Length: 0\r\n\r\n", want: []string{
			"HSTS: sent over plain HTTP, where browsers ignore it (RFC 6797 §8.1); it counts only over HTTPS."}},
		{name: "no HSTS over HTTPS", https: true, in: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", want: []string{"HSTS: none; browsers may still try plain HTTP for this site first."}},
		{name: "HSTS max-age=0", https: true, in: "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=0\r\nContent-Length: 0\r\n\r\n", want: []string{"HSTS: max-age=0 tells browsers to forget the HTTPS-only rule for this site."}},
		{name: "not HTTP", in: "220 mail.example.test ESMTP\r\n", want: []string{
			`Not HTTP: the server answered "220 mail.example.test ESMTP".`,
			`Problem: the first line is not an HTTP status line ("HTTP/1.1 200 OK"): the service on this port may not speak HTTP, or speaks TLS.`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := req
			req.Method = tc.method
			got := web.Explain(req, parse(t, tc.method, tc.in), tc.https)
			i := 0
			for _, g := range got {
				if i < len(tc.want) && g == tc.want[i] {
					i++
				}
			}
			if i < len(tc.want) {
				t.Fatalf("missing %q in\n%s", tc.want[i], strings.Join(got, "\n"))
			}
		})
	}
}

func TestExplainRedirectToAnotherHost(t *testing.T) {
	got := web.Explain(web.Request{Path: "/a", Host: "www.example.test"}, parse(t, "", "HTTP/1.1 308 Permanent Redirect\r\nLocation: //cdn.example.test/x\r\nContent-Length: 0\r\n\r\n"), false)
	want := "Status 308 Permanent Redirect: a permanent redirect to http://cdn.example.test/x (another host), keeping the method and body."
	if !slices.Contains(got, want) {
		t.Fatalf("got %q", got)
	}
}
