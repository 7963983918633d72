package exchange

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Conn is the live session as an assistant drives it. Every command goes
// into the session as if typed, so the person sees it. *protocol.Session
// satisfies it.
type Conn interface {
	SendLine(line string)
	// SendSecretLine sends line while the person sees shown in its place
	// (credentials are never put on screen or in a transcript).
	SendSecretLine(line, shown string)
	// ArmStartTLS makes the session switch to TLS right after a read for
	// which ready says yes (the server's go-ahead to STARTTLS or STLS);
	// WaitTLS waits for that handshake.
	ArmStartTLS(ready func(data []byte) bool)
	WaitTLS(ctx context.Context) error
}

// StepLine is one line of a test's summary: "EHLO       passed in 3ms: 250 …".
// The reply is cut to MaxStepReply bytes: a summary stays readable and
// small whatever the server sent (the reply view keeps the reply).
func StepLine(b *strings.Builder, name string, ok bool, took time.Duration, reply string) {
	mark := "passed"
	if !ok {
		mark = "FAILED"
	}
	if len(reply) > MaxStepReply {
		cut := MaxStepReply
		for cut > 0 && !utf8.RuneStart(reply[cut]) {
			cut--
		}
		reply = fmt.Sprintf("%s… (%d more bytes)", reply[:cut], len(reply)-cut)
	}
	fmt.Fprintf(b, "%-10s %s in %s: %s\n", name, mark, took.Round(time.Millisecond), reply)
}

// MaxStepReply bounds the reply in one line of a summary.
const MaxStepReply = 2048

// Findings appends a test's findings to a summary, set apart by blank lines.
func Findings(b *strings.Builder, f []string) {
	if len(f) > 0 {
		b.WriteString("\n" + strings.Join(f, "\n") + "\n\n")
	}
}

// Step is one command and its reply (R), as a test or a verb reports it.
type Step[R any] struct {
	Name  string // the command's verb
	Sent  string // what was sent (credentials masked)
	Reply R
	Took  time.Duration
	OK    bool
	Note  string // the explanation shown to the person
}
