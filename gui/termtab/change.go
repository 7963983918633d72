package termtab

import (
	"cmp"
	"reflect"
	"slices"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// ChangeSettings gives the running tab new settings, as PuTTY's Change
// Settings does: the colours, bell, what the server may change, the
// answerback, the font size, the keyboard (Backspace, Enter, the Telnet
// keys, function keys), local echo and line editing and the escape
// character apply at once; it returns, in the
// dialog's words, what changed but applies only from the next connection
// (Reconnect). UI goroutine.
func (t *Tab) ChangeSettings(st settings.Session) (later []string) {
	old := t.settings
	t.settings = st
	t.applyTerminal()
	t.scr.SetClearDropsText(st.ClearDropsText)
	if st.FontSize != old.FontSize {
		t.font.size = st.FontSize
		t.fontBox.Refresh()
	}
	if s := t.Session(); s != nil {
		e := st.Engine
		s.SetLocalEcho(e.LocalEcho)
		s.SetLocalEdit(e.LocalEdit)
		s.SetCRNUL(e.EnterSendsCRNUL)
		s.SetBackspaceCtrlH(e.BackspaceSendsCtrlH)
		s.SetKeyboardSpecials(e.KeyboardSpecials)
		s.SetEscape(cmp.Or(e.Escape, protocol.DefaultEscape))
	}
	t.redraw(true)
	return nextConnection(old, st)
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
		{a.Charset != b.Charset, "the character set"},
		{a.KeepAlive != b.KeepAlive, "the keep-alive"},
		{!reflect.DeepEqual(a.SessionLog, b.SessionLog) || !reflect.DeepEqual(a.RawLog, b.RawLog) || a.LogSecrets != b.LogSecrets, "the logs"},
		{old.LFImpliesCR != st.LFImpliesCR || old.CRImpliesLF != st.CRImpliesLF, "the line ends"},
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
