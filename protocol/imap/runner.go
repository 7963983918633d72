package imap

import (
	"context"
	"errors"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Plan is a whole login test (see exchange.Plan); its Mechanism is "PLAIN"
// (AUTHENTICATE PLAIN) or "LOGIN".
type Plan = exchange.Plan

// Result is the outcome of Run. The zero value is a test that learnt nothing.
type Result struct {
	exchange.Outcome[Response]               // steps, first failure, TLS and login; Login.Tried is "AUTHENTICATE PLAIN" or "LOGIN"
	Caps                       Capabilities  // the last announced
	LoginError                 *ReplyError   // the server's refusal of the login
	Counted                    bool          // STATUS and EXAMINE answered
	Mailbox                    MailboxStatus // INBOX, from STATUS (counts) and EXAMINE (read-only)
}

// Summary lists the steps with their times, the findings and the outcome.
func (r Result) Summary() string { return exchange.Summary(r.Steps, r.Findings(), r.Err) }

// Run drives the login test through a Client on tap: CAPABILITY, STARTTLS
// when the plan asks (and CAPABILITY again), the login, STATUS and EXAMINE
// of INBOX (which read no mail and change no flag), LOGOUT. It stops at
// the first failure. progress, if not nil, sees each step as it completes.
func Run(ctx context.Context, conn Conn, tap *Tap, plan Plan, progress func(Step)) Result {
	c := NewClient(conn, tap)
	defer c.Close()
	return c.Run(ctx, plan, progress)
}

// Run is the login test on this client's session, for a panel that keeps
// one Client for its verbs and its test (IMAP tags then keep counting).
// OnStep is replaced by progress while it runs; a plan without Timeout
// keeps the client's.
func (c *Client) Run(ctx context.Context, plan Plan, progress func(Step)) Result {
	var res Result
	defer res.Attach(plan, progress, &c.Hooks)()
	res.Outcome.Run(ctx, c.conn, test{c, &res}, plan, "imap", "STARTTLS")
	res.Caps = c.Caps
	return res
}

// test is the IMAP side of exchange.Verbs.
type test struct {
	c   *Client
	res *Result
}

func (t test) Capabilities(ctx context.Context) (bool, error) {
	caps, err := t.c.Capability(ctx)
	return caps.StartTLS, err
}

func (t test) StartTLS(ctx context.Context) error { return t.c.StartTLS(ctx) }

func (t test) Login(ctx context.Context, p Plan, secure bool) (string, string, error) {
	if t.c.Caps.LoginDisabled && !secure {
		return "", "the server announced LOGINDISABLED: it takes no password on this unencrypted connection (use STARTTLS or IMAPS, port 993)", ErrLoginDisabled
	}
	var err error
	method := "LOGIN"
	if p.UsePlain(t.c.Caps.HasAuth("PLAIN")) {
		method, err = "AUTHENTICATE PLAIN", t.c.AuthenticatePlain(ctx, p.User, p.Password)
	} else {
		err = t.c.Login(ctx, p.User, p.Password)
	}
	errors.As(err, &t.res.LoginError)
	return method, "", err
}

// Count asks STATUS for the counts, then EXAMINE (read-only) to check
// INBOX opens; neither marks anything \Seen.
func (t test) Count(ctx context.Context) error {
	st, err := t.c.Status(ctx, "INBOX")
	if err != nil {
		return err
	}
	ex, err := t.c.Examine(ctx, "INBOX")
	if err != nil {
		return err
	}
	st.ReadOnly, st.FirstUnseen = ex.ReadOnly, ex.FirstUnseen
	t.res.Counted, t.res.Mailbox = true, st
	return nil
}

func (t test) Quit(ctx context.Context) error { return t.c.Logout(ctx) }
