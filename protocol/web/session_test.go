package web_test

import (
	"bufio"
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
	"github.com/tern-telnet/tern/protocol/web"
)

// live is a real Tern session in raw mode with a Tap on its data, as the
// assistant uses it.
type live struct {
	s   *protocol.Session
	tap *web.Tap
}

// dial opens a session to addr; roots non-nil means implicit TLS.
func dial(t *testing.T, addr string, roots *x509.CertPool) *live {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	cfg := protocol.Config{Host: host, Port: port, Negotiation: protocol.NegotiateRaw}
	if roots != nil {
		cfg.TLS, cfg.TLSRoots, cfg.TLSServerName, cfg.VerifyCertificate = protocol.TLSImplicit, roots, "example.com", tlscheck.RejectUnverified
	}
	l := &live{s: protocol.NewSession(cfg), tap: &web.Tap{}}
	l.s.OnData = l.tap.Feed
	go func() { _, _ = io.Copy(io.Discard, l.s.Output()) }()
	go func() { _ = l.s.Run(context.Background()); l.tap.Close() }()
	testwait.Until(t, "a connection", func() bool {
		st := l.s.Status().State
		if st == protocol.StateClosed {
			t.Fatalf("not connected: %v", st)
		}
		return st == protocol.StateConnected
	})
	t.Cleanup(func() { l.s.Close(); <-l.s.Done(); l.s.Detach() })
	return l
}

func (l *live) run(t *testing.T, req web.Request, https bool) web.Result {
	t.Helper()
	res := web.Run(context.Background(), l.s, l.tap, req, 5*time.Second)
	res.HTTPS, res.TLS = https, l.s.TLS()
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	return res
}

func handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Server", "go-test/1.0")
		if r.TLS != nil {
			w.Header().Set("Strict-Transport-Security", "max-age=86400")
		}
		fmt.Fprint(w, "hello from "+r.Host)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		for i := range 3 {
			fmt.Fprintf(w, "part %d\n", i)
			w.(http.Flusher).Flush()
		}
	})
	return mux
}

// has checks that want are among got, in order.
func has(t *testing.T, got []string, want ...string) {
	t.Helper()
	i := 0
	for _, g := range got {
		if i < len(want) && strings.HasPrefix(g, want[i]) {
			i++
		}
	}
	if i < len(want) {
		t.Fatalf("missing %q in\n%s", want[i], strings.Join(got, "\n"))
	}
}

func TestNetHTTPServer(t *testing.T) {
	srv := httptest.NewServer(handler())
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	host := web.HostHeader("127.0.0.1", port, false)
	tests := []struct {
		name string
		req  web.Request
		want []string
	}{
		{"200 with length", web.Request{Host: host}, []string{"Status 200 OK: success", "Body: Content-Length says " + fmt.Sprint(len("hello from "+host)) + " bytes, and", "Connection: stays open", "Server: go-test/1.0 (it names its version"}},
		{"redirect", web.Request{Path: "/old", Host: host}, []string{"Status 301 Moved Permanently: a permanent redirect to http://" + host + "/new;"}},
		{"404", web.Request{Path: "/nothing", Host: host}, []string{"Status 404 Not Found: nothing at this path"}},
		{"chunked", web.Request{Path: "/stream", Host: host}, []string{"Status 200 OK", "Body: sent chunked (Transfer-Encoding: chunked, so no Content-Length): 21 bytes in 3 chunks."}},
		{"HEAD", web.Request{Method: "HEAD", Host: host}, []string{"Status 200 OK", "Body: none, as in every answer to HEAD"}},
		{"Connection: close", web.Request{Host: host, Close: true}, []string{"Status 200 OK", "Body: Content-Length says", "Connection: close: the server ends the connection"}},
	}
	l := dial(t, addr, nil) // one connection for all but the last: persistent
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			has(t, l.run(t, tc.req, false).Findings(), tc.want...)
		})
	}
}

func TestNetHTTPSServer(t *testing.T) {
	srv := httptest.NewTLSServer(handler())
	defer srv.Close()
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	l := dial(t, srv.Listener.Addr().String(), roots)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	res := l.run(t, web.Request{Host: web.HostHeader("example.com", port, true)}, true)
	has(t, res.Findings(), "TLS: TLS 1.3, ", "Status 200 OK", "HSTS: browsers will use only HTTPS for this site for 1 days.")
	if !strings.Contains(res.Findings()[0], "certificate for example.com verified") {
		t.Fatalf("%s", res.Findings()[0])
	}
}

// TestRequestTranscript: the server receives exactly Request.Lines, each
// ended by CR LF, and the answer read off the session is the one sent,
// its body ended by the server closing.
func TestRequestTranscript(t *testing.T) {
	got := make(chan string, 1)
	srv := loopserver.StartScripted(t, func(c net.Conn) {
		_ = c.SetDeadline(time.Now().Add(5 * time.Second))
		var b strings.Builder
		r := bufio.NewReader(c)
		for !strings.HasSuffix(b.String(), "\r\n\r\n") {
			line, err := r.ReadString('\n')
			if err != nil {
				break
			}
			b.WriteString(line)
		}
		got <- b.String()
		_, _ = io.WriteString(c, "HTTP/1.0 200 OK\r\n\r\nbye")
		_ = c.Close()
	})
	l := dial(t, "127.0.0.1:"+srv.Port(), nil)
	req := web.Request{Method: "GET", Path: "/x", Host: "h.test", Headers: []web.Header{{"Accept", "*/*"}}, Close: true}
	res := l.run(t, req, false)
	want := "GET /x HTTP/1.1\r\nHost: h.test\r\nAccept: */*\r\nConnection: close\r\n\r\n"
	if g := <-got; g != want {
		t.Fatalf("got %x, want %x\n%q", g, want, g)
	}
	lines, _ := req.Lines()
	if !slices.Equal(res.Sent, lines) || res.Response.BodyBytes != 3 || !res.Response.Complete || !res.Response.UntilClose {
		t.Fatalf("%+v", res)
	}
}

func TestNoAnswer(t *testing.T) {
	srv := loopserver.Start(t, nil, false)
	l := dial(t, "127.0.0.1:"+srv.Port(), nil)
	res := web.Run(context.Background(), l.s, l.tap, web.Request{Host: "h.test"}, 200*time.Millisecond)
	if res.Err == nil || !strings.HasPrefix(res.Findings()[0], "No answer in time") {
		t.Fatalf("%v %q", res.Err, res.Findings())
	}
}

// TestHostileFoldingServer: a server whose header folds forever gets a
// clear answer within the test's time and memory, over a real session,
// while it keeps sending (issue 24 item 3: before, every byte was kept
// and the read goroutine spent quadratic time joining them).
func TestHostileFoldingServer(t *testing.T) {
	srv := loopserver.StartScripted(t, func(c net.Conn) {
		_ = c.SetDeadline(time.Now().Add(20 * time.Second))
		_, _ = bufio.NewReader(c).ReadString('\n')
		_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nX-Fold: a\r\n")
		fold := []byte(strings.Repeat(" "+strings.Repeat("z", 62)+"\r\n", 1024))
		for { // 64 KiB at a time until the client goes away
			if _, err := c.Write(fold); err != nil {
				return
			}
		}
	})
	l := dial(t, "127.0.0.1:"+srv.Port(), nil)
	res := web.Run(context.Background(), l.s, l.tap, web.Request{Host: "h.test"}, 10*time.Second)
	if res.Err != nil || res.Response.Status != 200 || res.Response.Complete {
		t.Fatalf("%v %+v", res.Err, res.Response.Problems)
	}
	has(t, res.Findings(), "Status 200 OK")
	if !strings.Contains(strings.Join(res.Findings(), "\n"), "header section went on for more than 256 KiB") {
		t.Fatalf("%q", res.Findings())
	}
}
