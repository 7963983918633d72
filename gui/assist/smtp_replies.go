package assist

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// The assistant's reply view: every reply the server sent, one line each
// with its meaning, and below the list the selected reply (the newest
// until the person picks one) in full, with its whole explanation.

// maxReplies bounds the replies kept in the view.
const maxReplies = 200

func (p *SMTPPanel) newReplyView() fyne.CanvasObject {
	p.replies = widget.NewList(
		func() int { p.mu.Lock(); defer p.mu.Unlock(); return len(p.shown) },
		func() fyne.CanvasObject {
			reply, meaning := widget.NewLabel(""), widget.NewLabel("")
			reply.Truncation, meaning.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			reply.TextStyle.Monospace = true
			return container.NewVBox(reply, meaning)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := p.reply(id)
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(r.String())
			box.Objects[1].(*widget.Label).SetText("→ " + smtp.Explain(r))
		})
	p.replies.OnSelected = func(id widget.ListItemID) { p.showReply(p.reply(id)) }
	p.detail = widget.NewLabel("The server's replies appear here, each with what it means.")
	p.detail.Wrapping = fyne.TextWrapWord
	detail := container.NewVScroll(p.detail)
	detail.SetMinSize(fyne.NewSize(0, 5*theme.TextSize()))
	return container.NewBorder(nil, detail, nil, nil, p.replies)
}

func (p *SMTPPanel) reply(id int) smtp.Reply {
	p.mu.Lock()
	defer p.mu.Unlock()
	if id < 0 || id >= len(p.shown) {
		return smtp.Reply{}
	}
	return p.shown[id]
}

// showReply puts r and its whole explanation below the list.
func (p *SMTPPanel) showReply(r smtp.Reply) {
	text := strings.Join(replyLines(r), "\n")
	p.detail.SetText(text + "\n→ " + smtp.Explain(r))
}

// replyLines are a reply's lines, each with its code, as the server
// sent them.
func replyLines(r smtp.Reply) []string {
	if len(r.Lines) < 2 {
		return []string{r.String()}
	}
	prefix := strconv.Itoa(r.Code) + " "
	if r.Enhanced != "" {
		prefix += r.Enhanced + " "
	}
	out := make([]string, len(r.Lines))
	for i, l := range r.Lines {
		out[i] = prefix + l
	}
	return out
}

// Attach follows a (new) session's replies through a reply tap of its
// own, which the tab feeds; what the assistant said about the last
// session (such as Not connected) goes, unless a Run test is what
// connected it.
func (p *SMTPPanel) Attach(s *protocol.Session) termtab.DataTap {
	tap := &smtp.Tap{}
	p.mu.Lock()
	p.tap = tap
	p.mu.Unlock()
	if !p.isRunning() {
		p.status.SetText(assistantHint)
	}
	p.banner = ""
	if p.stopWatch != nil {
		p.stopWatch()
	}
	if p.forRun != nil {
		p.forRun(tap.Subscribe())
	}
	ch, stop := tap.Subscribe()
	p.stopWatch = stop
	go func() {
		for r := range ch {
			if r.Code == 0 {
				continue
			}
			reply := r
			p.w.UI(func() { p.addReply(reply) })
		}
	}()
	return tap
}

// subscribe subscribes to the current session's replies.
func (p *SMTPPanel) subscribe() (<-chan smtp.Reply, func()) {
	p.mu.Lock()
	tap := p.tap
	p.mu.Unlock()
	if tap == nil {
		tap = &smtp.Tap{}
		tap.Close()
	}
	return tap.Subscribe()
}

// addReply lists a reply and shows it in full.
func (p *SMTPPanel) addReply(r smtp.Reply) {
	p.mu.Lock()
	p.shown = append(p.shown, r)
	if len(p.shown) > maxReplies {
		p.shown = p.shown[len(p.shown)-maxReplies:]
	}
	p.last = r
	p.mu.Unlock()
	if r.Code == 220 && p.banner == "" {
		p.banner = r.Text()
	}
	if r.Code == 250 && len(r.Lines) > 1 {
		p.caps.SetText("Capabilities: " + smtp.ParseEHLO(r).Summary())
	}
	p.replies.UnselectAll()
	p.replies.Refresh()
	p.replies.ScrollToBottom()
	p.showReply(r)
}

// addEarlierReplies lists the replies already on screen when the
// assistant opens mid-session, read back from the transcript.
func (p *SMTPPanel) addEarlierReplies(transcript string) {
	var rr smtp.ReplyReader
	for _, r := range rr.Feed([]byte(transcript + "\r\n")) {
		if r.Code != 0 {
			p.addReply(r)
		}
	}
}
