package pop3_test

import (
	"cmp"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/pop3"
)

type ex = scriptpeer.Exchange

const (
	greeting   = "+OK Dovecot ready.\r\n"
	capaBefore = "+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nSTLS\r\nSASL\r\n.\r\n"
	capaAfter  = "+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN LOGIN\r\n.\r\n"
	// "\x00alice\x00secret" in base64
	plainAlice = "AGFsaWNlAHNlY3JldA=="
)

// connect runs a real raw session with a tap, after the greeting.
func connect(t *testing.T, cfg protocol.Config) (*scriptpeer.Live, *pop3.Tap) {
	t.Helper()
	tap := &pop3.Tap{}
	return scriptpeer.Dial(t, cfg, tap, func(r pop3.Reply) bool { return r.Status == pop3.OK }), tap
}

func plan() pop3.Plan {
	return pop3.Plan{User: "alice", Password: "secret", StartTLS: true, Timeout: 5 * time.Second}
}

// TestRunOverSTLS asserts the exact bytes Tern wrote, that the password
// never showed, and the findings.
func TestRunOverSTLS(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{
		{Reply: capaBefore},
		{Reply: "+OK Begin TLS negotiation now.\r\n", StartTLS: true},
		{Reply: capaAfter},
		{Reply: "+OK Logged in.\r\n"},
		{Reply: "+OK 3 1200\r\n"},
		{Reply: "+OK Logging out.\r\n", Close: true},
	}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	res := pop3.Run(context.Background(), l, tap, plan(), nil)
	if res.Err != nil {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	want := "CAPA\r\nSTLS\r\nCAPA\r\nAUTH PLAIN " + plainAlice + "\r\nSTAT\r\nQUIT\r\n"
	if got := p.Received(t); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if !res.TLS.Started || res.Maildrop != (pop3.Maildrop{Messages: 3, Size: 1200}) || res.TLS.Info == nil || !res.TLS.Info.Verified {
		t.Fatalf("%+v", res)
	}
	f := strings.Join(res.Findings(), "\n")
	for _, w := range []string{"TLS: STLS worked", "certificate for mail.example.test verified", "Login: the server accepted the login for alice over TLS 1.3 (AUTH PLAIN).", "Mailbox: it holds 3 messages (1.2 kB)."} {
		if !strings.Contains(f, w) {
			t.Errorf("findings lack %q:\n%s", w, f)
		}
	}
	seen := l.Transcript()
	if strings.Contains(seen, plainAlice) || !strings.Contains(seen, pop3.HiddenPlain+"\r\n") {
		t.Fatalf("the session showed the credentials, or not the mask:\n%s", seen)
	}
}

func TestWrongPasswordWithUserPass(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{
		{Reply: capaAfter},
		{Reply: "+OK\r\n"},
		{Reply: "-ERR [AUTH] Authentication failed.\r\n"},
	}, true)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSImplicit))
	pl := plan()
	pl.Mechanism, pl.Encrypted = "USER", true
	res := pop3.Run(context.Background(), l, tap, pl, nil)
	var re *pop3.ReplyError
	if !errors.As(res.Err, &re) || re.Command != "PASS" || re.Code != "AUTH" {
		t.Fatalf("%v", res.Err)
	}
	if got, want := p.Received(t), "CAPA\r\nUSER alice\r\nPASS secret\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	f := strings.Join(res.Findings(), "\n")
	if !strings.Contains(f, "already encrypted") || !strings.Contains(f, "refused the login for alice (USER/PASS, over TLS 1.3)") || !strings.Contains(f, "password is wrong") {
		t.Fatalf("findings:\n%s", f)
	}
	if seen := l.Transcript(); strings.Contains(seen, "secret") || !strings.Contains(seen, pop3.HiddenPass) {
		t.Fatalf("the session showed the password:\n%s", seen)
	}
}

// TestPasswordWithheldWithoutSTLS: STLS wanted, not offered: nothing more
// is sent, and the findings say why.
func TestPasswordWithheldWithoutSTLS(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{{Reply: "+OK\r\nUSER\r\n.\r\n"}}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	res := pop3.Run(context.Background(), l, tap, plan(), nil)
	if res.Err == nil || res.Login.Tried != "" {
		t.Fatalf("%+v", res)
	}
	l.Transcript()
	if got := p.Received(t); got != "CAPA\r\n" {
		t.Fatalf("got %q", got)
	}
	f := strings.Join(res.Findings(), "\n")
	if !strings.Contains(f, "Login: not tried: the server does not offer STLS, so the password would travel unencrypted; Tern did not send the password.") {
		t.Fatalf("findings:\n%s", f)
	}
}

// TestPlainWithheldWhenNotOffered: AUTH PLAIN asked for, CAPA does not
// list it: the credentials are not sent.
func TestPlainWithheldWhenNotOffered(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{{Reply: capaBefore}, {Reply: "+OK bye\r\n", Close: true}}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	pl := plan()
	pl.StartTLS, pl.Mechanism = false, "PLAIN"
	res := pop3.Run(context.Background(), l, tap, pl, nil)
	if !errors.Is(res.Err, pop3.ErrNoPlain) {
		t.Fatalf("%v", res.Err)
	}
	c := pop3.NewClient(l, tap)
	defer c.Close()
	if err := c.Quit(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := p.Received(t); got != "CAPA\r\nQUIT\r\n" {
		t.Fatalf("got %q", got)
	}
	scriptpeer.Contains(t, strings.Join(res.Findings(), "\n"), "Login: not tried: the server does not offer AUTH PLAIN on this connection")
}

// TestVerbs drives each button's verb against a script.
func TestVerbs(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{
		{Reply: "+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n"},
		{Reply: "+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n"},
		{Reply: "+OK\r\nSubject: hi\r\n..dotted\r\n\r\n.\r\n"},
		{Reply: "-ERR [IN-USE] locked\r\n"},
		{Reply: "+OK bye\r\n", Close: true},
	}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	c := pop3.NewClient(l, tap)
	defer c.Close()
	c.Timeout = 5 * time.Second
	var steps []string
	c.OnStep = func(s pop3.Step) { steps = append(steps, s.Name+": "+s.Note) }
	ctx := context.Background()
	list, err := c.List(ctx)
	if err != nil || !reflect.DeepEqual(list, []pop3.Listing{{1, "120"}, {2, "200"}}) {
		t.Fatalf("%v %v", list, err)
	}
	uids, err := c.UIDL(ctx)
	if err != nil || len(uids) != 2 || uids[1].Value != "QhdPYR:00WBw1Ph7x7" {
		t.Fatalf("%v %v", uids, err)
	}
	top, err := c.Top(ctx, 1, 0)
	if err != nil || !reflect.DeepEqual(top, []string{"Subject: hi", ".dotted", ""}) {
		t.Fatalf("%q %v", top, err)
	}
	var re *pop3.ReplyError
	if _, err := c.Stat(ctx); !errors.As(err, &re) || re.Code != "IN-USE" {
		t.Fatalf("%v", err)
	}
	if err := c.Quit(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := p.Received(t), "LIST\r\nUIDL\r\nTOP 1 0\r\nSTAT\r\nQUIT\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if len(steps) != 5 || !strings.Contains(steps[3], "another session") {
		t.Fatalf("%q", steps)
	}
}

// TestUnterminatedListEnds: a server that never ends LIST with its "."
// (issue 24 item 12) gets a clear error after the timeout, and the next
// command's reply is read as a reply again (before, every later answer was
// taken for more of the list until reconnect).
func TestUnterminatedListEnds(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{
		{Reply: "+OK 2 messages\r\n1 120\r\n2 200\r\n"}, // no "."
		{Reply: "+OK 2 320\r\n"},
		{Reply: "+OK\r\n1 120\r\n"}, // no "." again
		{Reply: "+OK bye\r\n", Close: true},
	}, false)
	l, tap := connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone))
	c := pop3.NewClient(l, tap)
	defer c.Close()
	c.Timeout = 300 * time.Millisecond
	var notes []string
	c.OnStep = func(s pop3.Step) { notes = append(notes, s.Note) }
	ctx := context.Background()
	list, err := c.List(ctx)
	if !errors.Is(err, pop3.ErrUnterminated) || len(list) != 0 {
		t.Fatalf("%v %v", list, err)
	}
	c.Timeout = 5 * time.Second
	if md, err := c.Stat(ctx); err != nil || md.Messages != 2 {
		t.Fatalf("after the unterminated list: %+v %v", md, err)
	}
	// An open answer also ends when the next command is sent: the view
	// sees it marked, the verb gets its own reply.
	views, stop := tap.Subscribe()
	defer stop()
	c.Timeout = 300 * time.Millisecond
	_, _ = c.List(ctx)
	c.Timeout = 5 * time.Second
	if err := c.Quit(ctx); err != nil {
		t.Fatal(err)
	}
	var unterminated int
	for r := range views {
		if r.Unterminated {
			unterminated++
			if !strings.Contains(pop3.Explain(r), "never the \".\" line") {
				t.Fatalf("%q", pop3.Explain(r))
			}
		}
	}
	if unterminated != 1 || !strings.Contains(notes[0], "did not end with its \".\" line: 2 lines") {
		t.Fatalf("%d unterminated; notes %q", unterminated, notes)
	}
}

// TestArmedDuringARead: a client that arms STLS as soon as it sees a
// reply (inside OnData) must not make the session take that same read,
// which also holds "+OK", for the go-ahead.
func TestArmedDuringARead(t *testing.T) {
	p := scriptpeer.Start(t, greeting, []ex{{Reply: "+OK Begin TLS negotiation now.\r\n", StartTLS: true}}, false)
	var l *scriptpeer.Live
	armed, made := make(chan struct{}), make(chan struct{})
	feed := func(b []byte) {
		<-made
		select {
		case <-armed:
		default:
			l.ArmStartTLS(pop3.StartTLSReady) // on the greeting's read, as a fast client could
			close(armed)
		}
	}
	l = scriptpeer.Connect(t, scriptpeer.Config(p.Addr, p.Roots, protocol.TLSNone), feed, func() {})
	close(made)
	<-armed
	l.SendLine("STLS")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := l.WaitTLS(ctx); err != nil {
		t.Fatalf("%v\n%s", err, l.Transcript())
	}
}

// Against the real Dovecot peer (testdata/peers/dovecot-start.sh).

// dovecotRun runs the login test against the real Dovecot peer.
func dovecotRun(t *testing.T, port string, mode protocol.TLSMode, pl pop3.Plan) (pop3.Result, string) {
	t.Helper()
	d := scriptpeer.StartDovecot(t)
	l, tap := connect(t, d.Config(cmp.Or(port, d.POP3), mode))
	res := pop3.Run(context.Background(), l, tap, scriptpeer.DovecotPlan(pl), nil)
	return res, strings.Join(res.Findings(), "\n")
}

func TestDovecotOverSTLS(t *testing.T) {
	res, f := dovecotRun(t, "", protocol.TLSNone, pop3.Plan{Password: scriptpeer.DovecotPassword, StartTLS: true})
	if res.Err != nil || !res.TLS.Info.Verified || res.Maildrop.Messages != scriptpeer.DovecotMessages {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "TLS: STLS worked", "certificate for localhost verified",
		"Login: the server accepted the login for alice over TLS 1.3 (AUTH PLAIN).", "Mailbox: it holds 4 messages (")
}

func TestDovecotOverPOP3S(t *testing.T) {
	d := scriptpeer.StartDovecot(t)
	res, f := dovecotRun(t, d.POP3S, protocol.TLSImplicit, pop3.Plan{Password: scriptpeer.DovecotPassword, Mechanism: "USER", Encrypted: true})
	if res.Err != nil || res.Maildrop.Messages != scriptpeer.DovecotMessages {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "TLS: the connection was already encrypted (POP3S (port 995)", "accepted the login for alice over TLS 1.3 (USER/PASS)")
}

func TestDovecotWrongPassword(t *testing.T) {
	res, f := dovecotRun(t, "", protocol.TLSNone, pop3.Plan{Password: "not-the-password", StartTLS: true})
	var re *pop3.ReplyError
	if !errors.As(res.Err, &re) || re.Code != "AUTH" || res.Counted {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "Login: the server refused the login for alice (AUTH PLAIN, over TLS 1.3)", "password is wrong")
}

// TestDovecotRefusesInClear: no STLS asked for; Dovecot offers no password
// login before TLS and refuses USER, so the password is never sent.
func TestDovecotRefusesInClear(t *testing.T) {
	res, f := dovecotRun(t, "", protocol.TLSNone, pop3.Plan{Password: scriptpeer.DovecotPassword})
	var re *pop3.ReplyError
	if !errors.As(res.Err, &re) || re.Command != "USER" || len(res.Steps) != 2 {
		t.Fatalf("%v\n%s", res.Err, res.Summary())
	}
	scriptpeer.Contains(t, f, "TLS: the server offers STLS (not used in this test).",
		"Login: the server refused the login for alice (USER/PASS, unencrypted)", "refuses passwords on an unencrypted connection: send STLS first")
}
