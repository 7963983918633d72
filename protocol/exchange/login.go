package exchange

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Plan is a mail login test (POP3, IMAP): what to log in with, and how to
// protect the password.
type Plan struct {
	User, Password string // User "" tests only capabilities and TLS
	// Mechanism is "PLAIN" (AUTH PLAIN, AUTHENTICATE PLAIN) or the
	// protocol's own password command ("USER" for POP3, "LOGIN" for IMAP);
	// "" picks PLAIN when the server offers it, the command otherwise.
	Mechanism string
	// StartTLS switches to TLS (STLS, STARTTLS) before logging in; when the
	// server does not offer it, the password is then not sent at all.
	StartTLS bool
	// Encrypted says the connection is already TLS (implicit TLS on 995 or
	// 993, or a switch made by hand): StartTLS is then skipped.
	Encrypted bool
	Timeout   time.Duration // per response; 0 means 30 s
}

// Login is what a test learnt about logging in. The zero value is a test
// that did not get as far as the login.
type Login struct {
	User     string
	Tried    string // the method, e.g. "AUTH PLAIN"; "" when the password was not sent
	OK       bool   // the server accepted it
	Withheld string // why Tern did not send the password, "" when it did or had none to send
}

// Finding says in plain words how the login went; refusal is the server's
// refusal explained, "" when there was none. It is "" when nothing was tried.
func (l Login) Finding(tls TLSState, refusal string) string {
	switch {
	case l.Withheld != "":
		return "Login: not tried: " + l.Withheld + "; Tern did not send the password."
	case l.OK:
		return fmt.Sprintf("Login: the server accepted the login for %s %s (%s).", l.User, tls.Over(), l.Tried)
	case refusal != "":
		return fmt.Sprintf("Login: the server refused the login for %s (%s, %s): %s.", l.User, l.Tried, tls.Over(), refusal)
	case l.Tried != "":
		return fmt.Sprintf("Login: no answer to the login for %s (%s).", l.User, l.Tried)
	}
	return ""
}

// Summary lists a test's steps with their times, its findings, and how it
// ended.
func Summary[R fmt.Stringer](steps []Step[R], findings []string, err error) string {
	var b strings.Builder
	for _, s := range steps {
		StepLine(&b, s.Name, s.OK, s.Took, s.Reply.String())
	}
	Findings(&b, findings)
	if err != nil {
		b.WriteString("Stopped: " + err.Error() + "\n")
	} else {
		b.WriteString("All steps passed.\n")
	}
	return b.String()
}

// Recorder collects a test's steps and shows each to progress (if not nil).
func Recorder[R any](steps *[]Step[R], progress func(Step[R])) func(Step[R]) {
	return func(s Step[R]) {
		*steps = append(*steps, s)
		if progress != nil {
			progress(s)
		}
	}
}

// Outcome is the part of a login test's result that every mail protocol
// shares. The zero value is a test that learnt nothing.
type Outcome[R any] struct {
	Steps []Step[R]
	Err   error // the first failure; nil when all passed
	TLS   TLSState
	Login Login
}

// Attach readies the outcome for plan and points a client's hooks at it
// (a plan without Timeout keeps the client's; progress, if not nil, sees
// each step). The function it returns puts them back.
func (o *Outcome[R]) Attach(plan Plan, progress func(Step[R]), hooks *Hooks[R]) (restore func()) {
	o.TLS.Encrypted, o.Login.User = plan.Encrypted, plan.User
	return hooks.Use(plan.Timeout, Recorder(&o.Steps, progress))
}

// Verbs are one protocol's steps of a login test, for Outcome.Run.
type Verbs interface {
	// Capabilities asks what the server offers and reports whether that
	// includes switching to TLS.
	Capabilities(ctx context.Context) (startTLS bool, err error)
	StartTLS(ctx context.Context) error
	// Login logs in as plan says on a connection that is secure or not,
	// and returns the method tried; withheld (with an error) says why the
	// password was not sent at all.
	Login(ctx context.Context, plan Plan, secure bool) (method, withheld string, err error)
	// Count counts the mail, reading and changing none.
	Count(ctx context.Context) error
	Quit(ctx context.Context) error
}

// Run drives a login test: capabilities, the switch to TLS (named verb,
// e.g. "STARTTLS") when the plan asks and capabilities again, the login,
// the count, the goodbye. It stops at the first failure, which it
// returns (prefixed with proto, e.g. "imap") and keeps in Err. At the
// end TLS learns from conn (the session) what protects it.
func (o *Outcome[R]) Run(ctx context.Context, conn any, v Verbs, plan Plan, proto, verb string) error {
	o.Err = o.run(ctx, v, plan, proto, verb)
	o.TLS.Learn(conn)
	return o.Err
}

func (o *Outcome[R]) run(ctx context.Context, v Verbs, p Plan, proto, verb string) error {
	offered, err := v.Capabilities(ctx)
	if err != nil {
		return err
	}
	o.TLS.Offered = offered
	if p.StartTLS && !p.Encrypted {
		if !offered {
			if p.User != "" {
				o.Login.Withheld = "the server does not offer " + verb + ", so the password would travel unencrypted"
			}
			return fmt.Errorf("%s: the server does not offer %s, so the connection cannot be encrypted; the password was not sent", proto, verb)
		}
		o.TLS.Tried = true
		if err := v.StartTLS(ctx); err != nil {
			return err
		}
		o.TLS.Started = true
		if _, err := v.Capabilities(ctx); err != nil { // they change once encrypted
			return err
		}
	}
	if p.User == "" {
		return v.Quit(ctx)
	}
	o.Login.Tried, o.Login.Withheld, err = v.Login(ctx, p, o.TLS.Secure())
	if o.Login.Withheld != "" {
		o.Login.Tried = ""
	}
	o.Login.OK = err == nil
	if err != nil {
		return err
	}
	if err := v.Count(ctx); err != nil {
		return err
	}
	return v.Quit(ctx)
}

// UsePlain reports whether to log in with SASL PLAIN: the plan asks for
// it, or asks for nothing and the server offers it.
func (p Plan) UsePlain(offered bool) bool {
	m := strings.ToUpper(p.Mechanism)
	return m == "PLAIN" || m == "" && offered
}
