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

// TestProxyInTheWindow logs in to the real telnetd peer in the window
// through microsocks (with a user and password) and tinyproxy (with Basic
// authentication), each given with -proxy, and through saved sessions'
// HTTP proxy and ssh -W jump host (a local proxy command; SOCKS 4 and the
// Telnet proxy are shown with the real telnetd in protocol's tests); a wrong proxy password shows the failing hop in the
// terminal.
func TestProxyInTheWindow(t *testing.T) {
	addr := os.Getenv("TERN_PEER_TELNETD")
	if addr == "" {
		t.Skip("TERN_PEER_TELNETD is not set: eval \"$(testdata/peers/start-all.sh)\"")
	}
	host, port, _ := strings.Cut(addr, ":")
	p, _ := strconv.Atoi(port)
	socks := proxytest.Microsocks(t, "alice", "s3cret")
	httpp := proxytest.Tinyproxy(t, "bob", "hunter2", p)
	open := proxytest.Tinyproxy(t, "", "", p) // no authentication, for the saved session
	jump := proxytest.SSHJump(t)
	for _, tt := range []struct {
		name    string
		args    func(log string) []string
		profile map[string]any
	}{
		{"socks5 -proxy", func(log string) []string {
			return []string{"-proxy", "socks5://alice:s3cret@127.0.0.1:" + strconv.Itoa(socks), "-sessionlog", log, host, port}
		}, nil},
		{"http -proxy", func(log string) []string {
			return []string{"-proxy", "http://bob:hunter2@127.0.0.1:" + strconv.Itoa(httpp), "-sessionlog", log, host, port}
		}, nil},
		{"saved session", func(log string) []string { return []string{"-load", "Behind proxy", "-sessionlog", log} },
			map[string]any{"name": "Behind proxy", "host": host, "port": port, "proxy": map[string]any{"kind": "http", "host": "127.0.0.1", "port": open}}},
		{"saved ssh jump host", func(log string) []string { return []string{"-load", "Via bastion", "-sessionlog", log} },
			map[string]any{"name": "Via bastion", "host": host, "port": port, "proxy": map[string]any{"kind": "command", "command": proxytest.SSHCommand(jump)}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "session.log")
			var env []string
			if tt.profile != nil {
				env, _ = writeProfiles(t, tt.profile)
			}
			a := LaunchWith(t, env, tt.args(log)...)
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
			a.Screenshot("60-proxy-" + strings.ReplaceAll(tt.name, " ", "-"))
		})
	}
	t.Run("wrong password", func(t *testing.T) {
		a := Launch(t, "-proxy", "socks5://alice:wrong@127.0.0.1:"+strconv.Itoa(socks), host, port)
		time.Sleep(3 * time.Second)
		a.Screenshot("61-proxy-wrong-password")
		a.AssertAlive()
	})
}
