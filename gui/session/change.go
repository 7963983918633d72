package session

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
)

// ChangeSettings gives the running session new settings, as PuTTY's
// Change Settings does: the line ends, the session log, the character
// set, the keyboard (Backspace, Enter, the Telnet keys), local echo and
// line editing and the escape character apply at once. It returns, in
// the dialog's words, a session log that could not be opened and what
// changed but applies only from the next connection (Reconnect).
func (c *Controller) ChangeSettings(st settings.Session) (later []string) {
	old := c.Settings()
	c.SetSettings(st)
	c.ApplyLineEnds(st.LFImpliesCR, st.CRImpliesLF)
	if s := c.Session(); s != nil {
		e := st.Engine
		s.SetLocalEcho(e.LocalEcho)
		s.SetLocalEdit(e.LocalEdit)
		s.SetCRNUL(e.EnterSendsCRNUL)
		s.SetBackspaceCtrlH(e.BackspaceSendsCtrlH)
		s.SetKeyboardSpecials(e.KeyboardSpecials)
		s.SetCharset(e.Charset)
		s.SetEscape(cmp.Or(e.Escape, escapechar.Default))
		if problem := changeSessionLog(s, old.Engine.SessionLog, e.SessionLog); problem != "" {
			later = append(later, problem)
		}
	}
	return append(later, nextConnection(old, st)...)
}

// changeSessionLog starts, restarts or stops the session log when its
// settings changed; it returns what went wrong, or "".
func changeSessionLog(s *protocol.Session, old, now protocol.Log) string {
	switch {
	case reflect.DeepEqual(old, now):
	case now.Path == "":
		s.StopSessionLog()
	default:
		if name, err := s.StartSessionLog(now); err != nil {
			return fmt.Sprintf("the session log %s could not be opened (%v)", name, err)
		}
	}
	return ""
}

// nextConnection lists what changed between old and st that a running
// session cannot take: it needs a new connection.
func nextConnection(old, st settings.Session) []string {
	a, b := old.Engine, st.Engine
	checks := []struct {
		changed bool
		what    string
	}{
		{a.Host != b.Host || a.Port != b.Port || a.Bind != b.Bind || a.Network != b.Network || a.TLS != b.TLS, "the host, port or TLS"},
		{!reflect.DeepEqual(a.Proxy, b.Proxy), "the proxy"},
		{a.Negotiation != b.Negotiation || a.RequestBinary != b.RequestBinary, "the Telnet negotiation"},
		{!slices.Equal(a.TerminalTypes, b.TerminalTypes) || a.TerminalSpeed != b.TerminalSpeed, "the terminal type and speed"},
		{a.User != b.User || !reflect.DeepEqual(a.Environment, b.Environment), "the user name and environment"},
		{a.KeepAlive != b.KeepAlive, "the keep-alive"},
		{!reflect.DeepEqual(a.RawLog, b.RawLog) || a.LogSecrets != b.LogSecrets, "the raw log"},
		{!slices.Equal(old.Logon, st.Logon), "the logon actions"},
	}
	var out []string
	for _, c := range checks {
		if c.changed {
			out = append(out, c.what)
		}
	}
	return out
}
