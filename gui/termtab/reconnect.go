package termtab

import (
	"fmt"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// Automatic reconnection (the profile's "Reconnect when the connection
// drops"): when the server closes or the network breaks, the tab tries
// again after 1, 2, 4 … up to 60 seconds, until a connection holds. It
// never reconnects after the person disconnected, and a key press does
// not trigger it (KiTTY's users asked for both).

// heldLongEnough is how long a connection must last for the next drop to
// count as a new problem rather than another failed attempt.
const heldLongEnough = 30 * time.Second

// reconnectDelay is the wait before attempt n (1, 2, …).
func reconnectDelay(n int) time.Duration {
	if n < 1 {
		n = 1
	}
	d := time.Second << min(n-1, 6)
	return min(d, time.Minute)
}

// shouldReconnect says whether a session that ended should be restarted.
func (t *Tab) shouldReconnect(s *protocol.Session) bool {
	return t.settings.AutoReconnect && !t.settings.Profile.PortCheck && !s.ClosedByUs()
}

// scheduleReconnect arranges the next attempt and says so in the terminal.
// It runs on the UI goroutine.
func (t *Tab) scheduleReconnect(s *protocol.Session) {
	since := s.Status().Since // read before t.mu: no session lock under the tab's
	t.mu.Lock()
	if t.closing || t.sess != s {
		t.mu.Unlock()
		return
	}
	if !since.IsZero() && time.Since(since) > heldLongEnough {
		t.attempts = 0 // the last connection held: start again from 1 s
	}
	t.stopReconnectLocked()
	t.attempts++
	delay := reconnectDelay(t.attempts)
	t.reconnectAt = time.Now().Add(delay)
	attempt := t.attempts
	t.retry = time.AfterFunc(delay, func() { t.onUI(func() { t.reconnectNow(s) }) })
	t.mu.Unlock()
	t.Print(fmt.Sprintf("\r\nReconnecting in %s (attempt %d). Disconnect stops this.\r\n", delay, attempt))
}

// reconnectNow makes the attempt, unless the person acted meanwhile.
func (t *Tab) reconnectNow(s *protocol.Session) {
	t.mu.Lock()
	waiting := !t.closing && t.sess == s && t.retry != nil
	t.retry, t.reconnectAt = nil, time.Time{}
	t.mu.Unlock()
	if waiting {
		t.Print("\r\n")
		t.Connect()
	}
}

// Disconnect is the person's Disconnect (button, menu or telnet> close):
// it ends the session and any pending reconnection.
func (t *Tab) Disconnect() {
	if t.cancelReconnect() {
		t.Print("Stopped reconnecting.\r\n")
	}
	if s := t.Session(); s != nil {
		s.Close()
	}
}

// cancelReconnect drops a pending attempt (Disconnect, Reconnect by hand,
// closing the tab).
func (t *Tab) cancelReconnect() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	pending := t.retry != nil
	t.stopReconnectLocked()
	return pending
}

func (t *Tab) stopReconnectLocked() {
	if t.retry != nil {
		t.retry.Stop()
		t.retry, t.reconnectAt = nil, time.Time{}
	}
}

// ReconnectStatus is the status bar's note while an attempt is pending.
func (t *Tab) ReconnectStatus() string {
	t.mu.Lock()
	at := t.reconnectAt
	t.mu.Unlock()
	if at.IsZero() {
		return ""
	}
	return fmt.Sprintf("reconnecting in %s", max(time.Until(at).Round(time.Second), 0))
}

// Reconnect connects the tab again at once (Reconnect, Run test on a
// closed session), dropping any pending attempt.
func (t *Tab) Reconnect() {
	t.cancelReconnect()
	t.Print("\r\n")
	t.Connect()
	t.host.FocusCurrent()
}

// ended runs on the UI goroutine when a session of the tab has ended: a
// Run test waiting for it learns why, and a connection that never came
// up says how to fix the host or port.
func (t *Tab) ended(s *protocol.Session, err error) {
	if t.assistant != nil {
		t.assistant.SessionEnded(s, err)
	}
	if err != nil && s.Status().Since.IsZero() && !t.shouldReconnect(s) {
		t.Print("Session ▸ Edit and reconnect… (Ctrl+Shift+E) changes the host or port and tries again.\r\n")
	}
}

// ReconnectWith is Edit and reconnect's Open: the tab keeps its place
// and scrollback and connects again with the edited settings.
func (t *Tab) ReconnectWith(st settings.Session) {
	t.SetSettings(st)
	t.Reconnect()
}

// SetSettings takes the settings the next connection uses (and the tab's
// title), leaving the current session as it is.
func (t *Tab) SetSettings(st settings.Session) {
	t.settings = st
	t.host.Retitle(t, "", false)
}
