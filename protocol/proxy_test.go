package protocol

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/dial"
	"github.com/tern-telnet/tern/protocol/proxy"
	"github.com/tern-telnet/tern/protocol/proxy/proxytest"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// TestTelnetdThroughRealProxies logs in to the real telnetd peer through
// microsocks and tinyproxy, each with a user and password, and with the
// name looked up at the proxy and here.
func TestTelnetdThroughRealProxies(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	p, _ := strconv.Atoi(port)
	socks := proxytest.Microsocks(t, "alice", "s3cret")
	httpp := proxytest.Tinyproxy(t, "bob", "hunter2", p)
	dante := proxytest.Dante(t)
	for _, tt := range []struct {
		name  string
		proxy proxy.Config
		host  string
	}{
		{"socks5", proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: socks, User: "alice", Password: "s3cret"}, "localhost"},
		{"socks5 local dns", proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: socks, User: "alice", Password: "s3cret", LocalDNS: true}, "localhost"},
		{"http connect", proxy.Config{Kind: proxy.HTTP, Host: "127.0.0.1", Port: httpp, User: "bob", Password: "hunter2"}, host},
		{"socks4 local dns", proxy.Config{Kind: proxy.SOCKS4, Host: "127.0.0.1", Port: dante, User: "ops", LocalDNS: true}, "localhost"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, sc, _ := start(t, Config{Host: tt.host, Port: port, Negotiation: NegotiateActive, Proxy: tt.proxy})
			login(t, s, sc)
			s.Write([]byte("echo via=proxy\r"))
			expect(t, sc, "via=proxy")
			if st := s.Status(); st.Proxy != dial.KindWords(tt.proxy.Kind)+" proxy "+tt.proxy.Addr() || st.Remote != tt.proxy.Addr() {
				t.Fatalf("status names proxy %q, remote %q; want the proxy %s", st.Proxy, st.Remote, tt.proxy.Addr())
			}
			expect(t, sc, "Connecting through the "+dial.KindWords(tt.proxy.Kind)+" proxy "+tt.proxy.Addr()+"...")
			if ev := s.Events().String(); !strings.Contains(ev, "connected to") || tt.proxy.Password != "" && strings.Contains(ev, tt.proxy.Password) {
				t.Fatalf("event log should say the proxy connected and hold no password:\n%s", ev)
			}
		})
	}
}

// TestProxyErrorsNameTheHop: each failing hop is named in the words the
// session prints, and Run's error carries the *proxy.Error.
func TestProxyErrorsNameTheHop(t *testing.T) {
	socks := proxytest.Microsocks(t, "alice", "s3cret")
	closed := proxytest.FreePort(t)
	dead := proxytest.FreePort(t)
	for _, tt := range []struct {
		name  string
		proxy proxy.Config
		stage proxy.Stage
		words string
	}{
		{"proxy refused", proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: dead}, proxy.StageReach,
			"The proxy 127.0.0.1:" + strconv.Itoa(dead) + " refused the connection."},
		{"telnet proxy refused", proxy.Config{Kind: proxy.Telnet, Host: "127.0.0.1", Port: dead}, proxy.StageReach,
			"The proxy 127.0.0.1:" + strconv.Itoa(dead) + " refused the connection."},
		{"socks4 proxy refused", proxy.Config{Kind: proxy.SOCKS4, Host: "127.0.0.1", Port: dead}, proxy.StageReach,
			"The proxy 127.0.0.1:" + strconv.Itoa(dead) + " refused the connection."},
		{"proxy command cannot start", proxy.Config{Kind: proxy.Command, Command: `nc %host %port "unclosed`}, proxy.StageCommand,
			"The proxy command exited: exit status 2"},
		{"wrong password", proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: socks, User: "alice", Password: "nope"}, proxy.StageAuth,
			"turned down the user name and password (wrong user name or password)"},
		{"closed target", proxy.Config{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: socks, User: "alice", Password: "s3cret"}, proxy.StageTarget,
			"The proxy could not reach 127.0.0.1:" + strconv.Itoa(closed) + ": connection refused."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, sc, done := start(t, Config{Host: "127.0.0.1", Port: strconv.Itoa(closed), Proxy: tt.proxy})
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return")
			}
			var ce *connerr.ConnectError
			var pe *proxy.Error
			if !errors.As(err, &ce) || ce.Kind != connerr.ErrProxy || !errors.As(err, &pe) || pe.Stage != tt.stage {
				t.Fatalf("err = %v (%#v); want connerr.ErrProxy at stage %d", err, err, tt.stage)
			}
			expect(t, sc, tt.words)
			if strings.Contains(sc.String(), "nope") {
				t.Fatalf("output holds the password:\n%s", sc.String())
			}
		})
	}
}

// TestProxyBypass: a host in the bypass list is reached directly, even
// when the proxy is not there.
func TestProxyBypass(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	dead := proxytest.FreePort(t)
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive,
		Proxy: proxy.Config{Kind: proxy.HTTP, Host: "127.0.0.1", Port: dead, Bypass: []string{"127.0.0.0/8"}}})
	login(t, s, sc)
	if st := s.Status(); st.Proxy != "" {
		t.Fatalf("a bypassed host's status names a proxy: %q", st.Proxy)
	}
}

// TestImplicitTLSThroughProxy: TLS runs over the proxied connection
// unchanged: the real Dovecot POP3S peer's greeting arrives through
// microsocks after the handshake.
func TestImplicitTLSThroughProxy(t *testing.T) {
	host, port := os.Getenv("TERN_PEER_DOVECOT"), os.Getenv("TERN_PEER_DOVECOT_POP3S")
	if host == "" || port == "" {
		t.Skip("TERN_PEER_DOVECOT and TERN_PEER_DOVECOT_POP3S are not set; start the peers with: eval \"$(testdata/peers/start-all.sh)\"")
	}
	p, _ := strconv.Atoi(port)
	socks := proxytest.Microsocks(t, "", "")
	httpp := proxytest.Tinyproxy(t, "", "", p)
	for _, c := range []proxy.Config{{Kind: proxy.SOCKS5, Host: "127.0.0.1", Port: socks}, {Kind: proxy.HTTP, Host: "127.0.0.1", Port: httpp}} {
		t.Run(c.Kind.String(), func(t *testing.T) {
			s, sc, _ := start(t, Config{Host: host, Port: port, TLS: TLSImplicit, Negotiation: NegotiateRaw,
				VerifyCertificate: tlscheck.InsecureAcceptAnyCertificate(), Proxy: c})
			expect(t, sc, "+OK")
			s.Write([]byte("QUIT\r"))
			expect(t, sc, "Logging out")
		})
	}
}

// TestTelnetdThroughTelnetProxy logs in to the real telnetd peer through
// the Telnet-proxy peer with a template that carries the proxy password:
// the proxy reads it, the event log shows it masked.
func TestTelnetdThroughTelnetProxy(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	pp, lines := proxytest.TelnetProxy(t)
	cfg := proxy.Config{Kind: proxy.Telnet, Host: "127.0.0.1", Port: pp, User: "ops", Password: "pr0xy-pw",
		Command: `connect %host %port\n`}
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive, Proxy: cfg})
	if got := <-lines; got != "connect "+host+" "+port {
		t.Fatalf("the Telnet proxy read %q", got)
	}
	expect(t, sc, "Connecting to "+host+" "+port+" ... Open")
	login(t, s, sc)
	s.Write([]byte("echo via=telnet-proxy\r"))
	expect(t, sc, "via=telnet-proxy")
	if st := s.Status(); st.Proxy != "Telnet proxy "+cfg.Addr() {
		t.Fatalf("status names proxy %q", st.Proxy)
	}
	ev := s.Events().String()
	if !strings.Contains(ev, `Sending the Telnet proxy command "connect `+host+" "+port+`\n"`) {
		t.Fatalf("event log lacks the command:\n%s", ev)
	}

	// A template with %pass: the proxy gets the password, the log does not.
	cfg.Command = `connect %host %port %pass\n`
	s2, sc2, done := start(t, Config{Host: host, Port: port, Proxy: cfg})
	if got := <-lines; got != "connect "+host+" "+port+" pr0xy-pw" {
		t.Fatalf("the Telnet proxy read %q", got)
	}
	expect(t, sc2, "% Unknown command") // the peer takes three words only
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end when the proxy closed")
	}
	if ev := s2.Events().String(); strings.Contains(ev, "pr0xy-pw") || !strings.Contains(ev, "********") {
		t.Fatalf("event log shows the password, or no mask:\n%s", ev)
	}
}

// TestTelnetdThroughProxyCommand logs in to the real telnetd peer through
// `ssh -W` to a real sshd jump host; a jump host that cannot be reached
// is named with ssh's own words, which the event log also holds.
func TestTelnetdThroughProxyCommand(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	jump := proxytest.SSHJump(t)
	cfg := proxy.Config{Kind: proxy.Command, Command: proxytest.SSHCommand(jump)}
	s, sc, done := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive, Proxy: cfg})
	expect(t, sc, "Connecting through the proxy command ssh...")
	login(t, s, sc)
	s.Write([]byte("echo via=ssh-jump\r"))
	expect(t, sc, "via=ssh-jump")
	if st := s.Status(); st.Proxy != "proxy command ssh" {
		t.Fatalf("status names proxy %q", st.Proxy)
	}
	if ev := s.Events().String(); !strings.Contains(ev, "Running the proxy command \"ssh -F "+jump+" -W "+host+":"+port+" bastion\"") {
		t.Fatalf("event log lacks the command:\n%s", ev)
	}
	s.Write([]byte("exit\r"))
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v after the host closed; want nil (ssh exits 0)", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end when telnetd closed")
	}
	expect(t, sc, "Connection closed by foreign host.")

	cfg.Command = "ssh -F " + jump + " -p " + strconv.Itoa(proxytest.FreePort(t)) + " -W %host:%port bastion"
	s2, sc2, done2 := start(t, Config{Host: host, Port: port, Proxy: cfg})
	var err error
	select {
	case err = <-done2:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	var pe *proxy.Error
	if !errors.As(err, &pe) || pe.Stage != proxy.StageCommand {
		t.Fatalf("err = %v; want the proxy command's", err)
	}
	expect(t, sc2, "The proxy command exited: exit status 255 (ssh: connect to host 127.0.0.1 port")
	if ev := s2.Events().String(); !strings.Contains(ev, "Proxy command: ssh: connect to host 127.0.0.1") {
		t.Fatalf("event log lacks ssh's standard error:\n%s", ev)
	}
}
