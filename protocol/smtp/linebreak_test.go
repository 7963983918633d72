package smtp_test

import (
	"context"
	"testing"

	"github.com/tern-telnet/tern/internal/fakeconn"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// TestVerbsRefuseLineBreaks: an argument holding CR, LF or NUL would end
// the command early and smuggle in another; each verb refuses it with an
// *exchange.LineBreakError before anything is sent.
func TestVerbsRefuseLineBreaks(t *testing.T) {
	tests := []struct {
		name, command, arg string
		do                 func(ctx context.Context, c *smtp.Client) error
	}{
		{"EHLO name", "EHLO", "name", func(ctx context.Context, c *smtp.Client) error {
			_, err := c.Hello(ctx, "me\r\nRCPT TO:<x@y.test>")
			return err
		}},
		{"MAIL FROM sender", "MAIL FROM", "sender", func(ctx context.Context, c *smtp.Client) error { return c.Mail(ctx, "a@b.test\r\nRSET") }},
		{"RCPT TO recipient, bare LF", "RCPT TO", "recipient", func(ctx context.Context, c *smtp.Client) error { return c.Rcpt(ctx, "a@b.test\nDATA") }},
		{"RCPT TO recipient, NUL", "RCPT TO", "recipient", func(ctx context.Context, c *smtp.Client) error { return c.Rcpt(ctx, "a@b.test\x00") }},
		{"VRFY address", "VRFY", "address", func(ctx context.Context, c *smtp.Client) error {
			_, err := c.Verify(ctx, "postmaster\rQUIT")
			return err
		}},
		{"DATA subject, smuggling a command after the message", "DATA", "subject", func(ctx context.Context, c *smtp.Client) error {
			_, err := c.Data(ctx, &smtp.Message{From: "a@b.test", To: []string{"c@d.test"}, Subject: "hi\r\n.\r\nRCPT TO:<e@f.test>"})
			return err
		}},
		{"DATA recipients", "DATA", "recipients", func(ctx context.Context, c *smtp.Client) error {
			_, err := c.Data(ctx, &smtp.Message{From: "a@b.test", To: []string{"c@d.test\nBcc: x@y.test"}})
			return err
		}},
		{"AUTH user name", "AUTH", "user name", func(ctx context.Context, c *smtp.Client) error {
			return c.Auth(ctx, "LOGIN", "alice\r\n", "pw")
		}},
		{"AUTH password", "AUTH", "password", func(ctx context.Context, c *smtp.Client) error {
			return c.Auth(ctx, "PLAIN", "alice", "pw\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := &fakeconn.Conn{}
			c := smtp.NewClient(conn, &smtp.Tap{})
			defer c.Close()
			err := tt.do(context.Background(), c)
			conn.WantLineBreak(t, err, "smtp", tt.command, tt.arg)
		})
	}
}
