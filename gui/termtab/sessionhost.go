package termtab

import (
	"context"

	"github.com/tern-telnet/tern/gui/session"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// sessionHost is the tab as its session controller sees it
// (session.Host): what the controller reports from its goroutines goes to
// the UI goroutine here, and what it asks of the window goes through the
// tab's Host.
type sessionHost struct{ t *Tab }

// DataTap sees one session's server data (session.DataTap).
type DataTap = session.DataTap

func (h sessionHost) Size() (cols, rows int) { return h.t.scr.Size() }
func (h sessionHost) Changed()               { h.t.ui.do(func() { h.t.host.SessionChanged(h.t) }) }
func (h sessionHost) GreetingSeen()          { h.t.ui.do(func() { h.t.host.GreetingSeen(h.t) }) }
func (h sessionHost) EscapeTyped()           { h.t.ui.do(h.t.OpenPrompt) }
func (h sessionHost) Retitle()               { h.t.host.Retitle(h.t, "", false) }
func (h sessionHost) Quit()                  { h.t.host.CloseTab(h.t, false) }

// Output puts output into the screen model. The bytes are counted
// first: the model's change wakes the render loop, which tells a flood
// from a trickle by that count.
func (h sessionHost) Output(p []byte) {
	h.t.fed.Add(int64(len(p)))
	h.t.scr.Write(p)
}

// Started attaches the assistant to a new session; it runs on the UI
// goroutine (the tab connects there, and reconnects through the bridge).
func (h sessionHost) Started(s *protocol.Session) DataTap {
	h.t.scr.SetClearDropsText(h.t.Settings().ClearDropsText)
	h.t.applyTerminal()
	if h.t.assistant == nil {
		return nil
	}
	return h.t.assistant.Attach(s)
}

func (h sessionHost) SavedPassword(profile string, proxy bool) (string, bool) {
	return h.t.host.SavedPassword(profile, proxy)
}

func (h sessionHost) AskPassword(prompt string, answer func(string, bool, bool)) {
	h.t.ui.do(func() { h.t.host.AskPassword(h.t, prompt, answer) })
}

func (h sessionHost) VerifyCertificate(ctx context.Context, where string, info tlscheck.Info) error {
	return h.t.host.VerifyCertificate(ctx, h.t, where, info)
}

// Ended runs when the session's last byte was parsed: it draws the last
// frame, tells the assistant and the window, and applies the close-on-exit
// setting unless a reconnection is due.
func (h sessionHost) Ended(s *protocol.Session, err error, reconnecting bool) {
	t := h.t
	t.Flush()
	clean := err == nil && s.ClosedByServer()
	t.ui.do(func() {
		t.host.SessionChanged(t)
		if t.assistant != nil {
			t.assistant.SessionEnded(s, err)
		}
		if reconnecting {
			return
		}
		if err != nil && s.Status().Since.IsZero() {
			t.Print("Session ▸ Edit and reconnect… (Ctrl+Shift+E) changes the host or port and tries again.\r\n")
		}
		if h.closesOnEnd(clean) {
			t.host.CloseTab(t, false)
		}
	})
}

// closesOnEnd says whether the tab closes itself now that its session
// ended. By default (CloseNever) it stays, marked closed, with its
// transcript. PuTTY's "always" and "only on clean exit" close it only
// when nothing spoke to the person in it: never while the assistant is
// open (a Run test's QUIT, its reply list and summary stay) or after
// logon actions ran (a refused password and its explanation stay).
func (h sessionHost) closesOnEnd(clean bool) bool {
	t := h.t
	switch {
	case t.AssistantShown(), len(t.Settings().Logon) > 0, t.LogonStatus() != "":
		return false
	case t.Settings().Close == protocol.CloseAlways:
		return true
	}
	return t.Settings().Close == protocol.CloseClean && clean
}
