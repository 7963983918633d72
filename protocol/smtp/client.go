package smtp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Client is one SMTP conversation over a live session: each method is a
// verb that sends its command, waits for the reply and returns a
// *ReplyError when the reply's code is not the wanted one. A timeout
// wraps ErrTimeout, a closed connection is ErrClosed, a cancelled ctx
// wraps ctx.Err(), an argument holding CR, LF or NUL is an
// *exchange.LineBreakError (nothing sent). Verbs are called one at a
// time, from one goroutine. POP3's and IMAP's clients have the same
// shape: NewClient(conn, tap), Timeout, OnStep, Close.
type Client struct {
	conn Conn
	sub  exchange.Subscription[Reply]

	// Timeout bounds the wait for each reply (0 means DefaultTimeout);
	// OnStep, if not nil, sees each step as it completes.
	exchange.Hooks[Reply]
}

// DefaultTimeout is how long a verb waits for a reply when the client's
// Timeout is 0.
const DefaultTimeout = exchange.DefaultTimeout

// NewClient makes a conversation over conn that reads the server's
// replies from tap, listening from now on: make it before the command
// whose reply it wants (before the connection opens, for Greeting).
// Close it when done.
func NewClient(conn Conn, tap *Tap) *Client {
	return &Client{conn: conn, sub: exchange.Subscribe[Reply](tap)}
}

// Close stops listening to the session; it sends nothing.
func (c *Client) Close() { c.sub.Close() }

// Greeting waits for the server's 220 greeting (RFC 5321 section 4.3.1),
// for a conversation subscribed before the connection opened. It sends
// nothing and records no step.
func (c *Client) Greeting(ctx context.Context) (Reply, error) {
	r, err := c.wait(ctx)
	if err == nil && r.Code != 220 {
		err = &ReplyError{Command: "greeting", Reply: r}
	}
	return r, err
}

// Hello sends EHLO name and returns the capabilities it announced; a
// server that does not understand EHLO (500 or 502) is sent HELO, and
// the capabilities are then empty (RFC 5321 section 4.1.1.1).
func (c *Client) Hello(ctx context.Context, name string) (Capabilities, error) {
	if err := exchange.CheckArgs("smtp", "EHLO", "name", name); err != nil {
		return Capabilities{}, err
	}
	reply, err := c.step(ctx, "EHLO", "EHLO "+name, "", 250)
	if err == nil {
		return ParseEHLO(reply), nil
	}
	if reply.Code == 500 || reply.Code == 502 {
		_, err = c.step(ctx, "HELO", "HELO "+name, "", 250)
	}
	return Capabilities{}, err
}

// StartTLS sends STARTTLS and, after the server's 220, waits for the
// session's TLS handshake (RFC 3207). It does not send EHLO again: the
// caller must, since the server forgets what it was told before TLS and
// may announce different capabilities after it (RFC 3207 section 4.2).
//
// A refused STARTTLS disarms the session: no later 220 starts a
// handshake. Replies that came in clear before the handshake (a server,
// or someone in between, may append a forged EHLO answer to its 220:
// CVE-2021-29969's class) are dropped, so that every later reply is one
// that came over TLS.
func (c *Client) StartTLS(ctx context.Context) error {
	c.conn.ArmStartTLS(startTLSGate())
	if _, err := c.step(ctx, "STARTTLS", "STARTTLS", "", 220); err != nil {
		if d, ok := c.conn.(interface{ DisarmStartTLS() }); ok {
			d.DisarmStartTLS()
		}
		return err
	}
	// The session bounds the handshake (its connect timeout) and the
	// certificate question (Config.VerifyTimeout): a person reading the
	// certificate gets that whole time, not one reply's.
	if err := c.conn.WaitTLS(ctx); err != nil {
		return fmt.Errorf("smtp: TLS failed: %w", err)
	}
	c.drain()
	return nil
}

// drain drops the replies waiting unread.
func (c *Client) drain() { c.sub.Drain(nil) }

// Auth logs in with mech PLAIN (RFC 4616, the default when mech is "")
// or LOGIN (RFC 4954 with the LOGIN prompts), sending the credentials
// with SendSecretLine so that the person sees HiddenPlain or
// HiddenPassword in their place. Any other mechanism is
// ErrUnsupportedAuth.
func (c *Client) Auth(ctx context.Context, mech, user, pass string) error {
	if err := exchange.CheckArgs("smtp", "AUTH", "user name", user, "password", pass); err != nil {
		return err
	}
	switch strings.ToUpper(mech) {
	case "", "PLAIN":
		_, err := c.step(ctx, "AUTH", "AUTH PLAIN "+PlainResponse(user, pass), HiddenPlain, 235)
		return err
	case "LOGIN":
		u, p := LoginSteps(user, pass)
		if _, err := c.step(ctx, "AUTH", "AUTH LOGIN", "", 334); err != nil {
			return err
		}
		if _, err := c.step(ctx, "AUTH user", u, "", 334); err != nil {
			return err
		}
		_, err := c.step(ctx, "AUTH pass", p, HiddenPassword, 235)
		return err
	}
	return fmt.Errorf("%w: %q", ErrUnsupportedAuth, mech)
}

// What the person sees instead of the credentials AUTH sends.
const (
	HiddenPlain    = "AUTH PLAIN ‹credentials hidden›"
	HiddenPassword = "‹password hidden›"
)

// Mail starts a transaction for sender from ("" or "<>" is the null
// sender), wanting 250 (RFC 5321 section 3.3).
func (c *Client) Mail(ctx context.Context, from string) error {
	if err := exchange.CheckArgs("smtp", "MAIL FROM", "sender", from); err != nil {
		return err
	}
	_, err := c.step(ctx, "MAIL FROM", "MAIL FROM:<"+strings.Trim(from, "<>")+">", "", 250)
	return err
}

// Rcpt adds the recipient to, wanting 250 or 251.
func (c *Client) Rcpt(ctx context.Context, to string) error {
	if err := exchange.CheckArgs("smtp", "RCPT TO", "recipient", to); err != nil {
		return err
	}
	_, err := c.step(ctx, "RCPT TO", "RCPT TO:<"+strings.Trim(to, "<>")+">", "", 250, 251)
	return err
}

// Data sends DATA, then, after the server's 354, the message dot-stuffed
// and ended with "." (RFC 5321 section 4.5.2). It returns the queue ID
// the server named in its 250, or "" when it named none.
func (c *Client) Data(ctx context.Context, m *Message) (queueID string, err error) {
	// A header holding a line break would end the header early, or even
	// the message (a "." line) and smuggle in commands after it.
	if err := exchange.CheckArgs("smtp", "DATA", "sender", m.From, "recipients", strings.Join(m.To, ", "),
		"subject", m.Subject, "message ID", m.ID, "host", m.Host); err != nil {
		return "", err
	}
	if _, err := c.step(ctx, "DATA", "DATA", "", 354); err != nil {
		return "", err
	}
	lines := m.DataLines()
	for _, l := range lines[:len(lines)-1] {
		c.conn.SendLine(l)
	}
	reply, err := c.step(ctx, "message", ".", "", 250)
	if err != nil {
		return "", err
	}
	return QueueID(reply), nil
}

// Quit ends the conversation, wanting 221.
func (c *Client) Quit(ctx context.Context) error {
	_, err := c.step(ctx, "QUIT", "QUIT", "", 221)
	return err
}

// Verify asks whether addr is a mailbox (VRFY); 250, 251 and 252 (cannot
// verify, will try) are answers, returned with the reply.
func (c *Client) Verify(ctx context.Context, addr string) (Reply, error) {
	if err := exchange.CheckArgs("smtp", "VRFY", "address", addr); err != nil {
		return Reply{}, err
	}
	return c.step(ctx, "VRFY", "VRFY "+addr, "", 250, 251, 252)
}

// Reset aborts the current transaction (RSET), wanting 250.
func (c *Client) Reset(ctx context.Context) error {
	_, err := c.step(ctx, "RSET", "RSET", "", 250)
	return err
}

// Noop asks the server to do nothing (NOOP), wanting 250.
func (c *Client) Noop(ctx context.Context) error {
	_, err := c.step(ctx, "NOOP", "NOOP", "", 250)
	return err
}

// step sends line (shown to the person as shown, when not "") and waits
// for a reply with one of the wanted codes, recording the step.
func (c *Client) step(ctx context.Context, name, line, shown string, want ...int) (Reply, error) {
	start := time.Now()
	shown = exchange.Send(c.conn, line, shown)
	reply, err := c.wait(ctx)
	s := Step{Name: name, Sent: shown, Reply: reply, Took: time.Since(start)}
	if err == nil {
		s.OK = wanted(reply.Code, want)
		s.Note = Explain(reply)
		if !s.OK {
			err = &ReplyError{Command: name, Reply: reply}
		}
	} else {
		s.Note = words(err)
	}
	c.Report(s)
	return reply, err
}

func wanted(code int, want []int) bool {
	for _, w := range want {
		if code == w {
			return true
		}
	}
	return false
}

// wait returns the next SMTP reply, skipping lines that are not replies.
func (c *Client) wait(ctx context.Context) (Reply, error) {
	r, err := c.sub.Next(ctx, c.Wait(), func(r Reply) bool { return r.Code != 0 }, ErrClosed, ErrTimeout)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		err = fmt.Errorf("smtp: %w", err)
	}
	return r, err
}
