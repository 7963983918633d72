package assist

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
)

// httpTemplate is the shipped HTTP (80) template.
func httpTemplate(t *testing.T) profiles.Profile {
	t.Helper()
	for _, b := range profiles.Builtins() {
		if b.Name == "HTTP (80)" {
			if b.Assistant != "http" || !b.OpenAssistant {
				t.Fatalf("the HTTP template does not open the HTTP assistant: %+v", b)
			}
			return b
		}
	}
	t.Fatal("no HTTP (80) template")
	return profiles.Profile{}
}

// recorder is a listener that keeps every byte the clients sent.
type recorder struct {
	net.Listener
	mu  sync.Mutex
	got bytes.Buffer
}

func (r *recorder) Accept() (net.Conn, error) {
	c, err := r.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &recordedConn{c, r}, nil
}

func (r *recorder) received() string { r.mu.Lock(); defer r.mu.Unlock(); return r.got.String() }

type recordedConn struct {
	net.Conn
	r *recorder
}

func (c *recordedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.r.mu.Lock()
	c.r.got.Write(p[:n])
	c.r.mu.Unlock()
	return n, err
}

// startWeb serves /old (a redirect to /new.html), /new.html and 404s
// with Go's net/http on loopback.
func startWeb(t *testing.T) *recorder {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{Listener: l}
	mux := http.NewServeMux()
	mux.Handle("/old", http.RedirectHandler("/new.html", http.StatusMovedPermanently))
	mux.HandleFunc("/new.html", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("<p>new</p>\n")) })
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(rec)
	t.Cleanup(func() { srv.Close() })
	return rec
}

// openHTTP opens the HTTP template's tab on addr with its assistant.
func openHTTP(t *testing.T, addr string) (*harness, *HTTPPanel) {
	h := connectTab(t, addr, httpTemplate(t))
	p := NewHTTPPanel(h.win, h.tab)
	h.open(p)
	h.waitUntil("connected", func() bool { return h.tab.Session().Status().Remote != "" })
	return h, p
}

// send builds method path in the panel, presses Send and waits for the
// Summary.
func (h *harness) send(p *HTTPPanel, method, path string) string {
	h.t.Helper()
	p.Result = panel.Summary{}
	p.method.SetSelected(method)
	p.path.SetText(path)
	p.RunTest()
	h.waitUntil("the summary of "+method+" "+path, func() bool { return p.Result.Text != "" })
	return p.Result.Text
}

func mustHave(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}

// TestHTTPPanelNetHTTP: the request goes to the server byte for byte as
// the preview shows it; a redirect is explained with its target, a 404
// in words; the second Send connects again after Connection: close.
func TestHTTPPanelNetHTTP(t *testing.T) {
	rec := startWeb(t)
	h, p := openHTTP(t, rec.Addr().String())
	_, port, _ := net.SplitHostPort(rec.Addr().String())
	if p.host.Text != "127.0.0.1:"+port {
		t.Fatalf("Host %q, want it from the session", p.host.Text)
	}
	want := "GET /old HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: Tern\r\nAccept: */*\r\nConnection: close\r\n\r\n"
	p.path.SetText("/old")
	if got := strings.ReplaceAll(p.preview.Text, "\n", "\r\n"); got != strings.TrimSuffix(want, "\r\n")+"(empty line)" {
		t.Errorf("preview %q", p.preview.Text)
	}
	sum := h.send(p, "GET", "/old")
	if got := rec.received(); got != want {
		t.Fatalf("server got %q\nwant %q", got, want)
	}
	mustHave(t, sum, "> GET /old HTTP/1.1", "Status 301 Moved Permanently: a permanent redirect to http://127.0.0.1:"+port+"/new.html")
	mustHave(t, p.findings.Text, "/new.html")
	mustHave(t, p.Head.Text, "HTTP/1.1 301 Moved Permanently", "Location: /new.html")
	mustHave(t, h.win.status, "HTTP: Status 301")
	if len(h.win.dialogs) != 1 {
		t.Fatalf("%d dialogs, want the summary", len(h.win.dialogs))
	}
	mustHave(t, h.onScreenText(), "/new.html")
	h.win.closeFront()

	sum = h.send(p, "GET", "/missing")
	mustHave(t, sum, "Status 404 Not Found: nothing at this path")
	mustHave(t, rec.received(), "GET /missing HTTP/1.1\r\n")
}

// TestHTTPPanelConnectsAgainAfterConnectionClose: an answer that says
// Connection: close ends the connection even while the server's close is
// still on its way; the next Send connects again instead of writing into
// the dying connection (where no answer can come). The server here never
// closes, so the old connection stays open for as long as the test runs.
func TestHTTPPanelConnectsAgainAfterConnectionClose(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var requests []string // "connection n: request line"
	done := make(chan struct{})
	t.Cleanup(func() { close(done); l.Close() })
	go func() {
		for n := 1; ; n++ {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func(n int) {
				defer c.Close()
				head := make([]byte, 0, 512)
				buf := make([]byte, 512)
				for !bytes.Contains(head, []byte("\r\n\r\n")) && len(head) < 4096 {
					k, err := c.Read(buf)
					if err != nil {
						return
					}
					head = append(head, buf[:k]...)
				}
				line, _, _ := strings.Cut(string(head), "\r\n")
				mu.Lock()
				requests = append(requests, fmt.Sprintf("connection %d: %s", n, line))
				mu.Unlock()
				c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n"))
				<-done // the close "still on its way"
			}(n)
		}
	}()
	h, p := openHTTP(t, l.Addr().String())
	p.close.SetChecked(false) // the answer alone says close
	mustHave(t, h.send(p, "GET", "/one"), "Status 200 OK")
	mustHave(t, h.send(p, "HEAD", "/two"), "Status 200 OK")
	mu.Lock()
	got := strings.Join(requests, "\n")
	mu.Unlock()
	if want := "connection 1: GET /one HTTP/1.1\nconnection 2: HEAD /two HTTP/1.1"; got != want {
		t.Fatalf("the server got\n%s\nwant\n%s", got, want)
	}
}

// TestHTTPPanelRefusesBadRequest: a header without a colon is said, and
// nothing is sent.
func TestHTTPPanelRefusesBadRequest(t *testing.T) {
	rec := startWeb(t)
	h, p := openHTTP(t, rec.Addr().String())
	p.headers.SetText("X-Test value")
	mustHave(t, p.preview.Text, "Cannot send: header line 1 has no colon")
	p.RunTest()
	h.pumpUI()
	mustHave(t, p.Status.Text, "Cannot send")
	if p.Running() || rec.received() != "" {
		t.Fatalf("sent %q", rec.received())
	}
}

// TestHTTPPanelLighttpd: the same against the real lighttpd peer
// (TERN_PEER_HTTP).
func TestHTTPPanelLighttpd(t *testing.T) {
	addr := os.Getenv("TERN_PEER_HTTP")
	if addr == "" {
		t.Skip("TERN_PEER_HTTP not set; start the peers with: eval \"$(testdata/peers/start-all.sh)\"")
	}
	h, p := openHTTP(t, addr)
	sum := h.send(p, "GET", "/old")
	mustHave(t, sum, "< HTTP/1.1 301", "a permanent redirect to http://"+addr+"/new.html", "Server: lighttpd")
	mustHave(t, p.Head.Text, "HTTP/1.1 301 Moved Permanently", "Location: /new.html")
	sum = h.send(p, "GET", "/missing")
	mustHave(t, sum, "Status 404 Not Found")
	sum = h.send(p, "HEAD", "/")
	mustHave(t, sum, "> HEAD / HTTP/1.1", "Status 200 OK", "Body: none, as in every answer to HEAD")
}

// TestHTTPSPanel: the HTTPS template speaks TLS from the first byte; the
// findings begin with the TLS state, and Host leaves out nothing it needs.
func TestHTTPSPanel(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		w.Write([]byte("secure\n"))
	}))
	srv.Listener.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.Listener = l
	srv.StartTLS()
	t.Cleanup(srv.Close)
	var https profiles.Profile
	for _, b := range profiles.Builtins() {
		if b.Name == "HTTPS (443, implicit TLS)" {
			https = b
		}
	}
	if https.TLS != profiles.TLSImplicit || https.Assistant != "http" {
		t.Fatalf("HTTPS template %+v", https)
	}
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	https.Host = "127.0.0.1"
	h := connectTab(t, l.Addr().String(), https, func(st *settings.Session) { st.Engine.TLSRoots = roots })
	p := NewHTTPPanel(h.win, h.tab)
	h.open(p)
	h.waitUntil("connected", func() bool { return h.tab.Session().TLS() != nil })
	if p.Name() != "HTTPS" {
		t.Errorf("name %q", p.Name())
	}
	sum := h.send(p, "GET", "/")
	mustHave(t, sum, "TLS: TLS 1.3", "Status 200 OK", "HSTS")
}
