package smtp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/internal/assist"
)

// Conn is the live session as the test conversation drives it (see
// assist.Conn); Run arms STARTTLS with StartTLSReady.
type Conn = assist.Conn

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
	Timeout  time.Duration // per reply; 0 means 30 s
	// Encrypted says the connection is already TLS (implicit TLS, or a
	// STARTTLS sent by hand): StartTLS is then skipped.
	Encrypted bool
}

// Step is one command and its reply.
type Step = assist.Step[Reply]

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
		assist.StepLine(&b, s.Name, s.OK, s.Took, s.Reply.String())
	}
	assist.Findings(&b, r.Findings())
	switch {
	case r.Err != nil:
		fmt.Fprintf(&b, "Stopped: %v\n", r.Err)
	case r.QueueID != "":
		fmt.Fprintf(&b, "The server accepted the message (queue ID %s).\n", r.QueueID)
	default:
		b.WriteString("All steps passed.\n")
	}
	return b.String()
}

// ErrClosed means the server closed the connection during the test.
var ErrClosed = errors.New("the server closed the connection")

type runner struct {
	ctx      context.Context
	conn     Conn
	replies  <-chan Reply
	timeout  time.Duration
	res      Result
	progress func(Step)
}

// Run drives the conversation, waiting for each reply, and stops at the
// first failure. progress, if not nil, sees each step as it completes.
func Run(ctx context.Context, conn Conn, replies <-chan Reply, plan Plan, progress func(Step)) Result {
	r := &runner{ctx: ctx, conn: conn, replies: replies, timeout: plan.Timeout, progress: progress}
	r.res.Encrypted = plan.Encrypted
	if r.timeout <= 0 {
		r.timeout = 30 * time.Second
	}
	for drained := false; !drained; { // replies from before the test are not ours
		select {
		case <-replies:
		default:
			drained = true
		}
	}
	r.res.Err = r.run(plan)
	return r.res
}

func (r *runner) run(p Plan) error {
	if err := r.greet(p.EHLO); err != nil {
		return err
	}
	r.res.Greeted = true
	r.res.OfferedStartTLS = r.res.Caps.StartTLS
	if p.StartTLS && !p.Encrypted {
		if !r.res.Caps.StartTLS {
			return fmt.Errorf("the server does not offer STARTTLS, so the connection cannot be encrypted")
		}
		r.res.TriedStartTLS = true
		r.conn.ArmStartTLS(StartTLSReady)
		if _, err := r.step("STARTTLS", "STARTTLS", "", 220); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(r.ctx, r.timeout)
		err := r.conn.WaitTLS(ctx)
		cancel()
		if err != nil {
			return fmt.Errorf("TLS failed: %w", err)
		}
		r.res.StartedTLS = true
		if err := r.greet(p.EHLO); err != nil {
			return err
		}
	}
	if p.Auth != nil {
		if err := r.auth(*p.Auth); err != nil {
			return err
		}
	}
	if p.From == "" && len(p.To) == 0 {
		return nil
	}
	if _, err := r.step("MAIL FROM", "MAIL FROM:<"+strings.Trim(p.From, "<>")+">", "", 250); err != nil {
		return err
	}
	accepted := 0
	var lastErr error
	for _, to := range p.To {
		if _, err := r.step("RCPT TO", "RCPT TO:<"+strings.Trim(to, "<>")+">", "", 250, 251); err != nil {
			lastErr = err
			r.res.Refused = append(r.res.Refused, to)
			continue
		}
		accepted++
		r.res.Accepted = append(r.res.Accepted, to)
	}
	if accepted == 0 {
		return lastErr
	}
	if p.Message != nil {
		if _, err := r.step("DATA", "DATA", "", 354); err != nil {
			return err
		}
		lines := p.Message.DataLines()
		for _, l := range lines[:len(lines)-1] {
			r.conn.SendLine(l)
		}
		reply, err := r.step("message", ".", "", 250)
		if err != nil {
			return err
		}
		r.res.QueueID = QueueID(reply)
	}
	_, err := r.step("QUIT", "QUIT", "", 221)
	return err
}

// greet sends EHLO, falling back to HELO when EHLO is not understood.
func (r *runner) greet(name string) error {
	reply, err := r.step("EHLO", "EHLO "+name, "", 250)
	if err == nil {
		r.res.Caps = ParseEHLO(reply)
		return nil
	}
	if reply.Code == 500 || reply.Code == 502 {
		_, err = r.step("HELO", "HELO "+name, "", 250)
	}
	return err
}

func (r *runner) auth(a Auth) error {
	mech := strings.ToUpper(a.Mechanism)
	if mech == "" {
		mech = "PLAIN"
	}
	if len(r.res.Caps.Auth) > 0 && !r.res.Caps.HasAuth(mech) {
		return fmt.Errorf("the server does not offer AUTH %s (it offers %s)", mech, strings.Join(r.res.Caps.Auth, ", "))
	}
	r.res.TriedAuth = mech
	err := r.login(mech, a)
	r.res.AuthOK = err == nil
	return err
}

func (r *runner) login(mech string, a Auth) error {
	if mech == "LOGIN" {
		user, pass := LoginSteps(a.User, a.Password)
		if _, err := r.step("AUTH", "AUTH LOGIN", "", 334); err != nil {
			return err
		}
		if _, err := r.step("AUTH user", user, "", 334); err != nil {
			return err
		}
		_, err := r.step("AUTH pass", pass, HiddenPassword, 235)
		return err
	}
	_, err := r.step("AUTH", "AUTH PLAIN "+PlainResponse(a.User, a.Password), HiddenPlain, 235)
	return err
}

// What the person sees instead of the credentials AUTH sends.
const (
	HiddenPlain    = "AUTH PLAIN ‹credentials hidden›"
	HiddenPassword = "‹password hidden›"
)

// step sends a line and waits for a reply with one of the wanted codes.
func (r *runner) step(name, line, shown string, want ...int) (Reply, error) {
	if shown == "" {
		shown = line
	}
	start := time.Now()
	assist.Send(r.conn, line, shown)
	reply, err := r.wait()
	s := Step{Name: name, Sent: shown, Reply: reply, Took: time.Since(start)}
	if err == nil {
		for _, w := range want {
			if reply.Code == w {
				s.OK = true
			}
		}
		s.Note = Explain(reply)
		if !s.OK {
			err = fmt.Errorf("%s was refused: %s (%s)", name, reply.String(), s.Note)
		}
	} else {
		s.Note = err.Error()
	}
	r.res.Steps = append(r.res.Steps, s)
	if r.progress != nil {
		r.progress(s)
	}
	return reply, err
}

// wait returns the next SMTP reply, skipping lines that are not replies.
func (r *runner) wait() (Reply, error) {
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	for {
		select {
		case reply, ok := <-r.replies:
			if !ok {
				return Reply{}, ErrClosed
			}
			if reply.Code == 0 {
				continue
			}
			return reply, nil
		case <-timer.C:
			return Reply{}, fmt.Errorf("no reply within %s", r.timeout)
		case <-r.ctx.Done():
			return Reply{}, r.ctx.Err()
		}
	}
}
