package panel

import (
	"fmt"
	"net"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/protocol"
)

// The password field is bound to where its password was given or saved
// for: the host, port and TLS of the tab's session then. When the tab's
// Session goes elsewhere (Edit and reconnect, open at the telnet>
// prompt), the field is emptied before any command could send it there.

// placeOf is where a session goes, as the password field's binding: its
// host, port, TLS and the proxy it goes through.
func placeOf(cfg protocol.Config) string {
	port := cfg.Port
	if port == "" {
		port = "23"
	}
	via := ""
	if cfg.Proxy.Active() && !cfg.Proxy.Bypasses(cfg.Host) {
		via = cfg.Proxy.URL()
	}
	return fmt.Sprintf("%s tls=%d via=%s", net.JoinHostPort(cfg.Host, port), cfg.TLS, via)
}

// bindPassword ties the panel's password field to the tab's session now.
func (b *Base) bindPassword(pw *widgets.EscEntry) {
	b.pw, b.pwFor = pw, placeOf(b.Tab.Settings().Engine)
}

// PasswordStillHere reports whether the password field may go to a
// Session configured as cfg; when not, it empties the field, says why,
// and binds it to cfg (UI goroutine).
func (b *Base) PasswordStillHere(cfg protocol.Config) bool {
	at := placeOf(cfg)
	if b.pw == nil || at == b.pwFor {
		return true
	}
	b.pwFor = at
	if b.pw.Text == "" {
		return true
	}
	b.pw.SetText("")
	b.Say(fmt.Sprintf("The password field was emptied: the session now goes to %s, not to the server the password was given for. Type the password for this server.", net.JoinHostPort(cfg.Host, cfg.Port)))
	return false
}
