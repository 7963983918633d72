package imap

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Conn is the live session as a Client drives it (see exchange.Conn).
type Conn = exchange.Conn

// Step is one command and its tagged completion.
type Step = exchange.Step[Response]

// ReplyError is a NO or BAD completion of a command.
type ReplyError struct {
	Command string // the command's name, e.g. "LOGIN"
	Status  string // NO or BAD
	Code    string // the response code, e.g. "AUTHENTICATIONFAILED"; "" when none
	Text    string
}

func (e *ReplyError) Error() string {
	s := "imap: " + e.Command + " refused: " + e.Status
	if e.Code != "" {
		s += " [" + e.Code + "]"
	}
	return s + " " + e.Text
}

// Errors a verb returns without a completion.
var (
	ErrClosed  = errors.New("imap: the server closed the connection")
	ErrTimeout = errors.New("imap: no response in time")
	// ErrLoginDisabled: the server announced LOGINDISABLED, so the password
	// was not sent (it would have been refused, and seen in clear).
	ErrLoginDisabled = errors.New("imap: the server announced LOGINDISABLED: it takes no password on this unencrypted connection; the password was not sent")
)

// HiddenPassword is what the person sees instead of a password.
const HiddenPassword = "‹password hidden›"

// Client sends IMAP commands into a live session, one at a time, tagged
// A001, A002…, and waits for each tagged completion. Its methods are the
// protocol's verbs; a NO or BAD returns a *ReplyError, an argument
// holding CR, LF or NUL an *exchange.LineBreakError (nothing sent). A
// Client is for one goroutine at a time. SMTP's and POP3's clients have
// the same shape: NewClient(conn, tap), Timeout, OnStep, Close.
type Client struct {
	conn Conn
	sub  exchange.Subscription[Response]
	n    int

	// Timeout bounds the wait for each completion (0 means 30 s); OnStep,
	// if set, sees every command with its completion and explanation.
	exchange.Hooks[Response]
	// Caps are the capabilities last announced (kept up to date from
	// CAPABILITY responses and [CAPABILITY] codes the client sees).
	Caps Capabilities
}

// NewClient makes a client over conn that reads the responses from tap
// (fed from conn's data), listening from now on. Close it when done.
func NewClient(conn Conn, tap *Tap) *Client {
	return &Client{conn: conn, sub: exchange.Subscribe[Response](tap)}
}

// Close stops listening to the session; it sends nothing.
func (c *Client) Close() { c.sub.Close() }

// NextTag is the tag the next command gets.
func (c *Client) NextTag() string { return fmt.Sprintf("A%03d", c.n+1) }

// Command sends "tag cmd" and returns the untagged responses that came
// before the tagged completion, and the completion. shown, if not "", is
// what the person sees instead of cmd. A cmd holding CR, LF or NUL is not
// sent.
func (c *Client) Command(ctx context.Context, cmd, shown string) ([]Response, Response, error) {
	return c.converse(ctx, cmd, shown, nil)
}

// converse is Command with an answer to continuation requests: cont
// returns the line to send and what the person sees.
func (c *Client) converse(ctx context.Context, cmd, shown string, cont func(Response) (string, string)) ([]Response, Response, error) {
	name := exchange.Verb(cmd)
	if err := exchange.CheckArgs("imap", name, "command", cmd); err != nil {
		return nil, Response{}, err
	}
	c.sub.Drain(c.note) // responses nobody asked for (to commands typed by hand)
	tag := c.NextTag()
	c.n++
	if shown == "" {
		shown = cmd
	}
	start := time.Now()
	sent := exchange.Send(c.conn, tag+" "+cmd, tag+" "+shown)
	data, done, err := c.collect(ctx, tag, cont)
	s := Step{Name: name, Sent: sent, Reply: done, Took: time.Since(start), OK: err == nil && done.Status == "OK"}
	if err == nil {
		s.Note = Explain(done)
		if done.Status != "OK" {
			err = &ReplyError{Command: name, Status: done.Status, Code: done.Code, Text: done.Text}
		}
	} else {
		s.Note = err.Error()
	}
	c.Report(s)
	return data, done, err
}

func (c *Client) note(r Response) {
	if caps, ok := capabilitiesIn(r); ok {
		c.Caps = caps
	}
}

// collect reads up to the completion tagged tag, keeping the untagged
// responses and answering continuation requests with cont.
func (c *Client) collect(ctx context.Context, tag string, cont func(Response) (string, string)) ([]Response, Response, error) {
	var data []Response
	done, err := c.sub.Next(ctx, c.Wait(), func(r Response) bool {
		c.note(r)
		switch {
		case r.Tag == tag:
			return true
		case r.Tag == "+" && cont != nil:
			line, shown := cont(r)
			exchange.Send(c.conn, line, shown)
		case r.Tag == "*":
			data = append(data, r)
		}
		return false
	}, ErrClosed, ErrTimeout)
	return data, done, err
}

// Capability asks for the server's capabilities (RFC 9051 §6.1.1).
func (c *Client) Capability(ctx context.Context) (Capabilities, error) {
	c.Caps = Capabilities{}
	_, _, err := c.Command(ctx, "CAPABILITY", "")
	return c.Caps, err
}

// StartTLS sends STARTTLS and, on OK, switches the session to TLS and
// waits for the handshake (RFC 9051 §6.2.1). The capabilities are then
// forgotten: ask again.
func (c *Client) StartTLS(ctx context.Context) error {
	c.conn.ArmStartTLS(StartTLSReady(c.NextTag()))
	if _, _, err := c.Command(ctx, "STARTTLS", ""); err != nil {
		return err
	}
	c.Caps = Capabilities{}
	if err := c.conn.WaitTLS(ctx); err != nil {
		return fmt.Errorf("imap: TLS: %w", err)
	}
	return nil
}

// Login logs in with LOGIN (RFC 9051 §6.2.3), the password masked on
// screen. It sends nothing when the server announced LOGINDISABLED.
func (c *Client) Login(ctx context.Context, user, password string) error {
	if c.Caps.LoginDisabled {
		return ErrLoginDisabled
	}
	if err := exchange.CheckArgs("imap", "LOGIN", "user name", user, "password", password); err != nil {
		return err
	}
	u := quote(user)
	_, _, err := c.Command(ctx, "LOGIN "+u+" "+quote(password), "LOGIN "+u+" "+HiddenPassword)
	return err
}

// AuthenticatePlain logs in with AUTHENTICATE PLAIN (RFC 9051 §6.2.2,
// RFC 4616), the credentials masked on screen; with SASL-IR (RFC 4959)
// in one line, else after the server's "+". It sends nothing when the
// server announced LOGINDISABLED and does not offer AUTH=PLAIN.
func (c *Client) AuthenticatePlain(ctx context.Context, user, password string) error {
	if c.Caps.LoginDisabled && !c.Caps.HasAuth("PLAIN") {
		return ErrLoginDisabled
	}
	if err := exchange.CheckArgs("imap", "AUTHENTICATE", "user name", user, "password", password); err != nil {
		return err
	}
	resp := base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + password))
	var err error
	if c.Caps.SASLIR {
		_, _, err = c.Command(ctx, "AUTHENTICATE PLAIN "+resp, "AUTHENTICATE PLAIN "+HiddenPassword)
	} else {
		sent := false
		_, _, err = c.converse(ctx, "AUTHENTICATE PLAIN", "", func(Response) (string, string) {
			if sent { // PLAIN has one step: a second "+" is answered by cancelling
				return "*", ""
			}
			sent = true
			return resp, HiddenPassword
		})
	}
	return err
}

// Mailbox is one line of LIST.
type Mailbox struct {
	Name       string
	Delimiter  string // "" when the server has no hierarchy
	Attributes []string
}

// List lists the mailboxes matching pattern under reference (RFC 9051
// §6.3.9): List(ctx, "", "*") lists them all.
func (c *Client) List(ctx context.Context, reference, pattern string) ([]Mailbox, error) {
	if err := exchange.CheckArgs("imap", "LIST", "reference", reference, "pattern", pattern); err != nil {
		return nil, err
	}
	data, _, err := c.Command(ctx, "LIST "+quote(reference)+" "+quote(pattern), "")
	var out []Mailbox
	for _, r := range data {
		if r.Kind == "LIST" {
			out = append(out, parseList(r))
		}
	}
	return out, err
}

// Logout ends the session (RFC 9051 §6.1.3); the server says BYE and closes.
func (c *Client) Logout(ctx context.Context) error {
	_, _, err := c.Command(ctx, "LOGOUT", "")
	return err
}
