package termtab

import (
	"context"
	"net"

	"github.com/tern-telnet/tern/protocol"
)

// What a tab trusts: the unverified certificates the person accepted for
// its sessions, and where the password it keeps may be sent.

// verifier is the session's certificate decision (Config.VerifyCertificate)
// for a session to where: a certificate the person accepted earlier in
// this tab goes on; any other is put to the window, and remembered for
// the tab when accepted in time.
func (t *Tab) verifier(where string) protocol.VerifyCertificateFunc {
	return func(ctx context.Context, info protocol.TLSInfo) error {
		fp := info.Fingerprint()
		t.mu.Lock()
		seen := t.accepted[where] == fp
		t.mu.Unlock()
		if seen {
			t.Print("Going on with the unverified certificate you accepted earlier in this tab (SHA-256 " + fp + ").\r\n")
			return nil
		}
		if err := t.host.VerifyCertificate(ctx, t, where, info); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err() // too late: the session has disconnected
		}
		t.mu.Lock()
		if t.accepted == nil {
			t.accepted = map[string]string{}
		}
		t.accepted[where] = fp
		t.mu.Unlock()
		return nil
	}
}

// secretPlace is where a password may be sent: the host and port of the
// session it was given or saved for, over the TLS that session asked for.
type secretPlace struct {
	host, port string
	tls        protocol.TLSMode
	via        string // the proxy the session goes through, "" for none
}

func placeOf(cfg protocol.Config) secretPlace {
	port := cfg.Port
	if port == "" {
		port = "23"
	}
	place := secretPlace{host: cfg.Host, port: port, tls: cfg.TLS}
	if cfg.Proxy.Active() && !cfg.Proxy.Bypasses(cfg.Host) {
		place.via = cfg.Proxy.URL()
	}
	return place
}

func (p secretPlace) where() string { return net.JoinHostPort(p.host, p.port) }

// forgetPasswordUnlessFor forgets the tab's password (and enable secret)
// when the session
// about to start goes elsewhere than where it was given for.
func (t *Tab) forgetPasswordUnlessFor(p secretPlace) {
	t.mu.Lock()
	if t.havePassword && t.passwordFor != p {
		t.password, t.havePassword = "", false
	}
	if t.enable.have && t.enable.place != p {
		t.enable = tabSecret{}
	}
	t.mu.Unlock()
}
