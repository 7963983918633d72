package imap_test

import (
	"context"
	"testing"

	"github.com/tern-telnet/tern/internal/fakeconn"
	"github.com/tern-telnet/tern/protocol/imap"
)

// TestVerbsRefuseLineBreaks: an argument holding CR, LF or NUL would end
// the command early and smuggle in another (a quoted string cannot hold
// them, RFC 9051 section 4.3); each verb refuses it with an
// *exchange.LineBreakError before anything is sent.
func TestVerbsRefuseLineBreaks(t *testing.T) {
	tests := []struct {
		name, command, arg string
		do                 func(ctx context.Context, c *imap.Client) error
	}{
		{"LOGIN user name", "LOGIN", "user name", func(ctx context.Context, c *imap.Client) error { return c.Login(ctx, "alice\r\nA9 DELETE INBOX", "pw") }},
		{"LOGIN password, NUL", "LOGIN", "password", func(ctx context.Context, c *imap.Client) error { return c.Login(ctx, "alice", "p\x00w") }},
		{"AUTHENTICATE PLAIN password, bare LF", "AUTHENTICATE", "password", func(ctx context.Context, c *imap.Client) error {
			return c.AuthenticatePlain(ctx, "alice", "pw\n")
		}},
		{"LIST pattern, bare CR", "LIST", "pattern", func(ctx context.Context, c *imap.Client) error {
			_, err := c.List(ctx, "", "*\r")
			return err
		}},
		{"a command by hand", "NOOP", "command", func(ctx context.Context, c *imap.Client) error {
			_, _, err := c.Command(ctx, "NOOP\r\nA9 LOGOUT", "")
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := &fakeconn.Conn{}
			c := imap.NewClient(conn, &imap.Tap{})
			defer c.Close()
			err := tt.do(context.Background(), c)
			conn.WantLineBreak(t, err, "imap", tt.command, tt.arg)
			if c.NextTag() != "A001" {
				t.Fatalf("a tag was used: next is %s", c.NextTag())
			}
		})
	}
}
