package smtp

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// turn is one line the client sends and the server's answer to it
// ("" for none, as for the lines of a message after DATA).
type turn struct{ send, answer string }

// scriptedConn is a Conn that plays a server from a script: it records
// the bytes the session would put on the wire and what the person would
// see, and feeds each answer into its Tap.
type scriptedConn struct {
	t      *testing.T
	script []turn
	wire   strings.Builder // what the server received
	shown  strings.Builder // what the person saw
	tap    Tap
	ready  func([]byte) bool // armed for STARTTLS
	tls    bool              // the handshake happened
}

func newScripted(t *testing.T, script ...turn) *scriptedConn {
	return &scriptedConn{t: t, script: script}
}

// client is a Client of c waiting d for each reply.
func (c *scriptedConn) client(d time.Duration) *Client {
	cl := NewClient(c, &c.tap)
	cl.Timeout = d
	c.t.Cleanup(cl.Close)
	return cl
}

func (c *scriptedConn) SendLine(line string) { c.SendSecretLine(line, line) }

func (c *scriptedConn) SendSecretLine(line, shown string) {
	c.wire.WriteString(line + "\r\n")
	c.shown.WriteString(shown + "\r\n")
	if len(c.script) == 0 {
		c.tap.Close() // the server hangs up on anything unscripted
		c.script = []turn{{}}
		return
	}
	next := c.script[0]
	c.script = c.script[1:]
	if next.send != line {
		c.t.Errorf("client sent %q, the script expected %q", line, next.send)
	}
	if next.answer == "" {
		return
	}
	data := []byte(next.answer)
	c.tap.Feed(data)
	if c.ready != nil && c.ready(data) {
		c.ready, c.tls = nil, true
	}
}

func (c *scriptedConn) ArmStartTLS(ready func([]byte) bool) { c.ready = ready }

func (c *scriptedConn) WaitTLS(ctx context.Context) error {
	if !c.tls {
		return errors.New("no handshake")
	}
	return nil
}

const ehloReply = "250-mail.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n"

// TestVerbTranscripts replays a server's side of each verb and compares
// the exact bytes the client wrote.
func TestVerbTranscripts(t *testing.T) {
	plain := PlainResponse("u@example.test", "secret")
	lu, lp := LoginSteps("u@example.test", "secret")
	msg := &Message{From: "a@example.test", To: []string{"b@example.test"}, Subject: "s", Body: ".dot",
		Date: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC), ID: "id@x"}
	tests := []struct {
		name      string
		script    []turn
		do        func(context.Context, *Client) error
		wantWire  string
		wantShown string // "" means the same as wantWire
		wantCode  int    // the *ReplyError's code; 0 means no error
	}{
		{name: "RFC 5321 4.1.1.1 EHLO", script: []turn{{"EHLO me", ehloReply}},
			do: func(ctx context.Context, c *Client) error {
				caps, err := c.Hello(ctx, "me")
				if err == nil && (!caps.StartTLS || !caps.HasAuth("LOGIN")) {
					t.Errorf("caps %+v", caps)
				}
				return err
			},
			wantWire: "EHLO me\r\n"},
		{name: "RFC 5321 4.1.1.1 HELO after 502 to EHLO", script: []turn{{"EHLO me", "502 5.5.1 no\r\n"}, {"HELO me", "250 hi\r\n"}},
			do:       func(ctx context.Context, c *Client) error { _, err := c.Hello(ctx, "me"); return err },
			wantWire: "EHLO me\r\nHELO me\r\n"},
		{name: "EHLO refused with 554, no HELO", script: []turn{{"EHLO me", "554 go away\r\n"}},
			do:       func(ctx context.Context, c *Client) error { _, err := c.Hello(ctx, "me"); return err },
			wantWire: "EHLO me\r\n", wantCode: 554},
		{name: "RFC 3207 STARTTLS", script: []turn{{"STARTTLS", "220 2.0.0 go ahead\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.StartTLS(ctx) },
			wantWire: "STARTTLS\r\n"},
		{name: "RFC 3207 STARTTLS refused", script: []turn{{"STARTTLS", "454 4.7.0 TLS not available\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.StartTLS(ctx) },
			wantWire: "STARTTLS\r\n", wantCode: 454},
		{name: "RFC 4616 AUTH PLAIN", script: []turn{{"AUTH PLAIN " + plain, "235 2.7.0 ok\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.Auth(ctx, "plain", "u@example.test", "secret") },
			wantWire: "AUTH PLAIN " + plain + "\r\n", wantShown: HiddenPlain + "\r\n"},
		{name: "RFC 4954 AUTH LOGIN", script: []turn{{"AUTH LOGIN", "334 VXNlcm5hbWU6\r\n"}, {lu, "334 UGFzc3dvcmQ6\r\n"}, {lp, "235 2.7.0 ok\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.Auth(ctx, "LOGIN", "u@example.test", "secret") },
			wantWire: "AUTH LOGIN\r\n" + lu + "\r\n" + lp + "\r\n", wantShown: "AUTH LOGIN\r\n" + lu + "\r\n" + HiddenPassword + "\r\n"},
		{name: "RFC 4954 AUTH LOGIN wrong password", script: []turn{{"AUTH LOGIN", "334 VXNlcm5hbWU6\r\n"}, {lu, "334 UGFzc3dvcmQ6\r\n"}, {lp, "535 5.7.8 bad\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.Auth(ctx, "LOGIN", "u@example.test", "secret") },
			wantWire: "AUTH LOGIN\r\n" + lu + "\r\n" + lp + "\r\n", wantShown: "AUTH LOGIN\r\n" + lu + "\r\n" + HiddenPassword + "\r\n", wantCode: 535},
		{name: "RFC 4954 AUTH LOGIN not offered", script: []turn{{"AUTH LOGIN", "504 5.5.4 unknown mechanism\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.Auth(ctx, "LOGIN", "u", "p") },
			wantWire: "AUTH LOGIN\r\n", wantCode: 504},
		{name: "RFC 5321 3.3 mail transaction", script: []turn{
			{"MAIL FROM:<a@example.test>", "250 2.1.0 ok\r\n"}, {"RCPT TO:<b@example.test>", "251 will forward\r\n"},
			{"DATA", "354 go on\r\n"}, {"Date: Sun, 29 Nov 2026 12:00:00 +0000", ""}, {"Message-ID: <id@x>", ""},
			{"From: a@example.test", ""}, {"To: b@example.test", ""}, {"Subject: s", ""}, {"MIME-Version: 1.0", ""},
			{"Content-Type: text/plain; charset=utf-8", ""}, {"", ""}, {"..dot", ""}, {".", "250 2.0.0 Ok: queued as 4Yb9\r\n"},
			{"QUIT", "221 2.0.0 bye\r\n"}},
			do: func(ctx context.Context, c *Client) error {
				if err := c.Mail(ctx, "<a@example.test>"); err != nil {
					return err
				}
				if err := c.Rcpt(ctx, "b@example.test"); err != nil {
					return err
				}
				id, err := c.Data(ctx, msg)
				if id != "4Yb9" {
					t.Errorf("queue id %q", id)
				}
				if err != nil {
					return err
				}
				return c.Quit(ctx)
			},
			wantWire: "MAIL FROM:<a@example.test>\r\nRCPT TO:<b@example.test>\r\nDATA\r\n" + strings.Join(msg.DataLines(), "\r\n") + "\r\nQUIT\r\n"},
		{name: "RFC 5321 4.1.1.4 DATA refused", script: []turn{{"DATA", "554 5.5.1 no valid recipients\r\n"}},
			do:       func(ctx context.Context, c *Client) error { _, err := c.Data(ctx, msg); return err },
			wantWire: "DATA\r\n", wantCode: 554},
		{name: "RFC 5321 3.5.3 VRFY cannot verify", script: []turn{{"VRFY b@example.test", "252 2.0.0 try it\r\n"}},
			do:       func(ctx context.Context, c *Client) error { _, err := c.Verify(ctx, "b@example.test"); return err },
			wantWire: "VRFY b@example.test\r\n"},
		{name: "RFC 5321 4.1.1.5 RSET and 4.1.1.9 NOOP", script: []turn{{"RSET", "250 2.0.0 ok\r\n"}, {"NOOP", "250 2.0.0 ok\r\n"}},
			do: func(ctx context.Context, c *Client) error {
				if err := c.Reset(ctx); err != nil {
					return err
				}
				return c.Noop(ctx)
			},
			wantWire: "RSET\r\nNOOP\r\n"},
		{name: "multi-line refusal", script: []turn{{"RCPT TO:<x@y.test>", "550-5.1.1 no such user\r\n550 5.1.1 here\r\n"}},
			do:       func(ctx context.Context, c *Client) error { return c.Rcpt(ctx, "x@y.test") },
			wantWire: "RCPT TO:<x@y.test>\r\n", wantCode: 550},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := newScripted(t, tt.script...)
			c := conn.client(2 * time.Second)
			err := tt.do(context.Background(), c)
			if got := conn.wire.String(); got != tt.wantWire {
				t.Errorf("wire: got %q, want %q", got, tt.wantWire)
			}
			wantShown := tt.wantShown
			if wantShown == "" {
				wantShown = tt.wantWire
			}
			if got := conn.shown.String(); got != wantShown {
				t.Errorf("shown: got %q, want %q", got, wantShown)
			}
			var re *ReplyError
			switch {
			case tt.wantCode == 0 && err != nil:
				t.Errorf("error %v", err)
			case tt.wantCode != 0 && !errors.As(err, &re):
				t.Errorf("error %v, want a *ReplyError", err)
			case tt.wantCode != 0 && re.Reply.Code != tt.wantCode:
				t.Errorf("code %d, want %d", re.Reply.Code, tt.wantCode)
			}
			if len(conn.script) > 0 {
				t.Errorf("the script was not played to its end: %q left", conn.script)
			}
		})
	}
}

// TestReplyErrorAs: a refusal is a *ReplyError the caller can branch on,
// even wrapped; its Error states the facts (the command and the reply),
// and the step's Note says what they mean.
func TestReplyErrorAs(t *testing.T) {
	conn := newScripted(t, turn{"RCPT TO:<v@elsewhere.example>", "554 5.7.1 <v@elsewhere.example>: Relay access denied\r\n"})
	c := conn.client(time.Second)
	var steps []Step
	c.OnStep = func(s Step) { steps = append(steps, s) }
	err := c.Rcpt(context.Background(), "v@elsewhere.example")
	var re *ReplyError
	if !errors.As(wrapped(err), &re) {
		t.Fatalf("%v is not a *ReplyError", err)
	}
	if re.Command != "RCPT TO" || re.Reply.Code != 554 || re.Reply.Enhanced != "5.7.1" || re.Temporary() {
		t.Fatalf("%+v", re)
	}
	want := "smtp: RCPT TO was refused: 554 5.7.1 <v@elsewhere.example>: Relay access denied"
	if err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
	if !strings.Contains(words(err), "the server will not accept mail") {
		t.Fatalf("words: %q", words(err))
	}
	if len(steps) != 1 || steps[0].OK || steps[0].Sent != "RCPT TO:<v@elsewhere.example>" || steps[0].Note != Explain(re.Reply) {
		t.Fatalf("steps %+v", steps)
	}
}

func wrapped(err error) error { return errors.Join(errors.New("outer"), err) }

// TestVerbsWithoutReply: a closed connection, a silent server and a
// cancelled context are each told apart from a refusal.
func TestVerbsWithoutReply(t *testing.T) {
	closed := newScripted(t)
	if err := closed.client(time.Second).Noop(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("closed: %v", err)
	}
	silent := newScripted(t, turn{"NOOP", ""})
	if err := silent.client(20 * time.Millisecond).Noop(context.Background()); !errors.Is(err, ErrTimeout) {
		t.Errorf("silent: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	quiet := newScripted(t, turn{"NOOP", ""})
	if err := quiet.client(time.Second).Noop(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	none := newScripted(t)
	if err := none.client(time.Second).Auth(context.Background(), "CRAM-MD5", "u", "p"); !errors.Is(err, ErrUnsupportedAuth) || none.wire.Len() > 0 {
		t.Errorf("CRAM-MD5: %v, sent %q", err, none.wire.String())
	}
}

// TestGreeting: the 220 is waited for; anything else is a *ReplyError.
func TestGreeting(t *testing.T) {
	for _, tc := range []struct {
		banner string
		code   int
	}{{"220 mail.example.test ESMTP\r\n", 0}, {"554 5.7.1 no service\r\n", 554}} {
		conn := newScripted(t)
		c := conn.client(time.Second)
		conn.tap.Feed([]byte("not a reply\r\n" + tc.banner))
		_, err := c.Greeting(context.Background())
		var re *ReplyError
		if (tc.code == 0) != (err == nil) || (tc.code != 0 && (!errors.As(err, &re) || re.Reply.Code != tc.code)) {
			t.Errorf("%q: %v", tc.banner, err)
		}
	}
}
