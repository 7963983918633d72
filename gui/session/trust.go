package session

import (
	"context"
	"net"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// What a controller trusts: the unverified certificates the person
// accepted for its sessions, and where the password it keeps may be sent.

// secrets are what the person gave the controller's sessions; the
// Controller's mu guards them.
type secrets struct {
	password     string      // the logon's password, once given (see logon.go)
	passwordFor  secretPlace // where password may go
	havePassword bool
	enable       heldSecret // the logon's enable secret, once given (secrets.go)
	// accepted are the unverified certificates the person let the
	// sessions go on with (host:port → SHA-256 fingerprint): a reconnect
	// to the same certificate does not ask again; another one does.
	accepted map[string]string
	// home is where the first session went: the profile's keychain
	// password goes there only.
	home secretPlace
}

// arrive notes that a session to place starts: the first place is home,
// and a password given for another place is forgotten. It reports
// whether place is home.
func (c *Controller) arrive(place secretPlace) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := &c.secrets
	if s.home == (secretPlace{}) {
		s.home = place
	}
	if s.havePassword && s.passwordFor != place {
		s.password, s.havePassword = "", false
	}
	if s.enable.have && s.enable.place != place {
		s.enable = heldSecret{}
	}
	return s.home == place
}

// verifier is the session's certificate decision (Config.VerifyCertificate)
// for a session to where: a certificate the person accepted earlier goes
// on; any other is put to the host, and remembered when accepted in time.
func (c *Controller) verifier(where string) tlscheck.VerifyCertificateFunc {
	return func(ctx context.Context, info tlscheck.Info) error {
		fp := info.Fingerprint()
		c.mu.Lock()
		seen := c.secrets.accepted[where] == fp
		c.mu.Unlock()
		if seen {
			c.Print("Going on with the unverified certificate you accepted earlier in this tab (SHA-256 " + fp + ").\r\n")
			return nil
		}
		if err := c.host.VerifyCertificate(ctx, where, info); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err() // too late: the session has disconnected
		}
		c.mu.Lock()
		if c.secrets.accepted == nil {
			c.secrets.accepted = map[string]string{}
		}
		c.secrets.accepted[where] = fp
		c.mu.Unlock()
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
