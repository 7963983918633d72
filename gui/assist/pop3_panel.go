package assist

import (
	"cmp"
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/protocol/exchange"
	"github.com/tern-telnet/tern/protocol/pop3"
)

// POP3Panel is the POP3 assistant (RFC 1939, RFC 2449, RFC 2595) beside a
// tab's terminal: buttons for the protocol's verbs, each reply explained,
// and a Run test that logs in after STLS and counts the maildrop.
type POP3Panel struct {
	*mailPanel[pop3.Reply, *pop3.Client]
	msg *widgets.EscEntry // the message TOP shows the header of
}

// pop3Proto is POP3 as its panel drives it.
var pop3Proto = &mailProto[pop3.Reply, *pop3.Client]{
	name: "POP3", tlsVerb: "STLS", capaVerb: "CAPA",
	mechs: []mechanism{{"Automatic (AUTH PLAIN when offered)", ""}, {"AUTH PLAIN", "PLAIN"}, {"USER and PASS", "USER"}},
	connect: func(conn exchange.Conn) (*pop3.Client, replyTap[pop3.Reply]) {
		tap := &pop3.Tap{}
		return pop3.NewClient(conn, tap), tap
	},
	earlier: readBack[pop3.Reply, pop3.ReplyReader],
	reply:   func(r pop3.Reply) bool { return r.Status != pop3.None },
	greeted: pop3.Reply.OK,
	short:   pop3.Reply.String,
	lines: func(r pop3.Reply) []string {
		status := r
		status.Lines, status.More = nil, 0
		return append(append([]string{status.String()}, r.Lines...), notKept(r.More)...)
	},
	explain: pop3.Explain,
	capa:    func(c *pop3.Client, ctx context.Context) error { _, err := c.Capa(ctx); return err },
	caps: func(c *pop3.Client) (string, bool) {
		return known(c.Caps.Read, c.Caps.Summary()), c.Caps.HasSASL("PLAIN")
	},
	plain: (*pop3.Client).AuthPlain,
	run: func(c *pop3.Client, ctx context.Context, plan exchange.Plan, progress func(pop3.Step)) (string, error) {
		res := c.Run(ctx, plan, progress)
		return res.Summary(), res.Err
	},
	refusal: pop3Refusal,
}

// pop3Refusal says why the server refused, when err is its -ERR.
func pop3Refusal(err error) string {
	if re, ok := errors.AsType[*pop3.ReplyError](err); ok {
		return cmp.Or(pop3.Refusal(re.Code, re.Text), "the server refused "+re.Command)
	}
	return ""
}

// NewPOP3Panel makes the POP3 assistant for the tab, its fields filled
// from the tab's profile.
func NewPOP3Panel(w Window, t Tab) *POP3Panel {
	p := &POP3Panel{mailPanel: newMailPanel(w, t, pop3Proto)}
	p.msg = oneLineEntry("message number", "1")
	b := p.button
	p.build([]*widget.FormItem{widget.NewFormItem("Message (TOP)", p.msg)}, []fyne.CanvasObject{
		p.capaButton(),
		widget.NewButton("STLS", p.sendStartTLS),
		widget.NewButton("Log in", p.sendLogin),
		b("STAT", func(ctx context.Context, c *pop3.Client) error { _, err := c.Stat(ctx); return err }),
		b("LIST", func(ctx context.Context, c *pop3.Client) error { _, err := c.List(ctx); return err }),
		b("UIDL", func(ctx context.Context, c *pop3.Client) error { _, err := c.UIDL(ctx); return err }),
		widget.NewButton("TOP (header)", p.sendTop),
		b("QUIT", func(ctx context.Context, c *pop3.Client) error { return c.Quit(ctx) }),
	})
	return p
}

// sendTop shows the header of the message numbered in Message; TOP does
// not mark it read.
func (p *POP3Panel) sendTop() {
	n, err := strconv.Atoi(strings.TrimSpace(p.msg.Text))
	if err != nil || n < 1 {
		p.Say("Message must be a message number, such as 1 (STAT counts them).")
		return
	}
	p.verb(func(ctx context.Context, c *pop3.Client) error { _, err := c.Top(ctx, n, 0); return err })
}
