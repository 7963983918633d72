package termtab

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/linedisc"
	"github.com/tern-telnet/tern/protocol/pace"
)

// Pasting: Shift+Insert, Ctrl+Shift+V, the right button and Edit ▸
// Paste give the clipboard text to Paste, which cleans it and hands it to
// the session's Paste; that adds the bracketed-paste markers only when the
// server asked for them. No pasted byte can end the frame or act as a key.

// Paste sends clipboard text to the tab's session (or its telnet>
// prompt), asking first when Settings say so and the paste holds a line
// break or characters that were removed. A paste of several lines while
// the tab's pacing is off may be sent line by line instead (the
// question's third answer).
func (t *Tab) Paste(text []byte) {
	clean := linedisc.CleanPaste(text)
	if len(clean.Text) == 0 {
		return
	}
	ps := t.pacing.Settings()
	t.confirmPaste(clean, pacedHow(clean, ps, false), !ps.Active() && clean.Lines() > 1, func(a PasteAnswer) {
		t.deliverPaste(text, clean, a == PasteLineByLine)
	})
}

// PasteAnswer is the person's answer to the paste question.
type PasteAnswer int

const (
	PasteCancelled  PasteAnswer = iota // not sent
	PasteNow                           // sent as the tab's pacing says
	PasteLineByLine                    // sent paced: each line once the last came back (LineByLine)
)

// LineByLine is the pacing of a paste the person chose to send line by
// line while the tab's pacing is off: each line once the device echoed
// the last or showed its prompt (SecureCRT's "Send line by line").
var LineByLine = profiles.PacingSettings{WaitEcho: true}

// confirmPaste runs send, asking first when Settings say so and the paste
// holds a line break or characters that were removed (Send file too);
// how says how its lines are paced ("" not), and offerLineByLine adds
// the answer PasteLineByLine.
func (t *Tab) confirmPaste(clean linedisc.Paste, how string, offerLineByLine bool, send func(PasteAnswer)) {
	msg := pasteWarning(clean, how)
	if !t.host.ConfirmPaste() || msg == "" {
		send(PasteNow)
		return
	}
	if offerLineByLine {
		msg += "\n\nPaste line by line sends each line once the device echoed the last or showed its prompt."
	}
	t.host.AskPaste(msg+"\n\nPaste it?", offerLineByLine, func(a PasteAnswer) {
		if a != PasteCancelled {
			send(a)
		}
		t.host.FocusCurrent()
	})
}

// pacedHow says how pacing ps sends a paste of several lines, "" when it
// is off (unless always: Send file).
func pacedHow(clean linedisc.Paste, ps profiles.PacingSettings, always bool) string {
	if clean.Lines() < 2 || !ps.Active() && !always {
		return ""
	}
	return describePacing(ps)
}

// describePacing says how ps paces the lines, for the paste question.
func describePacing(ps profiles.PacingSettings) string {
	var parts []string
	if ps.WaitEcho {
		wait := cmp.Or(ps.TimeoutS, int(pace.DefaultTimeout/time.Second))
		parts = append(parts, fmt.Sprintf("each once the device echoed the last or showed its prompt (waiting up to %d s)", wait))
	}
	if ps.LineDelayMs > 0 {
		parts = append(parts, fmt.Sprintf("%d ms after each line", ps.LineDelayMs))
	}
	if ps.CharDelayMs > 0 {
		parts = append(parts, fmt.Sprintf("%d ms between characters", ps.CharDelayMs))
	}
	if len(parts) == 0 {
		return "without waiting"
	}
	return strings.Join(parts, ", ")
}

// deliverPaste hands the paste to whatever takes keys now: the telnet>
// prompt (the cleaned text), or the session and, while typing into all
// tabs, the other sessions; lineByLine paces it even when the tabs'
// pacing is off.
func (t *Tab) deliverPaste(text []byte, clean linedisc.Paste, lineByLine bool) {
	if t.Controller.TakeKeys(clean.Text) { // a paste is typing too
		return
	}
	t.scr.ScrollToBottom()
	t.host.BroadcastPaste(t, text, lineByLine) // first, as sendKeys does
	t.sendPaste(text, clean, lineByLine)
}

// sendPaste sends a paste to the session: paced when the tab's pacing is
// on or lineByLine (pace.go; after the paced paste being sent), else
// at once, framed as the server asked.
func (t *Tab) sendPaste(text []byte, clean linedisc.Paste, lineByLine bool) {
	s := t.Session()
	ps := t.pacing.Settings()
	if lineByLine && !ps.Active() {
		ps = LineByLine
	}
	switch {
	case s == nil:
	case !ps.Active() || len(clean.Text) == 0:
		_ = s.Paste(text, t.scr.Modes().BracketedPaste)
	case !t.pacing.send(s, clean.Text, ps):
		t.Print("\r\n[Tern: paste not sent: the paced paste being sent is too long to add it to]\r\n")
	}
}

// pasteWarning says what a paste would do that the person may not expect,
// or "" when it is one line of plain text; pacedHow, when not "", says
// how the lines are paced.
func pasteWarning(p linedisc.Paste, pacedHow string) string {
	var parts []string
	switch {
	case p.Lines() > 1:
		parts = append(parts, linesWarning(p.Lines(), pacedHow))
	case p.EndsWithBreak():
		parts = append(parts, "The pasted text ends with a line break, which is sent as Enter: the server may run it at once.")
	}
	switch {
	case p.Removed == 1:
		parts = append(parts, "The pasted text contained 1 control character, which was removed.")
	case p.Removed > 1:
		parts = append(parts, fmt.Sprintf("The pasted text contained %d control characters, which were removed.", p.Removed))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "\n\n")
}

// linesWarning says what a paste of n lines does, paced as pacedHow says
// ("" unpaced).
func linesWarning(n int, pacedHow string) string {
	if pacedHow == "" {
		return fmt.Sprintf("You are pasting %d lines. Each line break is sent as Enter, so the server may run each line at once.", n)
	}
	return fmt.Sprintf("You are pasting %d lines. This session's pacing sends them line by line, %s.", n, pacedHow)
}

// PasteToSession sends text pasted in another tab to this tab's session
// (typing into all tabs): paced as this tab's pacing says, or line by
// line when the person chose that for the paste, else framed as this
// tab's server asked. Each tab paces for its own device.
func (t *Tab) PasteToSession(text []byte, lineByLine bool) {
	t.InterruptLogon()
	t.sendPaste(text, linedisc.CleanPaste(text), lineByLine)
}
