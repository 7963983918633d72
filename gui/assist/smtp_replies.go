package assist

import (
	"strconv"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// replyLines are a reply's lines, each with its code, as the server
// sent them, and how many more the reader counted but did not keep.
func replyLines(r smtp.Reply) []string {
	if len(r.Lines) < 2 && r.More == 0 {
		return []string{r.String()}
	}
	prefix := strconv.Itoa(r.Code) + " "
	if r.Enhanced != "" {
		prefix += r.Enhanced + " "
	}
	out := make([]string, len(r.Lines), len(r.Lines)+1)
	for i, l := range r.Lines {
		out[i] = prefix + l
	}
	return append(out, notKept(r.More)...)
}

// notKept is the line that counts the lines a reader did not keep, if any.
func notKept(more int) []string {
	if more == 0 {
		return nil
	}
	return []string{panel.MoreLines(more) + " not kept (Tern keeps the first part of a reply)"}
}

// Attach follows a (new) session's replies through a reply tap of its
// own, which the tab feeds; what the assistant said about the last
// session (such as Not connected) goes, unless a Run test is what
// connected it.
func (p *SMTPPanel) Attach(s *protocol.Session) protocol.DataTap {
	p.PasswordStillHere(s.Config())
	tap := &smtp.Tap{}
	p.Mu.Lock()
	p.tap = tap
	p.Mu.Unlock()
	p.banner, p.ehloCaps = "", nil
	if p.forRun != nil {
		p.forRun(smtp.NewClient(p.Conn(s), tap))
	}
	ch, stop := tap.Subscribe()
	p.Attached(stop)
	panel.Follow(p.Window, ch, func(r smtp.Reply) bool { return r.Code != 0 }, p.addReply)
	return tap
}

// addReply lists a reply and shows it in full.
func (p *SMTPPanel) addReply(r smtp.Reply) {
	p.Mu.Lock()
	p.last = r
	p.Mu.Unlock()
	if r.Code == 220 && p.banner == "" {
		p.banner = r.Text()
	}
	if r.Code == 250 && len(r.Lines) > 1 {
		caps := smtp.ParseEHLO(r)
		p.ehloCaps = &caps
		p.caps.SetText(panel.Clip("Capabilities: "+caps.Summary(), panel.SayRunes))
	}
	p.Add(r)
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
