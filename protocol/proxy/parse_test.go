package proxy

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

var connectReplies = []struct {
	head   string
	code   int
	reason string
	ok     bool
}{
	{"HTTP/1.1 200 Connection established\r\n\r\n", 200, "Connection established", true},
	{"HTTP/1.0 200 OK\r\nProxy-agent: x\r\n\r\n", 200, "OK", true},
	{"HTTP/1.1 407 Proxy Authentication Required\r\n\r\n", 407, "Proxy Authentication Required", true},
	{"HTTP/1.1 502\r\n\r\n", 502, "Bad Gateway", true},
	{"HTTP/1.1 403 \x1b[2Jevil\r\n\r\n", 403, "[2Jevil", true},
	{"HTTP/1.1 200 " + strings.Repeat("a", 500) + "\r\n\r\n", 200, strings.Repeat("a", maxReasonLen), true},
	{"SSH-2.0-OpenSSH\r\n\r\n", 0, "", false},
	{"HTTP/1.1 abc OK\r\n\r\n", 0, "", false},
	{"HTTP/1.1 20 OK\r\n\r\n", 0, "", false},
	{"", 0, "", false},
}

func TestParseConnectReply(t *testing.T) {
	for _, tt := range connectReplies {
		code, reason, err := ParseConnectReply([]byte(tt.head))
		if (err == nil) != tt.ok || code != tt.code || reason != tt.reason {
			t.Errorf("%q: %d %q %v; want %d %q ok=%v", tt.head, code, reason, err, tt.code, tt.reason, tt.ok)
		}
	}
}

func FuzzParseConnectReply(f *testing.F) {
	for _, tt := range connectReplies {
		f.Add([]byte(tt.head))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		code, reason, err := ParseConnectReply(head)
		if err != nil {
			return
		}
		if code < 100 || code > 999 || len(reason) > maxReasonLen {
			t.Fatalf("code %d reason %q", code, reason)
		}
		for _, c := range []byte(reason) {
			if c < 0x20 || c >= 0x7f {
				t.Fatalf("unprintable reason %q", reason)
			}
		}
	})
}

var proxyURLs = []struct {
	in   string
	want Config
	ok   bool
}{
	{"socks5://user@host:1080", Config{Kind: SOCKS5, Host: "host", Port: 1080, User: "user"}, true},
	{"socks5h://proxy.example", Config{Kind: SOCKS5, Host: "proxy.example"}, true},
	{"http://host:3128", Config{Kind: HTTP, Host: "host", Port: 3128}, true},
	{"http://bob:pw@[::1]:8080/", Config{Kind: HTTP, Host: "::1", Port: 8080, User: "bob", Password: "pw"}, true},
	{"HTTP://Host", Config{Kind: HTTP, Host: "Host"}, true},
	{"socks4://host", Config{}, false},
	{"https://host", Config{}, false},
	{"host:1080", Config{}, false},
	{"socks5://host:0", Config{}, false},
	{"socks5://host:70000", Config{}, false},
	{"socks5://:1080", Config{}, false},
	{"http://host/path", Config{}, false},
	{"", Config{}, false},
}

func TestParseURL(t *testing.T) {
	for _, tt := range proxyURLs {
		got, err := ParseURL(tt.in)
		if (err == nil) != tt.ok || got.Kind != tt.want.Kind || got.Host != tt.want.Host || got.Port != tt.want.Port || got.User != tt.want.User || got.Password != tt.want.Password {
			t.Errorf("%q: %+v %v; want %+v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if u := (Config{Kind: SOCKS5, Host: "h", User: "u", Password: "secret"}).URL(); u != "socks5://u@h:1080" {
		t.Errorf("URL = %q", u)
	}
}

func FuzzParseURL(f *testing.F) {
	for _, tt := range proxyURLs {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseURL(s)
		if err != nil {
			return
		}
		if c.Kind == None || c.Host == "" || c.Port < 0 || c.Port > 65535 {
			t.Fatalf("%q parsed to %+v", s, c)
		}
		if _, err := ParseURL(c.URL()); err != nil {
			t.Fatalf("%q: URL %q does not parse back: %v", s, c.URL(), err)
		}
	})
}

func TestBypasses(t *testing.T) {
	c := Config{Bypass: SplitBypass("router.lan, *.corp.example;10.0.0.0/8\nfd00::/8 192.168.1.1")}
	for host, want := range map[string]bool{
		"router.lan":       true,
		"ROUTER.LAN.":      true,
		"other.lan":        false,
		"corp.example":     true,
		"sw1.corp.example": true,
		"xcorp.example":    false,
		"10.1.2.3":         true,
		"11.1.2.3":         false,
		"fd00::1":          true,
		"[fd00::1]":        true,
		"192.168.1.1":      true,
		"127.0.0.1":        false, // loopback is not bypassed unless listed
		"localhost":        false,
		"":                 false,
	} {
		if got := c.Bypasses(host); got != want {
			t.Errorf("Bypasses(%q) = %v; want %v", host, got, want)
		}
	}
}

// TestRepliesBounded: a proxy that never ends its header, or stalls, does
// not hold Tern past the cap or the deadline.
func TestRepliesBounded(t *testing.T) {
	tests := []struct {
		name  string
		kind  Kind
		reply func(net.Conn)
	}{
		{"endless http header", HTTP, func(c net.Conn) {
			for range 100 {
				if _, err := c.Write([]byte(strings.Repeat("X-Junk: y\r\n", 100))); err != nil {
					return
				}
			}
		}},
		{"silent socks proxy", SOCKS5, func(c net.Conn) { _, _ = io.Copy(io.Discard, c) }}, // says nothing until the client hangs up
		{"not socks", SOCKS5, func(c net.Conn) { _, _ = c.Write([]byte("HTTP/1.1 400 Bad\r\n\r\n")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			go func() {
				c, err := l.Accept()
				if err != nil {
					return
				}
				defer c.Close()
				go func() { _, _ = c.Read(make([]byte, 4096)) }()
				tt.reply(c)
			}()
			cfg := Config{Kind: tt.kind, Host: "127.0.0.1", Port: l.Addr().(*net.TCPAddr).Port}
			conn, err := net.Dial("tcp", cfg.Addr())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// A silent proxy is waited for 0.5 s; a talkative one must be
			// cut off by the reply bound long before its timeout (which is
			// long: byte-at-a-time reads are slow under Wine).
			timeout := 10 * time.Second
			if strings.Contains(tt.name, "silent") {
				timeout = 500 * time.Millisecond
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			start := time.Now()
			err = Handshake(ctx, conn, &cfg, "target", 23)
			var pe *Error
			if !errors.As(err, &pe) || pe.Stage != StageProtocol || strings.Contains(tt.name, "silent") != strings.Contains(err.Error(), "in time") {
				t.Fatalf("err = %v; want a protocol error", err)
			}
			if time.Since(start) > timeout+2*time.Second {
				t.Fatalf("took %v", time.Since(start))
			}
		})
	}
}

// FuzzHandshakeReplies: whatever a proxy answers, the handshake returns
// in bounded time with nil or a *Error and never panics. (That nothing
// past the reply is read is shown by the real-proxy tests: the target
// speaks first.)
func FuzzHandshakeReplies(f *testing.F) {
	f.Add(byte(0), []byte{5, 0, 5, 0, 0, 1, 127, 0, 0, 1, 0, 23})
	f.Add(byte(0), []byte{5, 2, 1, 0, 5, 0, 0, 3, 4, 'h', 'o', 's', 't', 0, 23})
	f.Add(byte(0), []byte{5, 2, 1, 1})
	f.Add(byte(0), []byte{5, 0, 5, 4, 0, 1})
	f.Add(byte(0), []byte{5, 0xff})
	f.Add(byte(1), []byte("HTTP/1.1 200 Connection established\r\n\r\n"))
	f.Add(byte(1), []byte("HTTP/1.0 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n"))
	f.Add(byte(1), []byte("HTTP/1.1 502 Bad Gateway\n\n"))
	f.Fuzz(func(t *testing.T, kind byte, reply []byte) {
		cfg := Config{Kind: SOCKS5 + Kind(kind%2), Host: "proxy", User: "u", Password: "p"}
		client, server := net.Pipe()
		defer client.Close()
		go func() {
			defer server.Close()
			go func() { _, _ = io.Copy(io.Discard, server) }()
			_, _ = server.Write(reply)
			_, _ = server.Write([]byte("AFTER"))
		}()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		err := Handshake(ctx, client, &cfg, "router.lan", 23)
		var pe *Error
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *Error", err)
		}
		if time.Since(start) > 3*time.Second {
			t.Fatalf("the handshake took %v", time.Since(start))
		}
	})
}
