package sessioninfo

import (
	"fmt"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol"
)

// Tab is what the status line reads of a tab.
type Tab interface {
	Session() *protocol.Session // nil before the first connection
	LogonStatus() string        // the logon actions' progress, or ""
	ReconnectStatus() string    // a pending reconnection, or ""
	LastError() error           // why the last connection failed, or nil
}

// StatusLine is the status bar's line for t: its state, host and port,
// assistantNote (the assistant's, or ""), addresses, modes, encryption,
// byte counts, and for a closed session why and the way back.
func StatusLine(t Tab, assistantNote string) string {
	s := t.Session()
	if s == nil {
		return "Not connected"
	}
	st := s.Status()
	parts := []string{st.State.String(), st.Host + " port " + st.Port}
	if note := t.LogonStatus(); note != "" {
		parts = slices.Insert(parts, 1, note)
	}
	if assistantNote != "" {
		parts = slices.Insert(parts, 1, assistantNote)
	}
	if st.Remote != "" {
		if st.Proxy != "" {
			parts = append(parts, "through the "+st.Proxy)
		} else if st.Remote != net.JoinHostPort(st.Host, st.Port) { // the address the name led to
			parts = append(parts, "at "+st.Remote)
		}
		parts = append(parts, "from "+st.Local)
	} else if st.Bind != "" {
		parts = append(parts, "from "+st.Bind)
	}
	if st.State == protocol.StateConnected {
		mode := "character mode"
		if st.LineMode {
			mode = "line mode"
		}
		echo := "remote echo"
		if st.LocalEcho {
			echo = "local echo"
		}
		parts = append(parts, mode+", "+echo, st.Mode.String())
		if info := s.TLS(); info != nil {
			lock := "encrypted: " + info.Version + " " + info.Cipher
			if !info.Verified {
				lock += " (certificate NOT verified)"
			}
			parts = append(parts, lock)
		}
	}
	parts = append(parts, fmt.Sprintf("in %s, out %s", bytesText(st.BytesIn), bytesText(st.BytesOut)))
	if !st.Since.IsZero() && st.State == protocol.StateConnected {
		// The start time, not a running duration: the line stays the same
		// while the session is idle (the Status dialog says how long).
		parts = append(parts, "since "+st.Since.Format(time.TimeOnly))
	}
	if err := t.LastError(); err != nil {
		parts = append(parts, err.Error())
	}
	if note := t.ReconnectStatus(); note != "" {
		parts = append(parts, note)
	} else if st.State == protocol.StateClosed { // why and the way back first: a long line is cut at the end
		why := closedWhy(s)
		if err := t.LastError(); err != nil {
			why = err.Error()
			parts = parts[:len(parts)-1]
		}
		parts = slices.Insert(parts, 1, why, reconnectKeys)
	}
	return strings.Join(parts, " · ")
}

// ClosedMark follows the title of a tab whose connection ended: the tab
// stays, with its transcript, until the person closes it.
const ClosedMark = " (closed)"

// reconnectKeys are the keys that take a closed tab up again.
const reconnectKeys = "Ctrl+Shift+R reconnects, Ctrl+Shift+E edits and reconnects"

// MarkClosed is title with the closed mark when its session has ended.
func MarkClosed(title string, closed bool) string {
	title = strings.TrimSuffix(title, ClosedMark)
	if closed {
		title += ClosedMark
	}
	return title
}

// closedWhy says who ended a session that ended without an error.
func closedWhy(s *protocol.Session) string {
	if s.ClosedByUs() {
		return "you disconnected"
	}
	return "the server closed the connection"
}

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
