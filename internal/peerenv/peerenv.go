// Package peerenv finds the real test peers (inetutils and busybox
// telnetd, Postfix) that testdata/peers/start-all.sh starts and announces
// in TERN_PEER_* environment variables.
package peerenv

import (
	"net"
	"os"
	"testing"
)

// Addr returns the host and port a TERN_PEER_* variable names. Without
// it the test skips, or fails in CI, where the peers must run.
func Addr(t testing.TB, env string) (host, port string) {
	t.Helper()
	addr := os.Getenv(env)
	if addr == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set: the CI must start the real peers (testdata/peers/start-all.sh)", env)
		}
		t.Skipf("%s not set; start the peers with: eval \"$(testdata/peers/start-all.sh)\"", env)
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	return host, port
}
