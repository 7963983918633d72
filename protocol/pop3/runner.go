package pop3

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/internal/assist"
	"github.com/tern-telnet/tern/protocol"
)

// Plan is a whole login test.
type Plan struct {
	User, Password string // User "" tests only capabilities and TLS
	// Mechanism is "PLAIN" (AUTH PLAIN) or "USER" (USER and PASS); ""
	// picks AUTH PLAIN when the server offers it, USER otherwise.
	Mechanism string
	// StartTLS switches to TLS with STLS before logging in; when the server
	// does not offer STLS, the password is then not sent at all.
	StartTLS bool
	// Encrypted says the connection is already TLS (POP3S on 995, or an
	// STLS sent by hand): STLS is then skipped.
	Encrypted bool
	Timeout   time.Duration // per response; 0 means 30 s
}

// Result is the outcome of Run. The zero value is a test that learnt nothing.
type Result struct {
	Steps []Step
	Caps  Capabilities // from the last CAPA
	Err   error        // the first failure; nil when all passed

	// What the test learnt, for Findings.
	Encrypted   bool   // already TLS before the test (from the plan)
	OfferedSTLS bool   // the first CAPA announced STLS
	TriedSTLS   bool   // STLS was sent
	StartedTLS  bool   // the STLS handshake succeeded
	Withheld    string // why Tern did not send the password, "" when it did or had none to send
	User        string
	TriedLogin  string // "AUTH PLAIN" or "USER/PASS"; "" when no login was tried
	LoginOK     bool
	LoginError  *ReplyError // the server's refusal of the login
	Counted     bool        // STAT answered
	Maildrop    Maildrop
	// TLS describes the encryption when the connection is a
	// *protocol.Session (or anything with its TLS method); nil otherwise.
	TLS *protocol.TLSInfo
}

// Summary lists the steps with their times, the findings and the outcome.
func (r Result) Summary() string {
	var b strings.Builder
	for _, s := range r.Steps {
		assist.StepLine(&b, s.Name, s.OK, s.Took, s.Reply.String())
	}
	assist.Findings(&b, r.Findings())
	if r.Err != nil {
		fmt.Fprintf(&b, "Stopped: %v\n", r.Err)
	} else {
		b.WriteString("All steps passed.\n")
	}
	return b.String()
}

// Run drives the login test through a Client on tap: CAPA, STLS when the
// plan asks, CAPA again, the login, STAT (which reads no mail and changes
// nothing), QUIT. It stops at the first failure. progress, if not nil,
// sees each step as it completes.
func Run(ctx context.Context, conn Conn, tap *Tap, plan Plan, progress func(Step)) Result {
	c := NewClient(conn, tap)
	defer c.Close()
	c.Timeout = plan.Timeout
	var res Result
	c.OnStep = func(s Step) {
		res.Steps = append(res.Steps, s)
		if progress != nil {
			progress(s)
		}
	}
	res.Encrypted, res.User = plan.Encrypted, plan.User
	res.Err = run(ctx, c, plan, &res)
	if tc, ok := conn.(interface{ TLS() *protocol.TLSInfo }); ok {
		res.TLS = tc.TLS()
	}
	return res
}

func run(ctx context.Context, c *Client, p Plan, res *Result) error {
	caps, err := c.Capa(ctx)
	if !recoverable(err) {
		return err
	}
	res.Caps, res.OfferedSTLS = caps, caps.STLS
	if p.StartTLS && !p.Encrypted {
		if err := startTLS(ctx, c, p, res); err != nil {
			return err
		}
	}
	if p.User != "" {
		if err := login(ctx, c, p, res); err != nil {
			return err
		}
		md, err := c.Stat(ctx)
		if err != nil {
			return err
		}
		res.Counted, res.Maildrop = true, md
	}
	return c.Quit(ctx)
}

// recoverable: a -ERR to CAPA only means an old server.
func recoverable(err error) bool {
	var re *ReplyError
	return err == nil || errors.As(err, &re)
}

func startTLS(ctx context.Context, c *Client, p Plan, res *Result) error {
	if !res.Caps.STLS {
		if p.User != "" {
			res.Withheld = "the server does not offer STLS, so the password would travel unencrypted"
		}
		return errors.New("pop3: the server does not offer STLS, so the connection cannot be encrypted; the password was not sent")
	}
	res.TriedSTLS = true
	if err := c.StartTLS(ctx); err != nil {
		return err
	}
	res.StartedTLS = true
	caps, err := c.Capa(ctx) // capabilities change once encrypted (RFC 2595 §4)
	if !recoverable(err) {
		return err
	}
	res.Caps = caps
	return nil
}

func login(ctx context.Context, c *Client, p Plan, res *Result) error {
	mech := strings.ToUpper(p.Mechanism)
	if mech == "" {
		mech = "USER"
		if res.Caps.HasSASL("PLAIN") {
			mech = "PLAIN"
		}
	}
	var err error
	if mech == "PLAIN" {
		res.TriedLogin = "AUTH PLAIN"
		err = c.AuthPlain(ctx, p.User, p.Password)
	} else {
		res.TriedLogin = "USER/PASS"
		err = c.Login(ctx, p.User, p.Password)
	}
	res.LoginOK = err == nil
	errors.As(err, &res.LoginError)
	return err
}
