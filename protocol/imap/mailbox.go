package imap

import (
	"context"
	"strconv"
	"strings"
)

// MailboxStatus is what SELECT, EXAMINE or STATUS told of a mailbox. Counts
// the server did not give are -1.
type MailboxStatus struct {
	Name        string
	Messages    int // EXISTS, or STATUS MESSAGES
	Unseen      int // STATUS UNSEEN: how many are not \Seen
	FirstUnseen int // SELECT/EXAMINE [UNSEEN n]: the first one not \Seen
	UIDNext     int64
	UIDValidity int64
	ReadOnly    bool // [READ-ONLY]: EXAMINE, or a mailbox that cannot change
}

func newStatus(name string) MailboxStatus {
	return MailboxStatus{Name: name, Messages: -1, Unseen: -1, FirstUnseen: -1, UIDNext: -1, UIDValidity: -1}
}

// Select opens mailbox for reading and changes (RFC 9051 §6.3.2). Reading
// a message there marks it \Seen; the login test uses Examine.
func (c *Client) Select(ctx context.Context, mailbox string) (MailboxStatus, error) {
	return c.open(ctx, "SELECT", mailbox)
}

// Examine opens mailbox read-only (RFC 9051 §6.3.3): nothing changes.
func (c *Client) Examine(ctx context.Context, mailbox string) (MailboxStatus, error) {
	return c.open(ctx, "EXAMINE", mailbox)
}

func (c *Client) open(ctx context.Context, verb, mailbox string) (MailboxStatus, error) {
	data, done, err := c.Command(ctx, verb+" "+quote(mailbox), "")
	st := newStatus(mailbox)
	for _, r := range append(data, done) {
		switch {
		case r.Kind == "EXISTS":
			st.Messages = int(r.Num)
		case r.Code == "UNSEEN":
			st.FirstUnseen, _ = strconv.Atoi(r.CodeArgs)
		case r.Code == "UIDNEXT":
			st.UIDNext, _ = strconv.ParseInt(r.CodeArgs, 10, 64)
		case r.Code == "UIDVALIDITY":
			st.UIDValidity, _ = strconv.ParseInt(r.CodeArgs, 10, 64)
		case r.Code == "READ-ONLY":
			st.ReadOnly = true
		}
	}
	return st, err
}

// Status asks how many messages mailbox holds and how many are unseen,
// without opening it (RFC 9051 §6.3.11).
func (c *Client) Status(ctx context.Context, mailbox string) (MailboxStatus, error) {
	data, _, err := c.Command(ctx, "STATUS "+quote(mailbox)+" (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)", "")
	st := newStatus(mailbox)
	for _, r := range data {
		if r.Kind != "STATUS" {
			continue
		}
		open := strings.LastIndexByte(r.Text, '(')
		f := strings.Fields(strings.Trim(r.Text[open+1:], "() "))
		for i := 0; i+1 < len(f); i += 2 {
			n, _ := strconv.ParseInt(f[i+1], 10, 64)
			switch strings.ToUpper(f[i]) {
			case "MESSAGES":
				st.Messages = int(n)
			case "UNSEEN":
				st.Unseen = int(n)
			case "UIDNEXT":
				st.UIDNext = n
			case "UIDVALIDITY":
				st.UIDValidity = n
			}
		}
	}
	return st, err
}

// parseList reads `(\HasNoChildren) "/" INBOX` (or the name as a literal).
func parseList(r Response) Mailbox {
	var m Mailbox
	s := r.Text
	if strings.HasPrefix(s, "(") {
		end := strings.IndexByte(s, ')')
		if end < 0 {
			return Mailbox{Name: s}
		}
		m.Attributes = strings.Fields(s[1:end])
		s = strings.TrimSpace(s[end+1:])
	}
	m.Delimiter, s = nextString(s, r)
	if strings.EqualFold(m.Delimiter, "NIL") {
		m.Delimiter = ""
	}
	m.Name, _ = nextString(s, r)
	return m
}

// nextString reads an astring: atom, "quoted" or a {n} literal.
func nextString(s string, r Response) (string, string) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, `"`):
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			case '"':
				return b.String(), s[i+1:]
			default:
				b.WriteByte(s[i])
			}
		}
		return b.String(), ""
	case strings.HasPrefix(s, "{"):
		end := strings.IndexByte(s, '}')
		if end > 0 && len(r.Literals) > 0 {
			return string(r.Literals[len(r.Literals)-1]), s[end+1:]
		}
	}
	word, rest, _ := strings.Cut(s, " ")
	return word, rest
}

// quote makes s an IMAP string: an atom when it can be, else "quoted".
func quote(s string) string {
	if s != "" && isAtom(s) && !strings.ContainsAny(s, "*") {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
