package pop3

import (
	"context"
	"errors"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Plan is a whole login test (see exchange.Plan); its Mechanism is "PLAIN"
// (AUTH PLAIN) or "USER" (USER and PASS).
type Plan = exchange.Plan

// Result is the outcome of Run. The zero value is a test that learnt nothing.
type Result struct {
	exchange.Outcome[Reply]              // steps, first failure, TLS and login; Login.Tried is "AUTH PLAIN" or "USER/PASS"
	Caps                    Capabilities // from the last CAPA
	LoginError              *ReplyError  // the server's refusal of the login
	Counted                 bool         // STAT answered
	Maildrop                Maildrop
}

// Summary lists the steps with their times, the findings and the outcome.
func (r Result) Summary() string { return exchange.Summary(r.Steps, r.Findings(), r.Err) }

// Run drives the login test through a Client on tap: CAPA, STLS when the
// plan asks, CAPA again, the login, STAT (which reads no mail and changes
// nothing), QUIT. It stops at the first failure. progress, if not nil,
// sees each step as it completes.
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
	res.Outcome.Run(ctx, c.conn, test{c, &res}, plan, "pop3", "STLS")
	return res
}

// test is the POP3 side of exchange.Verbs.
type test struct {
	c   *Client
	res *Result
}

func (t test) Capabilities(ctx context.Context) (bool, error) {
	caps, err := t.c.Capa(ctx)
	var re *ReplyError
	if errors.As(err, &re) { // -ERR to CAPA: an old server, go on
		err = nil
	}
	t.res.Caps = caps
	return caps.STLS, err
}

func (t test) StartTLS(ctx context.Context) error { return t.c.StartTLS(ctx) }

func (t test) Login(ctx context.Context, p Plan, _ bool) (string, string, error) {
	if p.UsePlain(t.res.Caps.HasSASL("PLAIN")) {
		err := t.c.AuthPlain(ctx, p.User, p.Password)
		if errors.Is(err, ErrNoPlain) {
			return "", "the server does not offer AUTH PLAIN on this connection (it often does only after STLS)", err
		}
		return "AUTH PLAIN", "", t.refused(err)
	}
	return "USER/PASS", "", t.refused(t.c.Login(ctx, p.User, p.Password))
}

// refused keeps the server's refusal of the login for the findings.
func (t test) refused(err error) error {
	errors.As(err, &t.res.LoginError)
	return err
}

func (t test) Count(ctx context.Context) error {
	md, err := t.c.Stat(ctx)
	t.res.Counted, t.res.Maildrop = err == nil, md
	return err
}

func (t test) Quit(ctx context.Context) error { return t.c.Quit(ctx) }
