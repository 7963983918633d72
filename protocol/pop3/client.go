package pop3

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/exchange"
)

// Conn is the live session as a Client drives it (see exchange.Conn).
type Conn = exchange.Conn

// ReplyError is a -ERR response to a command.
type ReplyError struct {
	Command string // the verb, e.g. "PASS"
	Code    string // the response code, e.g. "AUTH"; "" when none
	Text    string
}

func (e *ReplyError) Error() string {
	s := "pop3: " + e.Command + " refused: -ERR"
	if e.Code != "" {
		s += " [" + e.Code + "]"
	}
	return s + " " + e.Text
}

// Errors a verb returns when no response came.
var (
	ErrClosed  = errors.New("pop3: the server closed the connection")
	ErrTimeout = errors.New("pop3: no response in time")
	// ErrUnterminated: a multi-line response began but its final "."
	// never came in time; the lines read so far come with it.
	ErrUnterminated = errors.New("pop3: the multi-line response did not end with its \".\" line")
	// ErrNoPlain: CAPA did not list SASL PLAIN (servers often offer it only
	// after STLS), so AUTH PLAIN was not sent.
	ErrNoPlain = errors.New("pop3: the server does not offer AUTH PLAIN on this connection (often only after STLS); the credentials were not sent")
)

// What the person sees instead of the credentials.
const (
	HiddenPass  = "PASS ‹password hidden›"
	HiddenPlain = "AUTH PLAIN ‹credentials hidden›"
)

// Step is one command and its reply.
type Step = exchange.Step[Reply]

// Client sends POP3 commands into a live session, one at a time, and waits
// for each response. Its methods are the protocol's verbs; a refused
// command returns a *ReplyError, an argument holding CR, LF or NUL an
// *exchange.LineBreakError (nothing sent). A Client is for one goroutine
// at a time. SMTP's and IMAP's clients have the same shape:
// NewClient(conn, tap), Timeout, OnStep, Close.
type Client struct {
	conn Conn
	tap  *Tap
	sub  exchange.Subscription[Reply]

	// Timeout bounds the wait for each response (0 means 30 s); OnStep,
	// if set, sees every command with its response and explanation.
	exchange.Hooks[Reply]
	// Caps are the capabilities from the last Capa (the zero value until
	// then, and again after StartTLS).
	Caps Capabilities
}

// NewClient makes a client over conn that reads the responses from tap
// (fed from conn's data), listening from now on. Close it when done.
func NewClient(conn Conn, tap *Tap) *Client {
	return &Client{conn: conn, tap: tap, sub: exchange.Subscribe[Reply](tap)}
}

// Close stops listening to the session; it sends nothing.
func (c *Client) Close() { c.sub.Close() }

// Command sends line and waits for its response; multi says the response
// is multi-line. shown, if not "", is what the person sees instead of line.
// A line holding CR, LF or NUL is not sent.
func (c *Client) Command(ctx context.Context, line, shown string, multi bool) (Reply, error) {
	name := exchange.Verb(line)
	if err := exchange.CheckArgs("pop3", name, "command", line); err != nil {
		return Reply{}, err
	}
	c.tap.Expect(multi) // first: it may end a response left open
	c.sub.Drain(nil)    // responses nobody asked for (to commands typed by hand)
	start := time.Now()
	shown = exchange.Send(c.conn, line, shown)
	r, err := c.sub.Next(ctx, c.Wait(), func(r Reply) bool { return r.Status != None }, ErrClosed, ErrTimeout)
	if err != nil && multi {
		if open, ok := c.tap.EndBody(); ok {
			r, err = open, fmt.Errorf("%w: %s, after %s", ErrUnterminated, plural(len(open.Lines)+open.More, "line"), time.Since(start).Round(time.Millisecond))
		}
	}
	s := Step{Name: name, Sent: shown, Reply: r, Took: time.Since(start), OK: err == nil && r.Status != Err}
	if err == nil {
		s.Note = Explain(r)
		if r.Status == Err {
			err = &ReplyError{Command: name, Code: r.Code, Text: r.Text}
		}
	} else {
		s.Note = err.Error()
	}
	c.Report(s)
	return r, err
}

// Capa asks for the server's capabilities (RFC 2449 §5).
func (c *Client) Capa(ctx context.Context) (Capabilities, error) {
	r, err := c.Command(ctx, "CAPA", "", true)
	c.Caps = ParseCAPA(r)
	return c.Caps, err
}

// StartTLS sends STLS and, on +OK, switches the session to TLS and waits
// for the handshake (RFC 2595 §4).
func (c *Client) StartTLS(ctx context.Context) error {
	refused := false
	c.conn.ArmStartTLS(func(data []byte) bool {
		if !refused && !StartTLSReady(data) && strings.Contains(string(data), "-ERR") {
			refused = true // the handshake must not start on a later +OK
		}
		return !refused && StartTLSReady(data)
	})
	if _, err := c.Command(ctx, "STLS", "", false); err != nil {
		return err
	}
	c.Caps = Capabilities{}
	if err := c.conn.WaitTLS(ctx); err != nil {
		return fmt.Errorf("pop3: TLS: %w", err)
	}
	return nil
}

// Login sends USER and then PASS (RFC 1939 §7); the password is masked
// on screen.
func (c *Client) Login(ctx context.Context, user, password string) error {
	if err := exchange.CheckArgs("pop3", "USER", "user name", user, "password", password); err != nil {
		return err
	}
	if _, err := c.Command(ctx, "USER "+user, "", false); err != nil {
		return err
	}
	_, err := c.Command(ctx, "PASS "+password, HiddenPass, false)
	return err
}

// AuthPlain logs in with AUTH PLAIN and an initial response (RFC 5034,
// RFC 4616), masked on screen. It sends nothing when CAPA was answered
// without SASL PLAIN.
func (c *Client) AuthPlain(ctx context.Context, user, password string) error {
	if c.Caps.Read && !c.Caps.HasSASL("PLAIN") {
		return ErrNoPlain
	}
	if err := exchange.CheckArgs("pop3", "AUTH", "user name", user, "password", password); err != nil {
		return err
	}
	resp := base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + password))
	r, err := c.Command(ctx, "AUTH PLAIN "+resp, HiddenPlain, false)
	if err == nil && r.Status == Continue { // the server wants the response on its own line
		_, err = c.Command(ctx, resp, "‹credentials hidden›", false)
	}
	return err
}

// Maildrop is the answer to STAT.
type Maildrop struct {
	Messages int
	Size     int64 // octets
}

// Stat counts the messages in the maildrop (RFC 1939 §5).
func (c *Client) Stat(ctx context.Context) (Maildrop, error) {
	r, err := c.Command(ctx, "STAT", "", false)
	if err != nil {
		return Maildrop{}, err
	}
	f := strings.Fields(r.Text)
	if len(f) < 2 {
		return Maildrop{}, fmt.Errorf("pop3: STAT: unreadable answer %q", r.Text)
	}
	n, err1 := strconv.Atoi(f[0])
	size, err2 := strconv.ParseInt(f[1], 10, 64)
	if err1 != nil || err2 != nil {
		return Maildrop{}, fmt.Errorf("pop3: STAT: unreadable answer %q", r.Text)
	}
	return Maildrop{Messages: n, Size: size}, nil
}

// Listing is one line of LIST or UIDL: a message number and its size or
// unique id.
type Listing struct {
	Num   int
	Value string
}

// List lists each message's size (RFC 1939 §5).
func (c *Client) List(ctx context.Context) ([]Listing, error) { return c.listing(ctx, "LIST") }

// UIDL lists each message's unique id (RFC 1939 §7).
func (c *Client) UIDL(ctx context.Context) ([]Listing, error) { return c.listing(ctx, "UIDL") }

func (c *Client) listing(ctx context.Context, verb string) ([]Listing, error) {
	r, err := c.Command(ctx, verb, "", true)
	if err != nil {
		return nil, err
	}
	out := make([]Listing, 0, len(r.Lines))
	for _, l := range r.Lines {
		num, val, _ := strings.Cut(l, " ")
		n, err := strconv.Atoi(num)
		if err != nil {
			return out, fmt.Errorf("pop3: %s: unreadable line %q", verb, l)
		}
		out = append(out, Listing{Num: n, Value: strings.TrimSpace(val)})
	}
	return out, nil
}

// Top fetches message msg's header and its first lines of body (RFC 1939
// §7); with lines 0, the header only. It does not mark the message read.
func (c *Client) Top(ctx context.Context, msg, lines int) ([]string, error) {
	r, err := c.Command(ctx, fmt.Sprintf("TOP %d %d", msg, lines), "", true)
	return r.Lines, err
}

// Quit ends the session (RFC 1939 §6); the server then closes.
func (c *Client) Quit(ctx context.Context) error {
	_, err := c.Command(ctx, "QUIT", "", false)
	return err
}
