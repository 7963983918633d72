package pop3_test

import (
	"context"
	"testing"

	"github.com/tern-telnet/tern/internal/fakeconn"
	"github.com/tern-telnet/tern/protocol/pop3"
)

// TestVerbsRefuseLineBreaks: an argument holding CR, LF or NUL would end
// the command early and smuggle in another; each verb refuses it with an
// *exchange.LineBreakError before anything is sent.
func TestVerbsRefuseLineBreaks(t *testing.T) {
	tests := []struct {
		name, command, arg string
		do                 func(ctx context.Context, c *pop3.Client) error
	}{
		{"USER user name", "USER", "user name", func(ctx context.Context, c *pop3.Client) error { return c.Login(ctx, "alice\r\nDELE 1", "pw") }},
		{"PASS password, bare LF", "USER", "password", func(ctx context.Context, c *pop3.Client) error { return c.Login(ctx, "alice", "pw\nDELE 1") }},
		{"AUTH PLAIN user name, NUL", "AUTH", "user name", func(ctx context.Context, c *pop3.Client) error { return c.AuthPlain(ctx, "al\x00ice", "pw") }},
		{"AUTH PLAIN password, bare CR", "AUTH", "password", func(ctx context.Context, c *pop3.Client) error { return c.AuthPlain(ctx, "alice", "pw\r") }},
		{"a command by hand", "STAT", "command", func(ctx context.Context, c *pop3.Client) error {
			_, err := c.Command(ctx, "STAT\r\nDELE 1", "", false)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := &fakeconn.Conn{}
			c := pop3.NewClient(conn, &pop3.Tap{})
			defer c.Close()
			err := tt.do(context.Background(), c)
			conn.WantLineBreak(t, err, "pop3", tt.command, tt.arg)
		})
	}
}
