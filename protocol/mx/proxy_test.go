package mx

import (
	"bufio"
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/peerenv"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/proxy"
	"github.com/tern-telnet/tern/protocol/proxy/proxytest"
)

// TestPickThroughTheSessionsProxy: the exchanger tries go through the
// session's proxy (here the Telnet-proxy peer, which says what it was
// asked for) and reach the real Postfix peer; a dead first exchanger is
// reported and the next one answers.
func TestPickThroughTheSessionsProxy(t *testing.T) {
	host, port := peerenv.Addr(t, "TERN_PEER_POSTFIX")
	p, _ := strconv.Atoi(port)
	pp, lines := proxytest.TelnetProxy(t)
	session := protocol.Config{Proxy: proxy.Config{Kind: proxy.Telnet, Host: "127.0.0.1", Port: pp}}
	dial := func(ctx context.Context, network, address string) (net.Conn, error) {
		return protocol.DialThrough(ctx, session, network, address)
	}
	res := Result{Domain: "example.test", Hosts: []Host{
		{Name: "dead.example.test", Preference: 5, Addrs: []net.IP{net.ParseIP("127.0.0.2")}},
		{Name: "mx.example.test", Preference: 10, Addrs: []net.IP{net.ParseIP(host)}},
	}}
	// The Telnet proxy cannot say the first failed (it says so in words
	// and closes), so the first try is a refused proxy port instead.
	dead := protocol.Config{Proxy: proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: proxytest.FreePort(t)}}
	first := true
	c, err := Pick(context.Background(), res, p, 5*time.Second, func(ctx context.Context, network, address string) (net.Conn, error) {
		if first {
			first = false
			return protocol.DialThrough(ctx, dead, network, address)
		}
		return dial(ctx, network, address)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Conn.Close()
	if got := <-lines; got != "connect "+host+" "+port {
		t.Fatalf("the proxy was asked %q", got)
	}
	if len(c.Attempts) != 2 || !strings.Contains(c.Attempts[0].Reason(), "refused the connection") {
		t.Fatalf("attempts %+v; want the dead proxy's refusal first", c.Attempts)
	}
	_ = c.Conn.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(c.Conn)
	_, _ = r.ReadString('\n') // the Telnet proxy's own line
	line, _ := r.ReadString('\n')
	if !strings.HasPrefix(line, "220 ") {
		t.Fatalf("banner %q; want Postfix's 220", line)
	}
	if c.TCPConn() == nil {
		t.Fatal("the proxied connection is not one a session can take")
	}
}
