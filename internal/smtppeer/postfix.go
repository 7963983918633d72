package smtppeer

import (
	"crypto/x509"
	"os"
	"testing"
)

// Postfix is the real Postfix that testdata/peers/start-all.sh starts
// (TERN_PEER_POSTFIX), with Roots trusting its certificate. Without the
// variable the test is skipped, or fails under CI, which must start it.
func Postfix(t testing.TB) *Peer {
	t.Helper()
	addr := os.Getenv("TERN_PEER_POSTFIX")
	if addr == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TERN_PEER_POSTFIX is not set: the CI must start Postfix (testdata/peers/start-all.sh)")
		}
		t.Skip("TERN_PEER_POSTFIX not set; start the peers with: eval \"$(testdata/peers/start-all.sh)\"")
	}
	pem, err := os.ReadFile("/etc/postfix/peer-tls/cert.pem")
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pem)
	return &Peer{Addr: addr, Roots: roots}
}
