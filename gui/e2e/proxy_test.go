//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/proxy/proxytest"
)

// TestProxyFromCommandLine logs in to the real telnetd peer in the window
// through microsocks (with a user and password) and tinyproxy, each given
// with -proxy; a wrong proxy password shows the failing hop in the
// terminal.
func TestProxyFromCommandLine(t *testing.T) {
	addr := os.Getenv("TERN_PEER_TELNETD")
	if addr == "" {
		t.Skip("TERN_PEER_TELNETD is not set: eval \"$(testdata/peers/start-all.sh)\"")
	}
	host, port, _ := strings.Cut(addr, ":")
	p, _ := strconv.Atoi(port)
	socks := proxytest.Microsocks(t, "alice", "s3cret")
	httpp := proxytest.Tinyproxy(t, "bob", "hunter2", p)
	for _, tt := range []struct{ name, url string }{
		{"socks5", "socks5://alice:s3cret@127.0.0.1:" + strconv.Itoa(socks)},
		{"http", "http://bob:hunter2@127.0.0.1:" + strconv.Itoa(httpp)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "session.log")
			a := Launch(t, "-proxy", tt.url, "-sessionlog", log, host, port)
			read := func() string { b, _ := os.ReadFile(log); return string(b) }
			Eventually(t, "telnetd's login prompt through the proxy", func() bool { return strings.Contains(read(), "login:") })
			a.Click(400, 300)
			a.Type("tester")
			a.Key("Return")
			Eventually(t, "the password prompt", func() bool { return strings.Contains(read(), "Password:") })
			a.Type("secret")
			a.Key("Return")
			Eventually(t, "the shell", func() bool { return strings.Contains(read(), "peer$") })
			a.Type("echo through-$((6*7))")
			a.Key("Return")
			Eventually(t, "the command's output", func() bool { return strings.Contains(read(), "through-42") })
			time.Sleep(time.Second)
			a.Screenshot("60-proxy-" + tt.name)
		})
	}
	t.Run("wrong password", func(t *testing.T) {
		a := Launch(t, "-proxy", "socks5://alice:wrong@127.0.0.1:"+strconv.Itoa(socks), host, port)
		time.Sleep(3 * time.Second)
		a.Screenshot("61-proxy-wrong-password")
		a.AssertAlive()
	})
}
