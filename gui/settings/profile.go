package settings

import (
	"cmp"
	"time"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/logon"
)

// FromProfile turns a saved profile into what a tab needs.
func FromProfile(p profiles.Profile) Session {
	st := Session{Name: p.Name, Scrollback: p.Scrollback, FontSize: p.FontSize, AutoReconnect: p.AutoReconnect,
		Columns: p.Columns, Rows: p.Rows, LFImpliesCR: p.LFImpliesCR, CRImpliesLF: p.CRImpliesLF,
		ClearDropsText: p.ClearDropsText, Assistant: p.Assistant, OpenAssistant: p.OpenAssistant, Profile: keptOf(p)}
	st.Terminal = p.Terminal
	st.Terminal.Colours = append([]string(nil), p.Terminal.Colours...)
	e := &st.Engine
	e.Host, e.Port, e.Bind, e.Network = p.Host, p.Port, p.Bind, p.Network
	e.Proxy = proxyFromProfile(p.Proxy)
	e.TerminalTypes = append([]string(nil), p.TerminalTypes...)
	e.TerminalSpeed, e.Charset = p.TerminalSpeed, p.Charset
	e.Negotiation, _ = protocol.ParseNegotiation(cmp.Or(p.Negotiation, "auto"))
	if p.Connection == profiles.Raw {
		e.Negotiation = protocol.NegotiateRaw
	}
	e.LocalEcho, _ = protocol.ParseTristate(cmp.Or(p.LocalEcho, "auto"))
	e.LocalEdit, _ = protocol.ParseTristate(cmp.Or(p.LocalEdit, "auto"))
	e.EnterSendsCRNUL, e.BackspaceSendsCtrlH, e.KeyboardSpecials = p.EnterCRNUL, p.BackspaceCtlH, p.TelnetKeys
	e.RequestBinary = p.Binary
	st.Keyboard = Keyboard{FunctionKeys: ParseFunctionKeys(p.FunctionKeys), RxvtHomeEnd: p.HomeEnd == "rxvt", Meta8Bit: p.AltSends8Bit}
	if p.Escape != "" {
		e.Escape, _ = escapechar.Parse(p.Escape)
	}
	e.KeepAlive = time.Duration(p.KeepAlive) * time.Second
	e.User = p.User
	e.Environment = cloneEnvironment(p.Environment)
	// The timestamp and the secrets choice are kept whatever the log mode,
	// so that switching logs on later finds them.
	e.SessionLog.Timestamp, e.LogSecrets = p.LogTimestamp, p.LogSecrets
	st.Logon = append([]logon.Step(nil), p.Logon...)
	switch p.LogMode {
	case profiles.LogPrintable, profiles.LogText:
		e.SessionLog = protocol.Log{Path: ExpandHome(p.LogFile), Append: p.LogAppend, Timestamp: p.LogTimestamp,
			TextOnly: p.LogMode == profiles.LogText}
	case profiles.LogRaw:
		e.RawLog = protocol.Log{Path: ExpandHome(p.LogFile), Append: p.LogAppend}
	}
	st.Close, _ = protocol.ParseCloseOnExit(p.CloseOnExit) // "" keeps the tab (CloseNever)
	switch p.TLS {
	case profiles.TLSImplicit:
		e.TLS = protocol.TLSImplicit
	case profiles.TLSStartTLS:
		e.TLS = protocol.TLSStartTLS
	}
	return st
}

// ToProfile records a session's settings as a profile named name: the
// fields it maps and the ones it keeps (Kept). From base it takes only
// what a session cannot carry: fields a newer Tern wrote.
func ToProfile(name string, st Session, base profiles.Profile) profiles.Profile {
	p := base.Clone()
	e := st.Engine
	p.Name = name
	p.Host, p.Port, p.Bind, p.Network = e.Host, e.Port, e.Bind, e.Network
	p.Proxy = proxyToProfile(e.Proxy, st.Profile.ProxyPasswordGoesTo(e.Proxy))
	p.TerminalTypes = append([]string(nil), e.TerminalTypes...)
	p.TerminalSpeed, p.Charset = e.TerminalSpeed, e.Charset
	p.Connection = profiles.Telnet
	p.Negotiation = e.Negotiation.String()
	if e.Negotiation == protocol.NegotiateRaw {
		p.Connection, p.Negotiation = profiles.Raw, ""
	}
	p.LocalEcho, p.LocalEdit = e.LocalEcho.String(), e.LocalEdit.String()
	p.EnterCRNUL, p.BackspaceCtlH, p.TelnetKeys = e.EnterSendsCRNUL, e.BackspaceSendsCtrlH, e.KeyboardSpecials
	p.Binary = e.RequestBinary
	p.FunctionKeys, p.HomeEnd, p.AltSends8Bit = "", "", st.Keyboard.Meta8Bit
	if st.Keyboard.FunctionKeys != FunctionKeysXterm {
		p.FunctionKeys = st.Keyboard.FunctionKeys.String()
	}
	if st.Keyboard.RxvtHomeEnd {
		p.HomeEnd = "rxvt"
	}
	p.TLS = [...]string{profiles.TLSNone, profiles.TLSImplicit, profiles.TLSStartTLS}[e.TLS]
	if e.TLS == protocol.TLSNone {
		p.TLS = ""
	}
	p.Escape = ""
	if e.Escape != 0 && e.Escape != escapechar.Default {
		p.Escape = escapechar.Name(e.Escape)
		if e.Escape == escapechar.None {
			p.Escape = "none"
		}
	}
	p.KeepAlive = int(e.KeepAlive / time.Second)
	p.User = e.User
	p.Environment = cloneEnvironment(e.Environment)
	p.LogMode, p.LogFile, p.LogAppend = profiles.LogNone, "", false
	switch {
	case e.SessionLog.Path != "":
		p.LogMode, p.LogFile, p.LogAppend = profiles.LogPrintable, e.SessionLog.Path, e.SessionLog.Append
		if e.SessionLog.TextOnly {
			p.LogMode = profiles.LogText
		}
	case e.RawLog.Path != "":
		p.LogMode, p.LogFile, p.LogAppend = profiles.LogRaw, e.RawLog.Path, e.RawLog.Append
	}
	p.LogTimestamp, p.LogSecrets = e.SessionLog.Timestamp, e.LogSecrets
	p.Logon = append([]logon.Step(nil), st.Logon...)
	if len(p.Logon) == 0 {
		p.Logon = nil
	}
	p.CloseOnExit = st.Close.String()
	p.Scrollback, p.FontSize, p.AutoReconnect = st.Scrollback, st.FontSize, st.AutoReconnect
	p.Columns, p.Rows = st.Columns, st.Rows
	p.LFImpliesCR, p.CRImpliesLF, p.ClearDropsText = st.LFImpliesCR, st.CRImpliesLF, st.ClearDropsText
	p.Assistant, p.OpenAssistant = st.Assistant, st.OpenAssistant
	p.Terminal = st.Terminal
	p.Terminal.Colours = append([]string(nil), st.Terminal.Colours...)
	st.Profile.keepIn(&p)
	return p
}

func cloneEnvironment(env map[string]string) map[string]string {
	if len(env) == 0 {
		return nil
	}
	c := make(map[string]string, len(env))
	for k, v := range env {
		c[k] = v
	}
	return c
}
