package web

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Conn is the live session as the test drives it: each line goes in as
// if typed, so the person sees the request. *protocol.Session satisfies
// it; its Enter must send CR LF (the default).
type Conn interface {
	SendLine(line string)
}

// Result is the outcome of Run.
type Result struct {
	Request  Request
	Sent     []string   // the lines sent, as Request.Lines gave them
	Interim  []Response // 1xx answers before the final one
	Response Response   // the final answer; Status 0 and no Reason when none came
	Got      bool       // a response (complete or cut short) arrived
	Took     time.Duration
	Err      error // why there is no complete answer; nil when there is
	// HTTPS says the request went over TLS; TLS is the session's TLS
	// state, set by the caller who holds the session (nil: plain HTTP).
	HTTPS bool
	TLS   *tlscheck.Info
}

// Run sends req on conn and waits, at most timeout (0 means 30 s), for the
// answer that tap reads from the session. A body delimited by the
// connection closing ends when the caller closes tap.
func Run(ctx context.Context, conn Conn, tap *Tap, req Request, timeout time.Duration) Result {
	res := Result{Request: req}
	lines, err := req.Lines()
	if err != nil {
		res.Err = err
		return res
	}
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	method := req.Method
	if method == "" {
		method = "GET"
	}
	tap.Expect(method)
	responses, stop := tap.Subscribe()
	defer stop()
	start := time.Now()
	for _, l := range lines {
		conn.SendLine(l)
	}
	res.Sent = lines
	res.Err = res.wait(ctx, responses)
	res.Took = time.Since(start)
	return res
}

func (res *Result) wait(ctx context.Context, responses <-chan Response) error {
	for {
		select {
		case r, ok := <-responses:
			switch {
			case !ok && res.Got:
				return errors.New("web: the connection closed before the response ended")
			case !ok:
				return errors.New("web: the connection closed without a response")
			}
			res.Got = true
			if r.Interim() && r.Status != 101 {
				res.Interim = append(res.Interim, r)
				continue
			}
			res.Response = r
			return nil
		case <-ctx.Done():
			return fmt.Errorf("web: no complete response: %w", ctx.Err())
		}
	}
}

// EndsConnection reports that the server closes the connection after this
// exchange, so the next request needs a new one: the request said
// Connection: close, the answer says it, an HTTP/1.0 answer did not ask
// for keep-alive, the body ran until the close, or no complete answer
// came. The close may not have reached Tern yet when the answer has.
func (res Result) EndsConnection() bool {
	r := res.Response
	if res.Request.Close || res.Err != nil || !res.Got || r.Status == 0 || r.UntilClose {
		return true
	}
	keepAlive := false
	for _, v := range r.Values("Connection") {
		switch strings.ToLower(v) {
		case "close":
			return true
		case "keep-alive":
			keepAlive = true
		}
	}
	return r.Proto == "HTTP/1.0" && !keepAlive
}

// Findings say in plain words what the answer means (Explain), with the
// TLS state when the request went over TLS.
func (res Result) Findings() []string {
	var f []string
	switch {
	case res.TLS != nil:
		f = append(f, "TLS: "+res.TLS.Summary()+".")
	case res.HTTPS:
		f = append(f, "TLS: the connection was not encrypted.")
	}
	if res.Err != nil && res.Response.Status == 0 {
		return append(f, noAnswer(res.Err))
	}
	for _, r := range res.Interim {
		f = append(f, fmt.Sprintf("Interim: %d %s first.", r.Status, r.Reason))
	}
	return append(f, Explain(res.Request, res.Response, res.HTTPS)...)
}

func noAnswer(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "No answer in time: the server accepted the connection but did not respond (is it HTTP on this port?)."
	}
	return "No answer: " + strings.TrimPrefix(err.Error(), "web: ") + "."
}

// Summary is the request sent and the findings, for a transcript.
func (res Result) Summary() string {
	var b strings.Builder
	for _, l := range res.Sent {
		b.WriteString("> " + l + "\n")
	}
	if res.Got {
		fmt.Fprintf(&b, "< %s %d %s (%s)\n", res.Response.Proto, res.Response.Status, res.Response.Reason, res.Took.Round(time.Millisecond))
	}
	b.WriteString("\n" + strings.Join(res.Findings(), "\n") + "\n")
	return b.String()
}
