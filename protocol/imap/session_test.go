package imap_test

import (
	"cmp"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/imap"
)

type ex = scriptpeer.Exchange

const (
	greeting  = "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n"
	capsPlain = "* CAPABILITY IMAP4rev1 SASL-IR STARTTLS LOGINDISABLED\r\n"
	capsTLS   = "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN\r\n"
	// "\x00alice\x00secret" in base64
	plainAlice = "AGFsaWNlAHNlY3JldA=="
)

// connect runs a real raw session with a tap, after the greeting.
func connect(t *testing.T, cfg protocol.Config) (*scriptpeer.Live, *imap.Tap) {
	t.Helper()
	tap := &imap.Tap{}
	return scriptpeer.Dial(t, cfg, tap, func(r imap.Response) bool { return r.Status == "OK" }), tap
}

// client is a Client on a real raw session with cfg; it logs each step.
func client(t *testing.T, cfg protocol.Config) (*imap.Client, *scriptpeer.Live) {
	t.Helper()
	l, tap := connect(t, cfg)
	c := imap.NewClient(l, tap)
	t.Cleanup(c.Close)
	c.Timeout = 10 * time.Second
	c.OnStep = func(s imap.Step) { t.Logf("%s %s", s.Took, s.Sent) }
	return c, l
}

func plan() imap.Plan {
	return imap.Plan{User: "alice", Password: "secret", StartTLS: true, Timeout: 5 * time.Second}
}

// TestRunOverSTARTTLS asserts the exact bytes Tern wrote, the tags, that
// the credentials never showed, and the findings.
func TestRunOverSTARTTLS(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{
		{Reply: capsPlain + "A001 OK Pre-login capabilities listed, post-login capabilities have more.\r\n"},
		{Reply: "A002 OK Begin TLS negotiation now.\r\n", StartTLS: true},
		{Reply: capsTLS + "A003 OK Pre-login capabilities listed.\r\n"},
		{Reply: "A004 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n"},
		{Reply: "* STATUS INBOX (MESSAGES 12 UNSEEN 3 UIDNEXT 13 UIDVALIDITY 1700000000)\r\nA005 OK Status completed.\r\n"},
		{Reply: "* FLAGS (\\Seen)\r\n* 12 EXISTS\r\n* 0 RECENT\r\n* OK [UNSEEN 10] First unseen.\r\n* OK [UIDVALIDITY 1700000000] UIDs valid\r\nA006 OK [READ-ONLY] Examine completed.\r\n"},
		{Reply: "* BYE Logging out\r\nA007 OK Logout completed.\r\n", Close: true},
	}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	res := imap.Run(context.Background(), l, tap, plan(), nil)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	want := "A001 CAPABILITY\r\nA002 STARTTLS\r\nA003 CAPABILITY\r\nA004 AUTHENTICATE PLAIN " + plainAlice +
		"\r\nA005 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)\r\nA006 EXAMINE INBOX\r\nA007 LOGOUT\r\n"
	if got := p.Received(t); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	m := res.Mailbox
	if m.Messages != 12 || m.Unseen != 3 || m.FirstUnseen != 10 || !m.ReadOnly || m.UIDValidity != 1700000000 {
		t.Fatalf("%+v", m)
	}
	scriptpeer.Contains(t, strings.Join(res.Findings(), "\n"), "TLS: STARTTLS worked", "certificate for mail.example.test verified",
		"Login: the server accepted the login for alice over TLS 1.3 (AUTHENTICATE PLAIN).", "Mailbox: INBOX holds 12 messages, 3 unseen")
	seen := l.Transcript()
	if strings.Contains(seen, plainAlice) || !strings.Contains(seen, "A004 AUTHENTICATE PLAIN "+imap.HiddenPassword+"\r\n") {
		t.Fatalf("the session showed the credentials, or not the mask:\n%s", seen)
	}
}

// TestLoginDisabledWithholdsThePassword: no STARTTLS asked for, the server
// said LOGINDISABLED: LOGIN is not sent.
func TestLoginDisabledWithholdsThePassword(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{{Reply: capsPlain + "A001 OK done\r\n"}}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	pl := plan()
	pl.StartTLS = false
	res := imap.Run(context.Background(), l, tap, pl, nil)
	if !errors.Is(res.Err, imap.ErrLoginDisabled) || res.Login.Tried != "" {
		t.Fatalf("%v", res.Err)
	}
	l.Transcript()
	if got := p.Received(t); got != "A001 CAPABILITY\r\n" {
		t.Fatalf("got %q", got)
	}
	scriptpeer.Contains(t, strings.Join(res.Findings(), "\n"), "TLS: the server offers STARTTLS (not used in this test).",
		"Login: not tried: the server announced LOGINDISABLED")
}

// TestWrongPasswordOverImplicitTLS uses LOGIN without SASL-IR and gets
// the RFC 5530 code back, typed.
func TestWrongPasswordOverImplicitTLS(t *testing.T) {
	p := scriptpeer.Start(t, "* OK ready\r\n", []ex{
		{Reply: "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA001 OK done\r\n"},
		{Reply: "A002 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"},
	}, true)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSImplicit))
	pl := plan()
	pl.Encrypted, pl.Mechanism, pl.Password = true, "LOGIN", `se"cret`
	res := imap.Run(context.Background(), l, tap, pl, nil)
	var re *imap.ReplyError
	if !errors.As(res.Err, &re) || re.Status != "NO" || re.Code != "AUTHENTICATIONFAILED" || re.Command != "LOGIN" {
		t.Fatalf("%v", res.Err)
	}
	if got, want := p.Received(t), "A001 CAPABILITY\r\nA002 LOGIN alice \"se\\\"cret\"\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	scriptpeer.Contains(t, strings.Join(res.Findings(), "\n"), "already encrypted (IMAPS (port 993)",
		"Login: the server refused the login for alice (LOGIN, over TLS 1.3): [AUTHENTICATIONFAILED] the user name or password is wrong")
	if seen := l.Transcript(); strings.Contains(seen, "cret") {
		t.Fatalf("the session showed the password:\n%s", seen)
	}
}

// TestAuthenticateCancelsASecondChallenge: PLAIN has one step; a second
// "+" gets "*", never the credentials again. Then AUTHENTICATE PLAIN on a
// LOGINDISABLED connection sends nothing.
func TestAuthenticateCancelsASecondChallenge(t *testing.T) {
	p := scriptpeer.Start(t, "* OK ready\r\n", []ex{
		{Reply: "+ \r\n"},
		{Reply: "+ more?\r\n"},
		{Reply: "A001 BAD Authentication cancelled\r\n"},
		{Reply: "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA002 OK\r\n", Close: true},
	}, false)
	c, _ := client(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	ctx := context.Background()
	var re *imap.ReplyError
	if err := c.AuthenticatePlain(ctx, "alice", "secret"); !errors.As(err, &re) || re.Status != "BAD" {
		t.Fatalf("%v", err)
	}
	if _, err := c.Capability(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.AuthenticatePlain(ctx, "alice", "secret"); !errors.Is(err, imap.ErrLoginDisabled) {
		t.Fatalf("%v", err)
	}
	if got, want := p.Received(t), "A001 AUTHENTICATE PLAIN\r\n"+plainAlice+"\r\n*\r\nA002 CAPABILITY\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestVerbs drives each button's verb against a script: AUTHENTICATE
// without SASL-IR answers the "+", LIST reads a literal name, SELECT,
// BAD is typed, tags count up.
func TestVerbs(t *testing.T) {
	p := scriptpeer.Start(t, "* OK ready\r\n", []ex{
		{Reply: "+ \r\n"},
		{Reply: "A001 OK Logged in\r\n"},
		{Reply: "* LIST (\\HasNoChildren) \"/\" INBOX\r\n* LIST () \"/\" {6}\r\nA b/c!\r\nA002 OK List completed.\r\n"},
		{Reply: "* 4 EXISTS\r\nA003 OK [READ-WRITE] Select completed.\r\n"},
		{Reply: "A004 BAD Error in IMAP command STATUS: Invalid arguments.\r\n"},
		{Reply: "* BYE\r\nA005 OK bye\r\n", Close: true},
	}, false)
	c, l := client(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	var notes []string
	c.OnStep = func(s imap.Step) { notes = append(notes, s.Sent+" → "+s.Note) }
	ctx := context.Background()
	if err := c.AuthenticatePlain(ctx, "alice", "secret"); err != nil {
		t.Fatal(err)
	}
	boxes, err := c.List(ctx, "", "*")
	if err != nil || len(boxes) != 2 || boxes[1].Name != "A b/c!" || boxes[0].Attributes[0] != `\HasNoChildren` {
		t.Fatalf("%+v %v", boxes, err)
	}
	st, err := c.Select(ctx, "INBOX")
	if err != nil || st.Messages != 4 || st.ReadOnly {
		t.Fatalf("%+v %v", st, err)
	}
	var re *imap.ReplyError
	if _, err := c.Status(ctx, "INBOX"); !errors.As(err, &re) || re.Status != "BAD" {
		t.Fatalf("%v", err)
	}
	if err := c.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	want := "A001 AUTHENTICATE PLAIN\r\n" + plainAlice + "\r\nA002 LIST \"\" \"*\"\r\nA003 SELECT INBOX\r\n" +
		"A004 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)\r\nA005 LOGOUT\r\n"
	if got := p.Received(t); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	scriptpeer.Contains(t, strings.Join(notes, "\n"), "A004 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY) → the server did not take the command")
	if seen := l.Transcript(); strings.Contains(seen, plainAlice) || !strings.Contains(seen, imap.HiddenPassword+"\r\n") {
		t.Fatalf("the session showed the credentials:\n%s", seen)
	}
}

// Against the real Dovecot peer (testdata/peers/dovecot-start.sh).

// dovecotRun runs the login test against the real Dovecot peer.
func dovecotRun(t *testing.T, port string, mode protocol.TLSMode, pl imap.Plan) (imap.Result, string) {
	t.Helper()
	d := scriptpeer.StartDovecot(t)
	l, tap := connect(t, d.Config(cmp.Or(port, d.IMAP), mode))
	res := imap.Run(context.Background(), l, tap, scriptpeer.DovecotPlan(pl), nil)
	return res, strings.Join(res.Findings(), "\n")
}

// dovecotClient is a Client on a session to the Dovecot peer's port.
func dovecotClient(t *testing.T, port string, mode protocol.TLSMode) *imap.Client {
	t.Helper()
	d := scriptpeer.StartDovecot(t)
	c, _ := client(t, d.Config(port, mode))
	return c
}

// TestDovecotOverSTARTTLS runs the test twice: EXAMINE and STATUS must not
// mark anything seen, so both runs count the same.
func TestDovecotOverSTARTTLS(t *testing.T) {
	for run := 1; run <= 2; run++ {
		res, f := dovecotRun(t, "", protocol.TLSNone, imap.Plan{Password: scriptpeer.DovecotPassword, StartTLS: true})
		m := res.Mailbox
		if res.Err != nil || !res.TLS.Info.Verified || m.Messages != scriptpeer.DovecotMessages || m.Unseen != scriptpeer.DovecotUnseen || !m.ReadOnly {
			t.Fatalf("run %d: %v %+v\n%s", run, res.Err, m, res.Summary())
		}
		scriptpeer.Contains(t, f, "TLS: STARTTLS worked", "certificate for localhost verified",
			"Login: the server accepted the login for alice over TLS 1.3 (AUTHENTICATE PLAIN).",
			"Mailbox: INBOX holds 4 messages, 2 unseen (counted with STATUS and EXAMINE: nothing was read or marked).")
	}
}

func TestDovecotOverIMAPS(t *testing.T) {
	d := scriptpeer.StartDovecot(t)
	res, f := dovecotRun(t, d.IMAPS, protocol.TLSImplicit, imap.Plan{Password: scriptpeer.DovecotPassword, Mechanism: "LOGIN", Encrypted: true})
	if res.Err != nil || res.Mailbox.Messages != scriptpeer.DovecotMessages {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "TLS: the connection was already encrypted (IMAPS (port 993)", "accepted the login for alice over TLS 1.3 (LOGIN)")
}

func TestDovecotWrongPassword(t *testing.T) {
	res, f := dovecotRun(t, "", protocol.TLSNone, imap.Plan{Password: "not-the-password", StartTLS: true})
	var re *imap.ReplyError
	if !errors.As(res.Err, &re) || re.Status != "NO" || re.Code != "AUTHENTICATIONFAILED" || res.Counted {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "Login: the server refused the login for alice (AUTHENTICATE PLAIN, over TLS 1.3)", "password is wrong")
}

// TestDovecotLoginDisabledInClear: no STARTTLS asked for; Dovecot says
// LOGINDISABLED and Tern does not send the password.
func TestDovecotLoginDisabledInClear(t *testing.T) {
	res, f := dovecotRun(t, "", protocol.TLSNone, imap.Plan{Password: scriptpeer.DovecotPassword})
	if !errors.Is(res.Err, imap.ErrLoginDisabled) || !res.Caps.LoginDisabled || len(res.Steps) != 1 {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "TLS: the server offers STARTTLS (not used in this test).",
		"Login: not tried: the server announced LOGINDISABLED: it takes no password on this unencrypted connection")
}

// TestDovecotRefusesLoginInClear sends LOGIN by hand, as a person typing
// it would, and explains Dovecot's refusal (RFC 5530 PRIVACYREQUIRED).
func TestDovecotRefusesLoginInClear(t *testing.T) {
	d := scriptpeer.StartDovecot(t)
	c := dovecotClient(t, d.IMAP, protocol.TLSNone)
	_, done, err := c.Command(context.Background(), "LOGIN alice not-sent-in-clear", "LOGIN alice "+imap.HiddenPassword)
	var re *imap.ReplyError
	if !errors.As(err, &re) || re.Code != "PRIVACYREQUIRED" {
		t.Fatalf("%v", err)
	}
	if got := imap.Explain(done); !strings.Contains(got, "refuses this without encryption: use STARTTLS or IMAPS") {
		t.Fatalf("%q", got)
	}
}

// TestDovecotVerbs: LIST and SELECT/EXAMINE against the real server.
func TestDovecotVerbs(t *testing.T) {
	d := scriptpeer.StartDovecot(t)
	c := dovecotClient(t, d.IMAPS, protocol.TLSImplicit)
	ctx := context.Background()
	if _, err := c.Capability(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Login(ctx, scriptpeer.DovecotUser, scriptpeer.DovecotPassword); err != nil {
		t.Fatal(err)
	}
	boxes, err := c.List(ctx, "", "*")
	if err != nil || len(boxes) == 0 || boxes[0].Name != "INBOX" {
		t.Fatalf("%+v %v", boxes, err)
	}
	st, err := c.Examine(ctx, "INBOX")
	if err != nil || st.Messages != scriptpeer.DovecotMessages || st.FirstUnseen != 3 || !st.ReadOnly || st.UIDValidity <= 0 {
		t.Fatalf("%+v %v", st, err)
	}
	if err := c.Logout(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestClientRunKeepsCountingTags: a panel's Client runs the test after a
// verb; the tags go on from where the verb left them.
func TestClientRunKeepsCountingTags(t *testing.T) {
	p := scriptpeer.Start(t, "* OK ready\r\n", []ex{
		{Reply: "A001 OK [CAPABILITY IMAP4rev1] done\r\n"},
		{Reply: "* CAPABILITY IMAP4rev1 STARTTLS\r\nA002 OK done\r\n"},
		{Reply: "* BYE\r\nA003 OK bye\r\n", Close: true},
	}, false)
	c, _ := client(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	if _, err := c.Capability(context.Background()); err != nil {
		t.Fatal(err)
	}
	res := c.Run(context.Background(), imap.Plan{}, nil)
	if res.Err != nil || len(res.Steps) != 2 || c.OnStep == nil || c.Timeout != 10*time.Second {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	if got, want := p.Received(t), "A001 CAPABILITY\r\nA002 CAPABILITY\r\nA003 LOGOUT\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
