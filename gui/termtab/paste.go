package termtab

import (
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol/linedisc"
)

// Pasting: Shift+Insert, Ctrl+Shift+V, the right button and Edit ▸
// Paste give the clipboard text to Paste, which cleans it and hands it to
// the session's Paste; that adds the bracketed-paste markers only when the
// server asked for them. No pasted byte can end the frame or act as a key.

// Paste sends clipboard text to the tab's session (or its telnet>
// prompt), asking first when Settings say so and the paste holds a line
// break or characters that were removed.
func (t *Tab) Paste(text []byte) {
	clean := linedisc.CleanPaste(text)
	if len(clean.Text) == 0 {
		return
	}
	t.confirmPaste(clean, func() { t.deliverPaste(text, clean) })
}

// confirmPaste runs send, asking first when Settings say so and the paste
// holds a line break or characters that were removed (Send file too).
func (t *Tab) confirmPaste(clean linedisc.Paste, send func()) {
	msg := pasteWarning(clean)
	if !t.host.ConfirmPaste() || msg == "" {
		send()
		return
	}
	t.host.AskPaste(msg, func(ok bool) {
		if ok {
			send()
		}
		t.host.FocusCurrent()
	})
}

// deliverPaste hands the paste to whatever takes keys now: the telnet>
// prompt (the cleaned text), or the session and, while typing into all
// tabs, the other sessions.
func (t *Tab) deliverPaste(text []byte, clean linedisc.Paste) {
	if t.Controller.TakeKeys(clean.Text) { // a paste is typing too
		return
	}
	t.scr.ScrollToBottom()
	t.host.BroadcastPaste(t, text) // first, as sendKeys does
	// The session's pacing, when on (pace.go).
	if t.pacing.send(t.Session(), clean.Text, false) {
		return
	}
	if s := t.Session(); s != nil {
		_ = s.Paste(text, t.scr.Modes().BracketedPaste)
	}
}

// pasteWarning says what a paste would do that the person may not expect,
// or "" when it is one line of plain text.
func pasteWarning(p linedisc.Paste) string {
	var parts []string
	switch {
	case p.Lines() > 1:
		parts = append(parts, fmt.Sprintf("You are pasting %d lines. Each line break is sent as Enter, so the server may run each line at once.", p.Lines()))
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
	return strings.Join(parts, "\n\n") + "\n\nPaste it?"
}

// PasteToSession sends text pasted in another tab to this tab's session,
// framed as this tab's server asked (typing into all tabs).
func (t *Tab) PasteToSession(text []byte) {
	t.InterruptLogon()
	if s := t.Session(); s != nil {
		_ = s.Paste(text, t.scr.Modes().BracketedPaste)
	}
}
