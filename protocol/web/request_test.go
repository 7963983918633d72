package web_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/web"
)

func TestRequestLines(t *testing.T) {
	tests := []struct {
		name  string
		req   web.Request
		want  []string
		field string // the RequestError's Field when refused
	}{
		{name: "defaults: GET /", req: web.Request{Host: "www.example.test"}, want: []string{"GET / HTTP/1.1", "Host: www.example.test", ""}},
		{name: "headers in order, Connection: close last", req: web.Request{Method: "HEAD", Path: "/a?b=c", Host: "[2001:db8::1]:8080", Headers: []web.Header{{"Accept", " text/html "}, {"User-Agent", "Tern"}}, Close: true},
			want: []string{"HEAD /a?b=c HTTP/1.1", "Host: [2001:db8::1]:8080", "Accept: text/html", "User-Agent: Tern", "Connection: close", ""}},
		{name: "OPTIONS *", req: web.Request{Method: "OPTIONS", Path: "*", Host: "h.test"}, want: []string{"OPTIONS * HTTP/1.1", "Host: h.test", ""}},
		{name: "RFC 9112 3.2 Host is required", req: web.Request{}, field: "host"},
		{name: "method with a space", req: web.Request{Method: "GET /x", Host: "h.test"}, field: "method"},
		{name: "CR LF in the path", req: web.Request{Path: "/\r\nX-Injected: 1", Host: "h.test"}, field: "path"},
		{name: "space in the path", req: web.Request{Path: "/a b", Host: "h.test"}, field: "path"},
		{name: "LF in the host", req: web.Request{Host: "h.test\nX: 1"}, field: "host"},
		{name: "path in the host", req: web.Request{Host: "h.test/x"}, field: "host"},
		{name: "bad port in the host", req: web.Request{Host: "h.test:http"}, field: "host"},
		{name: "CR in a header value", req: web.Request{Host: "h.test", Headers: []web.Header{{"A", "1"}, {"B", "x\rSet: y"}}}, field: "header 2 value"},
		{name: "colon in a header name", req: web.Request{Host: "h.test", Headers: []web.Header{{"A:B", "1"}}}, field: "header 1 name"},
		{name: "Host comes from the session", req: web.Request{Host: "h.test", Headers: []web.Header{{"host", "other"}}}, field: "header 1 name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.req.Lines()
			var re *web.RequestError
			if tc.field != "" {
				if !errors.As(err, &re) || re.Field != tc.field {
					t.Fatalf("error %v, want one about %s", err, tc.field)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("got %q %v\nwant %q", got, err, tc.want)
			}
		})
	}
}

func TestHostHeader(t *testing.T) {
	tests := []struct {
		host, port string
		tls        bool
		want       string
	}{
		{"www.example.test", "80", false, "www.example.test"},
		{"www.example.test", "443", true, "www.example.test"},
		{"www.example.test", "443", false, "www.example.test:443"},
		{"www.example.test", "8080", false, "www.example.test:8080"},
		{"2001:db8::1", "80", false, "[2001:db8::1]"},
		{"::1", "2580", false, "[::1]:2580"},
		{"h.test", "", true, "h.test"},
	}
	for _, tc := range tests {
		if got := web.HostHeader(tc.host, tc.port, tc.tls); got != tc.want {
			t.Errorf("HostHeader(%q, %q, %v) = %q, want %q", tc.host, tc.port, tc.tls, got, tc.want)
		}
	}
}

// FuzzRequestLines: whatever the fields, Lines refuses them or gives lines
// that cannot split or smuggle: no CR, LF or NUL, a request line of three
// parts, and the empty line only at the end.
func FuzzRequestLines(f *testing.F) {
	f.Add("GET", "/", "h.test", "Accept", "*/*", true)
	f.Add("GET", "/\r\nX: 1", "h.test", "A", "b", false)
	f.Add("HEAD", "*", "[::1]:80", "X", "a\rb", false)
	f.Fuzz(func(t *testing.T, method, path, host, name, value string, close bool) {
		lines, err := web.Request{Method: method, Path: path, Host: host, Headers: []web.Header{{name, value}}, Close: close}.Lines()
		if err != nil {
			return
		}
		if len(strings.Split(lines[0], " ")) != 3 || lines[len(lines)-1] != "" {
			t.Fatalf("lines %q", lines)
		}
		for i, l := range lines {
			if strings.ContainsAny(l, "\r\n\x00") || l == "" && i != len(lines)-1 {
				t.Fatalf("line %d %q", i, l)
			}
		}
	})
}
