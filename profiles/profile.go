// Package profiles keeps Tern's saved sessions, as PuTTY's saved sessions:
// a versioned JSON file under the user's configuration folder, written
// atomically under a file lock so that no crash and no second Tern can lose
// or corrupt a profile. Passwords never go into the file (see secrets.go).
// PuTTY and KiTTY sessions are read by profiles/putty. It imports no GUI code.
package profiles

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/tern-telnet/tern/protocol/logon"
)

// Connection types.
const (
	Telnet = "telnet"
	Raw    = "raw"
)

// TLS modes (the TLS itself belongs to the SMTP assistant).
const (
	TLSNone     = "none"
	TLSImplicit = "implicit"
	TLSStartTLS = "starttls"
)

// Log modes.
const (
	LogNone = "none"
	// LogPrintable is the session log: the server's output as sent, escape
	// sequences included (PuTTY's "All session output").
	LogPrintable = "printable"
	// LogText is the session log with only the text (PuTTY's "Printable
	// output").
	LogText = "text"
	LogRaw  = "raw" // both directions in hex
)

// Profile is one saved session. Every field's zero value means the default
// named in its comment, so an older file with fewer fields still loads.
type Profile struct {
	Name       string `json:"name"`
	Host       string `json:"host,omitempty"`
	Port       string `json:"port,omitempty"`       // "" means 23
	Bind       string `json:"bind,omitempty"`       // "" lets the system choose
	Connection string `json:"connection,omitempty"` // telnet (default) or raw
	TLS        string `json:"tls,omitempty"`        // none (default), implicit, starttls
	Network    string `json:"network,omitempty"`    // "" either, tcp4, tcp6

	TerminalTypes []string `json:"terminalTypes,omitempty"` // nil: XTERM-256COLOR, XTERM, VT100
	TerminalSpeed string   `json:"terminalSpeed,omitempty"` // TSPEED answer; "" means 38400,38400
	// Charset is the remote character set (PuTTY's Translation panel), a
	// name protocol/charset knows; "" means UTF-8.
	Charset       string `json:"charset,omitempty"`
	Negotiation   string `json:"negotiation,omitempty"` // auto (default), active, passive
	LocalEcho     string `json:"localEcho,omitempty"`   // auto (default), on, off
	LocalEdit     string `json:"localEdit,omitempty"`   // auto (default), on, off
	EnterCRNUL    bool   `json:"enterSendsCRNUL,omitempty"`
	BackspaceCtlH bool   `json:"backspaceSendsCtrlH,omitempty"`
	TelnetKeys    bool   `json:"keyboardSpecials,omitempty"`
	// FunctionKeys is the function keys' and editing keypad's encoding:
	// "" (xterm's), tilde, linux, xtermr6, vt400, vt100+ or sco (PuTTY's).
	FunctionKeys string            `json:"functionKeys,omitempty"`
	HomeEnd      string            `json:"homeEnd,omitempty"`       // "" standard, rxvt
	AltSends8Bit bool              `json:"altSends8Bit,omitempty"`  // Alt sets the eighth bit; false sends ESC first
	Binary       bool              `json:"requestBinary,omitempty"` // ask for BINARY both ways
	Escape       string            `json:"escape,omitempty"`        // "" means ^]; "none" for none
	KeepAlive    int               `json:"keepAlive,omitempty"`     // seconds, 0 off
	User         string            `json:"user,omitempty"`          // NEW-ENVIRON USER
	Environment  map[string]string `json:"environment,omitempty"`

	LogMode   string `json:"logMode,omitempty"` // none (default), printable, text, raw
	LogFile   string `json:"logFile,omitempty"`
	LogAppend bool   `json:"logAppend,omitempty"`
	// LogTimestamp starts each line of a printable log with the time, in
	// protocol.Log's Timestamp format ("[&Y-&M-&D &T] "); "" means none.
	LogTimestamp string `json:"logTimestamp,omitempty"`
	// LogSecrets writes passwords into the raw log as sent, to debug a
	// login; false (the default) masks them as ********.
	LogSecrets bool `json:"logSecrets,omitempty"`

	// Logon are the steps run when the session starts (and on each
	// reconnect): wait for a prompt, send a line. They name the password
	// only as {password}: the password itself is in the keychain (see
	// RememberPassword) or asked for once, never in this file.
	Logon []logon.Step `json:"logon,omitempty"`

	CloseOnExit   string `json:"closeOnExit,omitempty"`   // never (default: the tab stays, marked closed), clean, always
	AutoReconnect bool   `json:"autoReconnect,omitempty"` // when the server or network drops the connection
	// PortCheck connects, says whether the port answered, and closes.
	PortCheck bool `json:"portCheck,omitempty"`
	// Assistant names the protocol assistant the session's toolbar button
	// opens: smtp, pop3, imap or http; "" picks it by port (SMTP when the
	// port says nothing).
	Assistant string `json:"assistant,omitempty"`
	// OpenAssistant shows the assistant beside the terminal as the
	// session opens (SMTP.OpenOnConnect does the same for SMTP's).
	OpenAssistant bool `json:"openAssistant,omitempty"`
	Scrollback    int  `json:"scrollback,omitempty"` // lines, 0 the app's setting
	// Columns and Rows size the window for the terminal when Tern starts
	// with this session (PuTTY's Window settings); 0 keeps the window's size.
	// LFImpliesCR and CRImpliesLF are PuTTY's "Implicit CR in every LF"
	// and "Implicit LF in every CR": for a device whose lines stair-step
	// or overprint; false (the default) shows CR and LF as they are.
	LFImpliesCR bool `json:"lfImpliesCR,omitempty"`
	CRImpliesLF bool `json:"crImpliesLF,omitempty"`
	// ClearDropsText loses the text a clear of the screen erases, as
	// xterm does; false (the default) pushes it into the scrollback, as
	// PuTTY does ("Push erased text into scrollback").
	ClearDropsText bool    `json:"clearDropsText,omitempty"`
	Columns        int     `json:"columns,omitempty"`
	Rows           int     `json:"rows,omitempty"`
	FontSize       float32 `json:"fontSize,omitempty"` // points, 0 the app's setting
	// Terminal is the session's colours, bell, what the server may
	// change and the answerback; the zero value is Tern's defaults.
	Terminal Terminal `json:"terminal,omitzero"`

	// Proxy is the proxy the session goes through; the zero value is none.
	Proxy ProxySettings `json:"proxy,omitzero"`
	// Pacing paces pastes and Send file; the zero value sends at once.
	Pacing PacingSettings `json:"pacing,omitzero"`

	SMTP SMTPDefaults `json:"smtp,omitzero"`
	// Mail pre-fills the mailbox assistants (POP3, IMAP).
	Mail MailDefaults `json:"mail,omitzero"`
	// RememberPassword says a password (for SMTP AUTH and the logon's
	// {password}) is kept in the operating system's keychain (never in
	// this file).
	RememberPassword bool `json:"rememberPassword,omitempty"`
	// RememberEnable says the logon's enable secret ({enable}) is kept in
	// the keychain, in an entry of its own (Secrets.Enable).
	RememberEnable bool   `json:"rememberEnable,omitempty"`
	Notes          string `json:"notes,omitempty"`

	// Folder files the session in the New session dialog's list, folders
	// separated by "/" ("Site A/Core switches"); "" is the top level.
	Folder string `json:"folder,omitempty"`
	// Highlights are the session's keyword highlighting rules, one
	// gui/highlight rule each ("down red bold"); they come before the
	// app's rules and the defaults. nil means none of its own.
	Highlights []string `json:"highlights,omitempty"`
	// QuickCommands are the buttons of the session's quick-command bar;
	// nil means none.
	QuickCommands []QuickCommand `json:"quickCommands,omitempty"`

	// extra keeps fields written by a newer Tern, so they survive a save.
	extra map[string]json.RawMessage
}

// ProxySettings are a session's proxy (PuTTY's Proxy panel). Its
// password is never here: see RememberPassword.
type ProxySettings struct {
	Kind string `json:"kind,omitempty"` // "" none, socks5, socks4, http, telnet, command (protocol/proxy's Kind names)
	Host string `json:"host,omitempty"`
	Port int    `json:"port,omitempty"` // 0 means 1080 for SOCKS, 3128 for HTTP, 23 for Telnet
	User string `json:"user,omitempty"`
	// Command is the Telnet proxy's command template ("" is PuTTY's
	// "connect %host %port\n") or the local proxy command.
	Command string `json:"command,omitempty"`
	// LocalDNS looks host names up on this computer; false (the default)
	// lets the proxy look them up (PuTTY's "Do DNS name lookup at proxy
	// end": Auto).
	LocalDNS bool `json:"localDNS,omitempty"`
	// Bypass lists hosts reached without the proxy, separated by commas:
	// names, *.suffix, CIDR blocks.
	Bypass string `json:"bypass,omitempty"`
	// RememberPassword says the proxy password is in the operating
	// system's keychain (ProxySecrets), never in this file.
	RememberPassword bool `json:"rememberPassword,omitempty"`
}

// SMTPDefaults pre-fill the SMTP assistant.
type SMTPDefaults struct {
	EHLO          string   `json:"ehlo,omitempty"`
	From          string   `json:"from,omitempty"`
	To            []string `json:"to,omitempty"`
	AuthUser      string   `json:"authUser,omitempty"`
	AuthMech      string   `json:"authMech,omitempty"` // PLAIN (default) or LOGIN
	OpenOnConnect bool     `json:"openOnConnect,omitempty"`
	// StartTLS makes Run test insist on STARTTLS; false still upgrades
	// whenever the server offers it (the session's TLS StartTLS also
	// ticks it).
	StartTLS bool `json:"startTLS,omitempty"`
}

// MailDefaults pre-fill the mailbox assistants (POP3, IMAP). The
// password is never here (see RememberPassword).
type MailDefaults struct {
	User string `json:"user,omitempty"`
	// Mechanism is the login method: PLAIN (AUTH PLAIN, AUTHENTICATE
	// PLAIN), USER (POP3's USER and PASS) or LOGIN (IMAP's); "" picks PLAIN
	// when the server offers it.
	Mechanism string `json:"mechanism,omitempty"`
	// OpenOnConnect shows the assistant as the session opens.
	OpenOnConnect bool `json:"openOnConnect,omitempty"`
	// NoTLS makes Run test go on without STLS or STARTTLS (a LAN server
	// that has none); false, the default, switches to TLS first.
	NoTLS bool `json:"noTLS,omitempty"`
}

type profileFields Profile // the same fields without the methods

// UnmarshalJSON reads a profile and keeps unknown fields.
func (p *Profile) UnmarshalJSON(b []byte) error {
	var f profileFields
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	*p = Profile(f)
	p.extra = unknownKeys(all, knownProfileKeys)
	return nil
}

// MarshalJSON writes a profile with any unknown fields it was read with.
func (p Profile) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(profileFields(p), p.extra)
}

var knownProfileKeys = jsonKeys(profileFields{})

// Key is the name compared without regard to case.
func (p Profile) Key() string { return strings.ToLower(strings.TrimSpace(p.Name)) }

// Clone returns a deep copy.
func (p Profile) Clone() Profile {
	c := p
	c.TerminalTypes = append([]string(nil), p.TerminalTypes...)
	if p.Environment != nil {
		c.Environment = map[string]string{}
		for k, v := range p.Environment {
			c.Environment[k] = v
		}
	}
	c.SMTP.To = append([]string(nil), p.SMTP.To...)
	c.Logon = append([]logon.Step(nil), p.Logon...)
	c.Terminal.Colours = append([]string(nil), p.Terminal.Colours...)
	c.Highlights = slices.Clone(p.Highlights)
	c.QuickCommands = slices.Clone(p.QuickCommands)
	if p.extra != nil {
		c.extra = map[string]json.RawMessage{}
		for k, v := range p.extra {
			c.extra[k] = v
		}
	}
	return c
}

// PacingSettings pace a session's pastes and files (Tera Term's and
// SecureCRT's line and character delays, and "wait for the device").
type PacingSettings struct {
	LineDelayMs int  `json:"lineDelayMs,omitempty"` // after each line
	CharDelayMs int  `json:"charDelayMs,omitempty"` // between characters
	WaitEcho    bool `json:"waitEcho,omitempty"`    // next line once the last came back or the prompt did
	// Prompt is the prompt's regular expression; "" is protocol/pace's
	// DefaultPrompt, for IOS-like prompts.
	Prompt string `json:"prompt,omitempty"`
	// TimeoutS bounds each wait for the device, in seconds; 0 is 10.
	TimeoutS int `json:"timeoutS,omitempty"`
}

// Active reports whether pastes are paced at all.
func (p PacingSettings) Active() bool { return p.LineDelayMs > 0 || p.CharDelayMs > 0 || p.WaitEcho }
