package assist

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/protocol"
)

// dovecotTab connects a tab made from the template named name to the
// real Dovecot peer's port, from 127.0.0.2 (so that Dovecot does not
// count Tern as local and secure), trusting the peer's certificate.
func dovecotTab(t *testing.T, name, port, greeting string) *harness {
	t.Helper()
	d := scriptpeer.StartDovecot(t)
	cfg := d.Config(port, protocol.TLSStartTLS)
	st := settings.FromProfile(template(t, name))
	e := &st.Engine
	e.Host, e.Port, e.Bind, e.TLSRoots, e.TLSServerName = cfg.Host, cfg.Port, cfg.Bind, cfg.TLSRoots, cfg.TLSServerName
	return startTab(t, st, greeting)
}

// mailRunTests is a Run test against Dovecot: the right password, then a
// wrong one on a new connection (the first test ended the session).
var mailRunTests = []struct {
	template, greeting string
	port               func(scriptpeer.Dovecot) string
	open               func(h *harness) *mailPanelFields
	passed, refused    []string
}{
	{
		template: "POP3 (110)", greeting: "+OK", port: func(d scriptpeer.Dovecot) string { return d.POP3 },
		open: func(h *harness) *mailPanelFields { p := NewPOP3Panel(h.win, h.tab); h.open(p); return p.fields() },
		passed: []string{"TLS: STLS worked; everything after it was encrypted.", "certificate for localhost verified",
			"Login: the server accepted the login for alice over TLS", "Mailbox: it holds 4 messages", "All steps passed."},
		refused: []string{"Login: the server refused the login for alice (AUTH PLAIN, over TLS", "the user name or password is wrong"},
	},
	{
		template: "IMAP (143)", greeting: "* OK", port: func(d scriptpeer.Dovecot) string { return d.IMAP },
		open: func(h *harness) *mailPanelFields { p := NewIMAPPanel(h.win, h.tab); h.open(p); return p.fields() },
		passed: []string{"TLS: STARTTLS worked; everything after it was encrypted.", "certificate for localhost verified",
			"Login: the server accepted the login for alice over TLS", "Mailbox: INBOX holds 4 messages, 2 unseen", "All steps passed."},
		refused: []string{"Login: the server refused the login for alice (AUTHENTICATE PLAIN, over TLS", "[AUTHENTICATIONFAILED] the user name or password is wrong"},
	},
	{
		template: "POP3S (995, implicit TLS)", greeting: "+OK", port: func(d scriptpeer.Dovecot) string { return d.POP3S },
		open: func(h *harness) *mailPanelFields { p := NewPOP3Panel(h.win, h.tab); h.open(p); return p.fields() },
		passed: []string{"TLS: the connection was already encrypted (POP3S (port 995)", "certificate for localhost verified",
			"Mailbox: it holds 4 messages"},
		refused: []string{"the user name or password is wrong"},
	},
	{
		template: "IMAPS (993, implicit TLS)", greeting: "* OK", port: func(d scriptpeer.Dovecot) string { return d.IMAPS },
		open: func(h *harness) *mailPanelFields { p := NewIMAPPanel(h.win, h.tab); h.open(p); return p.fields() },
		passed: []string{"TLS: the connection was already encrypted (IMAPS (port 993)", "certificate for localhost verified",
			"Mailbox: INBOX holds 4 messages, 2 unseen"},
		refused: []string{"[AUTHENTICATIONFAILED] the user name or password is wrong"},
	},
}

// TestMailRunTestAgainstDovecot proves a mailbox login over STLS,
// STARTTLS and implicit TLS against the real Dovecot, then explains a
// wrong password; the terminal never shows either password.
func TestMailRunTestAgainstDovecot(t *testing.T) {
	for _, tt := range mailRunTests {
		t.Run(tt.template, func(t *testing.T) {
			h := dovecotTab(t, tt.template, tt.port(scriptpeer.StartDovecot(t)), tt.greeting)
			p := tt.open(h)
			p.user.SetText(scriptpeer.DovecotUser)
			p.password.SetText(scriptpeer.DovecotPassword)
			p.run()
			h.waitFor("the summary", 20*time.Second, func() bool { return *p.Summary != "" })
			scriptpeer.Contains(t, *p.Summary, tt.passed...)
			h.win.closeFront()
			h.waitUntil("the server to close after the goodbye", func() bool { return h.tab.State() == protocol.StateClosed })

			*p.Summary = ""
			p.password.SetText("not-the-password")
			p.run()
			h.waitFor("the second summary", 20*time.Second, func() bool { return *p.Summary != "" })
			scriptpeer.Contains(t, *p.Summary, tt.refused...)
			if why := tt.refused[len(tt.refused)-1]; !strings.Contains(h.win.status, "Run test stopped") || !strings.Contains(h.win.status, why) {
				t.Fatalf("status bar %q", h.win.status)
			}
			for _, secret := range []string{scriptpeer.DovecotPassword, "not-the-password",
				base64.StdEncoding.EncodeToString([]byte("\x00alice\x00" + scriptpeer.DovecotPassword))} {
				if strings.Contains(h.tab.History(), secret) {
					t.Fatalf("the terminal shows %q:\n%s", secret, h.tab.History())
				}
			}
		})
	}
}
