package assist

import (
	"crypto/x509"
	"net"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/imap"
	"github.com/tern-telnet/tern/protocol/pop3"
)

type ex = scriptpeer.Exchange

var (
	_ Panel = (*POP3Panel)(nil)
	_ Panel = (*IMAPPanel)(nil)
)

// template is the shipped template named name.
func template(t *testing.T, name string) profiles.Profile {
	t.Helper()
	for _, b := range profiles.Builtins() {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no template %q", name)
	return profiles.Profile{}
}

// mailTab connects a tab made from the template named name to addr,
// trusting roots for the name "mail.example.test" (the scripted peer's).
func mailTab(t *testing.T, name, addr string, roots *x509.CertPool, greeting string) *harness {
	t.Helper()
	st := settings.FromProfile(template(t, name))
	st.Engine.Host, st.Engine.Port, _ = net.SplitHostPort(addr)
	st.Engine.TLSRoots, st.Engine.TLSServerName = roots, "mail.example.test"
	return startTab(t, st, greeting)
}

// press taps a button of the panel and waits until its command has its
// answer.
func (h *harness) press(label string, idle func() bool) {
	h.t.Helper()
	for _, o := range test.LaidOutObjects(h.win.win.Content()) {
		if b, ok := isButton(o, label); ok {
			test.Tap(b)
			h.waitUntil(label+"'s answer", idle)
			return
		}
	}
	h.t.Fatalf("no button %q in the panel", label)
}

// TestPOP3ButtonsSendVerbsAndHideThePassword: CAPA, STLS (and CAPA
// again), Log in and QUIT send exactly their lines; each reply is listed
// and explained; the terminal shows the credentials hidden.
func TestPOP3ButtonsSendVerbsAndHideThePassword(t *testing.T) {
	peer := scriptpeer.Start(t, "+OK Dovecot ready.\r\n", []ex{
		{Reply: "+OK\r\nTOP\r\nUIDL\r\nUSER\r\nSTLS\r\n.\r\n"},
		{Reply: "+OK Begin TLS negotiation now.\r\n", StartTLS: true},
		{Reply: "+OK\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN\r\n.\r\n"},
		{Reply: "-ERR [AUTH] Authentication failed.\r\n"},
		{Reply: "+OK 2 320\r\n"},
		{Reply: "+OK\r\nSubject: hello\r\n..dot\r\n\r\n.\r\n"},
		{Reply: "+OK Logging out.\r\n", Close: true},
	}, false)
	h := mailTab(t, "POP3 (110)", peer.Addr, peer.Roots, "+OK")
	p := NewPOP3Panel(h.win, h.tab)
	h.open(p)
	idle := func() bool { return !p.busy }
	h.press("CAPA", idle)
	if !strings.Contains(p.caps.Text, "STLS") {
		t.Fatalf("capabilities %q", p.caps.Text)
	}
	h.press("STLS", idle)
	if !strings.Contains(p.caps.Text, "SASL PLAIN") || h.tab.Session().TLS() == nil {
		t.Fatalf("after STLS: capabilities %q, TLS %v", p.caps.Text, h.tab.Session().TLS())
	}
	p.user.SetText("alice")
	p.password.SetText("secret")
	h.press("Log in", idle)
	if want := "the user name or password is wrong"; !strings.Contains(p.Status.Text, want) || !strings.Contains(p.Detail.Text, want) {
		t.Fatalf("the refusal is not explained: status %q, detail %q", p.Status.Text, p.Detail.Text)
	}
	h.press("STAT", idle)
	p.msg.SetText("x")
	p.sendTop()
	if !strings.Contains(p.Status.Text, "message number") {
		t.Fatalf("TOP without a number: %q", p.Status.Text)
	}
	p.msg.SetText("2")
	h.press("TOP (header)", idle)
	if p.Detail.Text != "+OK\nSubject: hello\n.dot\n\n→ done: the server sent 3 lines" {
		t.Fatalf("TOP's reply shown as %q", p.Detail.Text)
	}
	h.press("QUIT", idle)
	want := "CAPA\r\nSTLS\r\nCAPA\r\nAUTH PLAIN AGFsaWNlAHNlY3JldA==\r\nSTAT\r\nTOP 2 0\r\nQUIT\r\n"
	if got := peer.Received(t); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	h.waitUntil("the session to end", func() bool { return h.tab.State() == protocol.StateClosed })
	if screen := h.tab.History(); strings.Contains(screen, "AGFsaWNlAHNlY3JldA==") || !strings.Contains(screen, pop3.HiddenPlain) {
		t.Fatalf("the terminal shows:\n%s", screen)
	}
	h.waitUntil("QUIT's reply listed", func() bool { p.Mu.Lock(); defer p.Mu.Unlock(); return len(p.Shown) == 8 })
	if !strings.HasPrefix(p.Detail.Text, "+OK Logging out.\n→ done") {
		t.Fatalf("detail %q", p.Detail.Text)
	}
}

// TestIMAPButtonsKeepTagsAndHideThePassword: the IMAP buttons tag their
// commands A001, A002… across the session; LOGIN's password is hidden on
// screen; STATUS counts the mailbox named in Mailbox.
func TestIMAPButtonsKeepTagsAndHideThePassword(t *testing.T) {
	peer := scriptpeer.Start(t, "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n", []ex{
		{Reply: "A001 OK Begin TLS negotiation now.\r\n", StartTLS: true},
		{Reply: "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA002 OK Pre-login capabilities listed.\r\n"},
		{Reply: "A003 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n"},
		{Reply: "* STATUS Archive (MESSAGES 7 UNSEEN 1)\r\nA004 OK Status completed.\r\n"},
		{Reply: "* BYE Logging out\r\nA005 OK Logout completed.\r\n", Close: true},
	}, false)
	h := mailTab(t, "IMAP (143)", peer.Addr, peer.Roots, "* OK")
	p := NewIMAPPanel(h.win, h.tab)
	h.open(p)
	if len(p.Shown) != 1 || !strings.Contains(p.caps.Text, "ask with CAPABILITY") {
		t.Fatalf("the greeting was not listed from the screen: %v", p.Shown)
	}
	idle := func() bool { return !p.busy }
	p.user.SetText("alice")
	p.password.SetText(`se"cret`)
	p.mech.SetSelectedIndex(2) // LOGIN
	p.sendLogin()
	if h.win.risky == nil {
		t.Fatal("no question before a password over an unencrypted connection")
	}
	h.win.risky(false) // Enter answers no
	h.press("STARTTLS", idle)
	h.press("Log in", idle)
	p.mailbox.SetText("Archive")
	h.press("STATUS", idle)
	if !strings.Contains(p.Status.Text, "A004 STATUS") {
		t.Fatalf("status %q", p.Status.Text)
	}
	h.press("LOGOUT", idle)
	want := "A001 STARTTLS\r\nA002 CAPABILITY\r\nA003 LOGIN alice \"se\\\"cret\"\r\n" +
		"A004 STATUS Archive (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)\r\nA005 LOGOUT\r\n"
	if got := peer.Received(t); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	h.waitUntil("the session to end", func() bool { return h.tab.State() == protocol.StateClosed })
	if screen := h.tab.History(); strings.Contains(screen, "se\\\"cret") || !strings.Contains(screen, "A003 LOGIN alice "+imap.HiddenPassword) {
		t.Fatalf("the terminal shows:\n%s", screen)
	}
}

func isButton(o any, label string) (*widget.Button, bool) {
	b, ok := o.(*widget.Button)
	return b, ok && b.Text == label
}

// mailPanelFields are a mailbox panel's fields, whichever its protocol.
type mailPanelFields struct {
	user, password *widgets.EscEntry
	Summary        *string
	run            func()
}

func (p *mailPanel[R, C]) fields() *mailPanelFields {
	return &mailPanelFields{user: p.user, password: p.password, Summary: &p.Result.Text, run: p.RunTest}
}

// TestRunTestAsksForThePasswordAndWithholdsIt: Run test with the password
// field empty asks for it; a server that does not offer STLS then gets
// no password at all, and the findings say why.
func TestRunTestAsksForThePasswordAndWithholdsIt(t *testing.T) {
	peer := scriptpeer.Start(t, "+OK ready\r\n", []ex{{Reply: "+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n"}}, false)
	h := mailTab(t, "POP3 (110)", peer.Addr, peer.Roots, "+OK")
	p := NewPOP3Panel(h.win, h.tab)
	h.open(p)
	p.user.SetText("alice")
	p.RunTest()
	var field *widgets.EscEntry
	for _, o := range h.win.onScreen() {
		if e, ok := o.(*widgets.EscEntry); ok && e.Password {
			field = e
		}
	}
	if len(h.win.dialogs) != 1 || field == nil || h.win.win.Canvas().Focused() != field {
		t.Fatal("Run test did not ask for the password, in a field with the keyboard")
	}
	test.Type(field, "secret")
	test.Tap(h.buttonLabelled("Run test"))
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	if got := peer.Received(t); got != "CAPA\r\n" {
		t.Fatalf("got %q: the password went without TLS", got)
	}
	scriptpeer.Contains(t, p.Result.Text, "Login: not tried: the server does not offer STLS, so the password would travel unencrypted; Tern did not send the password.")
	if p.password.Text != "secret" || !strings.Contains(h.win.status, "POP3: Run test stopped") {
		t.Fatalf("password field %q, status bar %q", p.password.Text, h.win.status)
	}
}

// TestMailFieldsSavedToProfile: Save fields keeps the user name and the
// login method in the saved profile, and never the password.
func TestMailFieldsSavedToProfile(t *testing.T) {
	peer := scriptpeer.Start(t, "* OK ready\r\n", nil, false)
	h := mailTab(t, "IMAP (143)", peer.Addr, peer.Roots, "* OK")
	h.tab.st.Name = "Mailbox"
	pr := settings.ToProfile("Mailbox", h.tab.st, profiles.Profile{})
	if _, err := h.win.store.Update(func(f *profiles.File) error { f.Put(pr); return nil }); err != nil {
		t.Fatal(err)
	}
	p := NewIMAPPanel(h.win, h.tab)
	h.open(p)
	p.user.SetText("alice@example.test")
	p.password.SetText("secret")
	p.mech.SetSelectedIndex(2)
	test.Tap(h.buttonLabelled("Save fields to profile"))
	f, _ := h.win.store.Load()
	pr, _ = f.Find("Mailbox")
	want := profiles.MailDefaults{User: "alice@example.test", Mechanism: "LOGIN", OpenOnConnect: true}
	if pr.Mail != want || pr.Assistant != "imap" || !strings.Contains(p.Status.Text, "Saved") {
		t.Fatalf("%+v / %q", pr, p.Status.Text)
	}
	if data, _ := os.ReadFile(h.win.store.Path); strings.Contains(string(data), "secret") {
		t.Fatalf("the password is in the profiles file:\n%s", data)
	}
}
