package assist

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/protocol/exchange"
	"github.com/tern-telnet/tern/protocol/imap"
)

// IMAPPanel is the IMAP assistant (RFC 9051, RFC 3501) beside a tab's
// terminal: buttons for the protocol's verbs, tagged A001, A002… across
// the whole session, each response explained, and a Run test that logs
// in after STARTTLS and counts INBOX read-only.
type IMAPPanel struct {
	*mailPanel[imap.Response, *imap.Client]
	mailbox *widgets.EscEntry // the mailbox STATUS, EXAMINE and SELECT open
}

// imapProto is IMAP as its panel drives it.
var imapProto = &mailProto[imap.Response, *imap.Client]{
	name: "IMAP", tlsVerb: "STARTTLS", capaVerb: "CAPABILITY",
	mechs: []mechanism{{"Automatic (AUTHENTICATE PLAIN when offered)", ""}, {"AUTHENTICATE PLAIN", "PLAIN"}, {"LOGIN", "LOGIN"}},
	connect: func(conn exchange.Conn) (*imap.Client, replyTap[imap.Response]) {
		tap := &imap.Tap{}
		return imap.NewClient(conn, tap), tap
	},
	earlier: readBack[imap.Response, imap.ResponseReader],
	reply:   func(r imap.Response) bool { return r.Tag != "" },
	greeted: func(r imap.Response) bool { return r.Tag == "*" && (r.Status == "OK" || r.Status == "PREAUTH") },
	short:   imap.Response.String,
	lines:   func(r imap.Response) []string { return []string{r.String()} },
	explain: imap.Explain,
	capa:    func(c *imap.Client, ctx context.Context) error { _, err := c.Capability(ctx); return err },
	caps: func(c *imap.Client) (string, bool) {
		return known(c.Caps.Read, c.Caps.Summary()), c.Caps.HasAuth("PLAIN")
	},
	plain: (*imap.Client).AuthenticatePlain,
	run: func(c *imap.Client, ctx context.Context, plan exchange.Plan, progress func(imap.Step)) (string, error) {
		res := c.Run(ctx, plan, progress)
		return res.Summary(), res.Err
	},
	refusal: imapRefusal,
}

// imapRefusal says why the server refused, when err is its NO or BAD.
func imapRefusal(err error) string {
	if re, ok := errors.AsType[*imap.ReplyError](err); ok {
		return imap.Refusal(re.Status, re.Code, re.Text)
	}
	return ""
}

// NewIMAPPanel makes the IMAP assistant for the tab, its fields filled
// from the tab's profile.
func NewIMAPPanel(w Window, t Tab) *IMAPPanel {
	p := &IMAPPanel{mailPanel: newMailPanel(w, t, imapProto)}
	p.mailbox = oneLineEntry("mailbox", "INBOX")
	b := p.button
	p.build([]*widget.FormItem{widget.NewFormItem("Mailbox", p.mailbox)}, []fyne.CanvasObject{
		p.capaButton(),
		widget.NewButton("STARTTLS", p.sendStartTLS),
		widget.NewButton("Log in", p.sendLogin),
		b("LIST", func(ctx context.Context, c *imap.Client) error { _, err := c.List(ctx, "", "*"); return err }),
		p.mailboxButton("STATUS", (*imap.Client).Status),
		p.mailboxButton("EXAMINE", (*imap.Client).Examine),
		p.mailboxButton("SELECT", (*imap.Client).Select),
		b("LOGOUT", func(ctx context.Context, c *imap.Client) error { return c.Logout(ctx) }),
	})
	return p
}

// mailboxButton runs a verb on the mailbox named in Mailbox.
func (p *IMAPPanel) mailboxButton(label string, verb func(*imap.Client, context.Context, string) (imap.MailboxStatus, error)) *widget.Button {
	return widget.NewButton(label, func() {
		if err := p.mailbox.Validate(); err != nil || strings.TrimSpace(p.mailbox.Text) == "" {
			p.Say("Mailbox must name a mailbox, such as INBOX.")
			return
		}
		name := strings.TrimSpace(p.mailbox.Text)
		p.verb(func(ctx context.Context, c *imap.Client) error { _, err := verb(c, ctx, name); return err })
	})
}
