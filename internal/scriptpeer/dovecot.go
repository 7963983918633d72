package scriptpeer

import (
	"crypto/x509"
	"net"
	"os"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/exchange"
)

// Dovecot is the real Dovecot peer started by testdata/peers/start-all.sh.
type Dovecot struct {
	Host                     string
	POP3, POP3S, IMAP, IMAPS string // ports
	Roots                    *x509.CertPool
}

// DovecotUser and DovecotPassword log in to the peer; its INBOX holds
// DovecotMessages messages, DovecotUnseen of them unseen (re-seeded at
// every start).
const (
	DovecotUser     = "alice"
	DovecotPassword = "wonderland"
	DovecotMessages = 4
	DovecotUnseen   = 2
)

// StartDovecot finds the peer from the environment start-all.sh prints;
// the test skips without it (and fails in CI).
func StartDovecot(t testing.TB) Dovecot {
	t.Helper()
	host := os.Getenv("TERN_PEER_DOVECOT")
	if host == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TERN_PEER_DOVECOT is not set: the CI must start Dovecot (testdata/peers/start-all.sh)")
		}
		t.Skip("TERN_PEER_DOVECOT not set; start the peers with: eval \"$(testdata/peers/start-all.sh)\"")
	}
	pem, err := os.ReadFile(os.Getenv("TERN_PEER_DOVECOT_CA"))
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pem)
	port := func(name, def string) string {
		if v := os.Getenv(name); v != "" {
			return v
		}
		return def
	}
	return Dovecot{Host: host, Roots: roots,
		POP3: port("TERN_PEER_DOVECOT_POP3", "2110"), POP3S: port("TERN_PEER_DOVECOT_POP3S", "2995"),
		IMAP: port("TERN_PEER_DOVECOT_IMAP", "2143"), IMAPS: port("TERN_PEER_DOVECOT_IMAPS", "2993")}
}

// Config is a raw session to the peer's port, checking the name
// "localhost", from 127.0.0.2: Dovecot counts a client on its own address
// as secure and takes passwords from it without TLS, so only from another
// address does the peer behave as it does for a real client.
func (d Dovecot) Config(port string, mode protocol.TLSMode) protocol.Config {
	cfg := Config(net.JoinHostPort(d.Host, port), d.Roots, mode)
	cfg.TLSServerName, cfg.Bind = "localhost", "127.0.0.2"
	return cfg
}

// DovecotPlan completes a login test plan for the peer: its user, and a
// timeout longer than the 2 s Dovecot waits before refusing a login.
func DovecotPlan(p exchange.Plan) exchange.Plan {
	p.User, p.Timeout = DovecotUser, 10*time.Second
	return p
}
