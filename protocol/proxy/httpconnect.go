package proxy

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// MaxHTTPReply caps an HTTP CONNECT reply's header; a proxy that sends more
// is not believed.
const MaxHTTPReply = 16 << 10

// maxReasonLen caps the reason phrase repeated in a message.
const maxReasonLen = 80

func httpConnect(conn net.Conn, c *Config, host string, port int) error {
	addr := target(host, port)
	var req strings.Builder
	fmt.Fprintf(&req, "CONNECT %s HTTP/1.1\r\nHost: %s\r\n", addr, addr)
	if c.User != "" {
		cred := base64.StdEncoding.EncodeToString([]byte(c.User + ":" + c.Password))
		fmt.Fprintf(&req, "Proxy-Authorization: Basic %s\r\n", cred)
	}
	req.WriteString("\r\n")
	if _, err := io.WriteString(conn, req.String()); err != nil {
		return err
	}
	head, err := readHTTPHead(conn)
	if err != nil {
		return err
	}
	code, reason, err := ParseConnectReply(head)
	if err != nil {
		return &Error{Stage: StageProtocol, Err: err}
	}
	words := fmt.Sprintf("HTTP status %d %s", code, reason)
	switch {
	case code >= 200 && code < 300:
		return nil
	// 407 is the standard answer; tinyproxy says 401.
	case code == http.StatusProxyAuthRequired, code == http.StatusUnauthorized:
		r := "wrong user name or password, " + words
		if c.User == "" {
			r = "it wants a user name and password, " + words
		}
		return &Error{Stage: StageAuth, Code: code, Reason: r}
	}
	return &Error{Stage: StageTarget, Code: code, Reason: words}
}

// readHTTPHead reads up to the blank line that ends the reply's header, one
// byte at a time so that nothing the host sends after it is taken from the
// session.
func readHTTPHead(r io.Reader) ([]byte, error) {
	buf := make([]byte, 0, 256)
	var b [1]byte
	for len(buf) < MaxHTTPReply {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			if len(buf) > 0 && errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		buf = append(buf, b[0])
		if bytes.HasSuffix(buf, []byte("\n\r\n")) || bytes.HasSuffix(buf, []byte("\n\n")) {
			return buf, nil
		}
	}
	return nil, fmt.Errorf("the reply header is longer than %d bytes", MaxHTTPReply)
}

// ParseConnectReply reads the status line of an HTTP CONNECT reply header
// and returns its code and reason phrase (printable ASCII, shortened; the
// standard phrase when the proxy gave none).
func ParseConnectReply(head []byte) (int, string, error) {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	proto, rest, ok := bytes.Cut(line, []byte(" "))
	if !ok || !bytes.HasPrefix(proto, []byte("HTTP/1.")) {
		return 0, "", errors.New("not an HTTP reply")
	}
	codeText, reason, _ := bytes.Cut(rest, []byte(" "))
	if len(codeText) != 3 {
		return 0, "", errors.New("no status code in the HTTP reply")
	}
	code, err := strconv.Atoi(string(codeText))
	if err != nil || code < 100 {
		return 0, "", errors.New("no status code in the HTTP reply")
	}
	phrase := printable(reason)
	if phrase == "" {
		phrase = http.StatusText(code)
	}
	return code, phrase, nil
}

func printable(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if s.Len() >= maxReasonLen {
			break
		}
		if c >= 0x20 && c < 0x7f {
			s.WriteByte(c)
		}
	}
	return strings.TrimSpace(s.String())
}
