package smtp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Conn is the live session as the test conversation drives it (see
// exchange.Conn); Run arms STARTTLS with StartTLSReady.
type Conn = exchange.Conn

// Auth is what AUTH sends.
type Auth struct {
	Mechanism      string // PLAIN (default) or LOGIN
	User, Password string
}

// Plan is a whole test conversation.
type Plan struct {
	EHLO     string
	StartTLS bool
	Auth     *Auth
	From     string
	To       []string
	Message  *Message      // nil stops after RCPT TO
	Timeout  time.Duration // per reply; 0 means DefaultTimeout (30 s)
	// Encrypted says the connection is already TLS (implicit TLS, or a
	// STARTTLS sent by hand): StartTLS is then skipped.
	Encrypted bool
	// TLSOptional switches to TLS whenever the server offers STARTTLS,
	// before AUTH (swaks --tls-optional); StartTLS requires it.
	TLSOptional bool
	// ConfirmPlaintext is asked before the credentials would cross a
	// connection that is not encrypted; true sends them. nil (or false)
	// sends no password then: the test stops before AUTH, saying why.
	ConfirmPlaintext func(ctx context.Context) bool
}

// Step is one command and its reply.
type Step = exchange.Step[Reply]

// Result is the outcome of Run.
type Result struct {
	Steps   []Step
	Caps    Capabilities // from the last EHLO
	QueueID string
	Err     error // the first failure, in words; nil when all passed

	// What the test learnt, for Findings.
	Greeted         bool     // EHLO or HELO was accepted
	Encrypted       bool     // already TLS before the test (from the plan)
	OfferedStartTLS bool     // the first EHLO announced STARTTLS
	TriedStartTLS   bool     // the plan asked for STARTTLS and the server offered it
	StartedTLS      bool     // the STARTTLS handshake succeeded
	TriedAuth       string   // the mechanism tried, "" when none was
	AuthOK          bool     // the server accepted the credentials
	Accepted        []string // recipients the server took
	Refused         []string // recipients it refused
	// TLSDetail is set by the caller, who holds the connection: what
	// protects it (version, cipher, certificate), shown with the TLS finding.
	TLSDetail string
}

// Summary lists the steps with their times and the outcome.
func (r Result) Summary() string {
	var b strings.Builder
	for _, s := range r.Steps {
		exchange.StepLine(&b, s.Name, s.OK, s.Took, s.Reply.String())
	}
	exchange.Findings(&b, r.Findings())
	switch {
	case r.Err != nil:
		fmt.Fprintf(&b, "Stopped: %s\n", words(r.Err))
	case r.QueueID != "":
		fmt.Fprintf(&b, "The server accepted the message (queue ID %s).\n", r.QueueID)
	default:
		b.WriteString("All steps passed.\n")
	}
	return b.String()
}

// Run drives the conversation through a Client on tap: the Client's
// verbs in order, waiting for each reply; it stops at the first failure.
// progress, if not nil, sees each step as it completes.
func Run(ctx context.Context, conn Conn, tap *Tap, plan Plan, progress func(Step)) Result {
	c := NewClient(conn, tap)
	defer c.Close()
	return c.Run(ctx, plan, progress)
}

// Run is the test conversation on this client's session. Replies already
// waiting when it starts are from before the test and are dropped.
// OnStep is replaced by progress while it runs; a plan without Timeout
// keeps the client's.
func (c *Client) Run(ctx context.Context, plan Plan, progress func(Step)) Result {
	c.drain()
	r := &runner{ctx: ctx, c: c}
	r.res.Encrypted = plan.Encrypted
	defer c.Use(plan.Timeout, exchange.Recorder(&r.res.Steps, progress))()
	r.res.Err = r.run(plan)
	return r.res
}

// runner is one Run: the client and what the test learnt so far.
type runner struct {
	ctx context.Context
	c   *Client
	res Result
}

func (r *runner) run(p Plan) error {
	if err := r.greet(p.EHLO); err != nil {
		return err
	}
	r.res.Greeted = true
	r.res.OfferedStartTLS = r.res.Caps.StartTLS
	if !p.Encrypted && (p.StartTLS || p.TLSOptional && r.res.Caps.StartTLS) {
		var refused *ReplyError
		switch err := r.startTLS(p.EHLO); {
		case err == nil:
		case !p.StartTLS && errors.As(err, &refused) && refused.Command == "STARTTLS":
			// Optional TLS the server refused with a reply: the connection
			// is still plain and usable, so the test goes on in clear (as
			// swaks --tls-optional does); AUTH below asks first.
		default:
			return err
		}
	}
	if p.Auth != nil {
		if !p.Encrypted && !r.res.StartedTLS && (p.ConfirmPlaintext == nil || !p.ConfirmPlaintext(r.ctx)) {
			return ErrPlaintextAuth
		}
		if err := r.auth(*p.Auth); err != nil {
			return err
		}
	}
	if p.From == "" && len(p.To) == 0 {
		return nil
	}
	if err := r.envelope(p.From, p.To); err != nil {
		return err
	}
	if p.Message != nil {
		id, err := r.c.Data(r.ctx, p.Message)
		if err != nil {
			return err
		}
		r.res.QueueID = id
	}
	return r.c.Quit(r.ctx)
}

// greet says EHLO (or HELO) and keeps the capabilities EHLO announced;
// after HELO the earlier ones stay.
func (r *runner) greet(name string) error {
	caps, err := r.c.Hello(r.ctx, name)
	if err == nil && r.res.Steps[len(r.res.Steps)-1].Name == "EHLO" {
		r.res.Caps = caps
	}
	return err
}

// startTLS switches to TLS and greets again, as RFC 3207 asks.
func (r *runner) startTLS(ehlo string) error {
	if !r.res.Caps.StartTLS {
		return fmt.Errorf("smtp: the server does not offer STARTTLS, so the connection cannot be encrypted")
	}
	r.res.TriedStartTLS = true
	if err := r.c.StartTLS(r.ctx); err != nil {
		return err
	}
	r.res.StartedTLS = true
	return r.greet(ehlo)
}

func (r *runner) auth(a Auth) error {
	mech := strings.ToUpper(a.Mechanism)
	if mech == "" {
		mech = "PLAIN"
	}
	if len(r.res.Caps.Auth) == 0 {
		return ErrNoAuthOffered
	}
	if !r.res.Caps.HasAuth(mech) {
		return fmt.Errorf("smtp: the server does not offer AUTH %s (it offers %s)", mech, strings.Join(r.res.Caps.Auth, ", "))
	}
	r.res.TriedAuth = mech
	err := r.c.Auth(r.ctx, mech, a.User, a.Password)
	r.res.AuthOK = err == nil
	return err
}

// envelope sends MAIL FROM and every RCPT TO; it fails only when no
// recipient was accepted, with the last refusal.
func (r *runner) envelope(from string, to []string) error {
	if err := r.c.Mail(r.ctx, from); err != nil {
		return err
	}
	var lastErr error
	for _, rcpt := range to {
		if err := r.c.Rcpt(r.ctx, rcpt); err != nil {
			lastErr = err
			r.res.Refused = append(r.res.Refused, rcpt)
			continue
		}
		r.res.Accepted = append(r.res.Accepted, rcpt)
	}
	if len(r.res.Accepted) == 0 {
		return lastErr
	}
	return nil
}

// words is an error as the person reads it: without the package prefix,
// and a refusal with what its reply means.
func words(err error) string {
	s := strings.TrimPrefix(err.Error(), "smtp: ")
	if re, ok := errors.AsType[*ReplyError](err); ok {
		s += " (" + Explain(re.Reply) + ")"
	}
	return s
}
