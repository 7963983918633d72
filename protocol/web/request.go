package web

import (
	"fmt"
	"net"
	"strings"
)

// Header is one header field.
type Header struct {
	Name, Value string
}

// Request is what the assistant sends. The zero value is "GET / HTTP/1.1"
// without a Host, which Lines refuses: HTTP/1.1 requires one.
type Request struct {
	Method  string // a token such as GET or HEAD; "" means GET
	Path    string // the request target: "/index.html", "*", or an absolute URL; "" means "/"
	Host    string // the Host header's value, HostHeader(session host, port)
	Headers []Header
	Close   bool // send "Connection: close", so the server ends the connection after answering
}

// RequestError says which part of a Request cannot be sent and why.
type RequestError struct {
	Field  string // "method", "path", "host", "header 2 name", ...
	Reason string
}

func (e *RequestError) Error() string { return "web: " + e.Field + ": " + e.Reason }

// HostHeader is the Host header for a session to host and port: the port
// is left out when it is the scheme's default (80, or 443 with TLS), and
// an IPv6 address is bracketed (RFC 9110 §7.2).
func HostHeader(host, port string, tls bool) string {
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port == "" || port == "80" && !tls || port == "443" && tls || port == "http" && !tls || port == "https" && tls {
		return host
	}
	return host + ":" + port
}

// Lines are the request exactly as it is sent, one line each without the
// CR LF that ends it: the request line, Host, the headers, Connection:
// close when asked, and the empty line that ends the head. A field that
// would let one line become two (CR, LF) or is not valid HTTP is refused
// with a *RequestError.
func (r Request) Lines() ([]string, error) {
	method, path := r.Method, r.Path
	if method == "" {
		method = "GET"
	}
	if path == "" {
		path = "/"
	}
	if !isToken(method) {
		return nil, &RequestError{"method", fmt.Sprintf("%q is not a method name (letters such as GET, HEAD, POST)", method)}
	}
	if !visible(path) {
		return nil, &RequestError{"path", fmt.Sprintf("%q holds a space or control character; encode it as %%20 and the like", path)}
	}
	if r.Host == "" || !visible(r.Host) || !validHost(r.Host) {
		return nil, &RequestError{"host", fmt.Sprintf("%q is not a host name with an optional :port", r.Host)}
	}
	lines := []string{method + " " + path + " HTTP/1.1", "Host: " + r.Host}
	for i, h := range r.Headers {
		if err := checkHeader(i+1, h); err != nil {
			return nil, err
		}
		lines = append(lines, h.Name+": "+strings.TrimSpace(h.Value))
	}
	if r.Close {
		lines = append(lines, "Connection: close")
	}
	return append(lines, ""), nil
}

func checkHeader(n int, h Header) error {
	field := fmt.Sprintf("header %d", n)
	switch {
	case !isToken(h.Name):
		return &RequestError{field + " name", fmt.Sprintf("%q is not a header name (letters, digits and -)", h.Name)}
	case strings.EqualFold(h.Name, "Host"):
		return &RequestError{field + " name", "Host is filled in from the session; set it there"}
	case strings.ContainsFunc(h.Value, func(c rune) bool { return c < 0x20 && c != '\t' || c == 0x7f }):
		return &RequestError{field + " value", fmt.Sprintf("%q holds a line break or control character", h.Value)}
	}
	return nil
}

// isToken reports an RFC 9110 §5.6.2 token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// visible: only visible US-ASCII, no space (the request target and Host).
func visible(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

func validHost(h string) bool {
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = strings.Trim(h, "[]"), ""
	}
	for _, c := range port {
		if c < '0' || c > '9' {
			return false
		}
	}
	return host != "" && !strings.ContainsAny(host, "/?#@")
}
