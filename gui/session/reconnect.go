package session

import (
	"fmt"
	"time"

	"github.com/tern-telnet/tern/protocol"
)

// Automatic reconnection (the profile's "Reconnect when the connection
// drops"): when the server closes or the network breaks, the controller
// tries again after 1, 2, 4 … up to 60 seconds, until a connection holds.
// It never reconnects after the person disconnected, and a key press does
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

// retrying is the pending reconnection; the Controller's mu guards it.
type retrying struct {
	attempts int         // attempts since the last held connection
	timer    *time.Timer // the pending attempt, if any
	at       time.Time   // when it is due
}

func (r *retrying) stopLocked() bool {
	if r.timer == nil {
		return false
	}
	r.timer.Stop()
	r.timer, r.at = nil, time.Time{}
	return true
}

// shouldReconnect says whether a session that ended should be restarted.
func (c *Controller) shouldReconnect(s *protocol.Session) bool {
	st := c.Settings()
	return st.AutoReconnect && !st.Profile.PortCheck && !s.ClosedByUs()
}

// scheduleReconnect arranges the next attempt and says so in the
// terminal; false when s is no longer current or the controller closed.
func (c *Controller) scheduleReconnect(s *protocol.Session) bool {
	since := s.Status().Since // read before c.mu: no session lock under the controller's
	c.mu.Lock()
	if c.closing || c.sess != s {
		c.mu.Unlock()
		return false
	}
	r := &c.retry
	if !since.IsZero() && time.Since(since) > heldLongEnough {
		r.attempts = 0 // the last connection held: start again from 1 s
	}
	r.stopLocked()
	r.attempts++
	delay := reconnectDelay(r.attempts)
	r.at = time.Now().Add(delay)
	attempt := r.attempts
	r.timer = time.AfterFunc(delay, func() { c.owner(func() { c.reconnectNow(s) }) })
	c.mu.Unlock()
	c.Print(fmt.Sprintf("\r\nReconnecting in %s (attempt %d). Disconnect stops this.\r\n", delay, attempt))
	c.host.Changed()
	return true
}

// reconnectNow makes the attempt, unless the person acted meanwhile.
func (c *Controller) reconnectNow(s *protocol.Session) {
	c.mu.Lock()
	waiting := !c.closing && c.sess == s && c.retry.timer != nil
	c.retry.timer, c.retry.at = nil, time.Time{}
	c.mu.Unlock()
	if waiting {
		c.Print("\r\n")
		c.Connect()
	}
}

// Disconnect is the person's Disconnect (button, menu or telnet> close):
// it ends the session and any pending reconnection.
func (c *Controller) Disconnect() {
	if c.cancelReconnect() {
		c.Print("Stopped reconnecting.\r\n")
	}
	if s := c.Session(); s != nil {
		s.Close()
	}
}

// cancelReconnect drops a pending attempt (Disconnect, Reconnect by hand).
func (c *Controller) cancelReconnect() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.retry.stopLocked()
}

// ReconnectStatus is the status bar's note while an attempt is pending.
func (c *Controller) ReconnectStatus() string {
	c.mu.Lock()
	at := c.retry.at
	c.mu.Unlock()
	if at.IsZero() {
		return ""
	}
	return fmt.Sprintf("reconnecting in %s", max(time.Until(at).Round(time.Second), 0))
}

// Reconnect connects again at once (Reconnect, Run test on a closed
// session), dropping any pending attempt.
func (c *Controller) Reconnect() {
	c.cancelReconnect()
	c.Print("\r\n")
	c.Connect()
}
