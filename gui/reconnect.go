package gui

import (
	"fmt"
	"time"

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
func (t *sessionTab) shouldReconnect(s *protocol.Session) bool {
	return t.settings.AutoReconnect && !t.settings.Profile.PortCheck && !s.ClosedByUs()
}

// scheduleReconnect arranges the next attempt and says so in the terminal.
// It runs on the UI goroutine.
func (t *sessionTab) scheduleReconnect(s *protocol.Session) {
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
	t.retry = time.AfterFunc(delay, func() { onUI(func() { t.reconnectNow(s) }) })
	t.mu.Unlock()
	t.print(fmt.Sprintf("\r\nReconnecting in %s (attempt %d). Disconnect stops this.\r\n", delay, attempt))
}

// reconnectNow makes the attempt, unless the person acted meanwhile.
func (t *sessionTab) reconnectNow(s *protocol.Session) {
	t.mu.Lock()
	waiting := !t.closing && t.sess == s && t.retry != nil
	t.retry, t.reconnectAt = nil, time.Time{}
	t.mu.Unlock()
	if waiting {
		t.print("\r\n")
		t.connect()
	}
}

// disconnect is the person's Disconnect (button, menu or telnet> close):
// it ends the session and any pending reconnection.
func (t *sessionTab) disconnect() {
	if t.cancelReconnect() {
		t.print("Stopped reconnecting.\r\n")
	}
	if s := t.session(); s != nil {
		s.Close()
	}
}

// cancelReconnect drops a pending attempt (Disconnect, Reconnect by hand,
// closing the tab).
func (t *sessionTab) cancelReconnect() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	pending := t.retry != nil
	t.stopReconnectLocked()
	return pending
}

func (t *sessionTab) stopReconnectLocked() {
	if t.retry != nil {
		t.retry.Stop()
		t.retry, t.reconnectAt = nil, time.Time{}
	}
}

// reconnectStatus is the status bar's note while an attempt is pending.
func (t *sessionTab) reconnectStatus() string {
	t.mu.Lock()
	at := t.reconnectAt
	t.mu.Unlock()
	if at.IsZero() {
		return ""
	}
	return fmt.Sprintf("reconnecting in %s", max(time.Until(at).Round(time.Second), 0))
}
