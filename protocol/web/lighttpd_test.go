package web_test

import (
	"net"
	"os"
	"testing"

	"github.com/tern-telnet/tern/protocol/web"
)

// TestLighttpd runs the assistant against the real lighttpd that
// testdata/peers/start-all.sh starts (TERN_PEER_HTTP): its index, a
// redirect and a 404, on one persistent connection.
func TestLighttpd(t *testing.T) {
	addr := os.Getenv("TERN_PEER_HTTP")
	if addr == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TERN_PEER_HTTP is not set: the CI must start lighttpd (testdata/peers/start-all.sh)")
		}
		t.Skip("TERN_PEER_HTTP not set; start the peers with: eval \"$(testdata/peers/start-all.sh)\"")
	}
	host, port, _ := net.SplitHostPort(addr)
	h := web.HostHeader(host, port, false)
	tests := []struct {
		name string
		req  web.Request
		want []string
	}{
		{"index", web.Request{Host: h}, []string{"Status 200 OK: success", "Body: Content-Length says 72 bytes, and 72 bytes arrived.", "Connection: stays open", "Server: lighttpd test peer."}},
		{"HEAD", web.Request{Method: "HEAD", Host: h}, []string{"Status 200 OK", "Body: none, as in every answer to HEAD"}},
		{"redirect", web.Request{Path: "/old", Host: h}, []string{"Status 301 Moved Permanently: a permanent redirect to http://" + h + "/new.html;"}},
		{"404", web.Request{Path: "/missing", Host: h}, []string{"Status 404 Not Found: nothing at this path"}},
		{"close", web.Request{Host: h, Close: true}, []string{"Status 200 OK", "Body: Content-Length says 72 bytes", "Connection: close: the server ends the connection after this response."}},
	}
	l := dial(t, addr, nil)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := l.run(t, tc.req, false)
			has(t, res.Findings(), tc.want...)
		})
	}
}
