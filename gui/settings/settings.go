package settings

import (
	"fmt"
	"net"
	"strings"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/dial"
	"github.com/tern-telnet/tern/protocol/logon"
)

// Session is everything a tab needs to open a session.
type Session struct {
	Name       string // profile name, or "" for an unsaved session
	Engine     protocol.Config
	Close      protocol.CloseOnExit
	Scrollback int     // lines; 0 means the app's setting
	FontSize   float32 // the terminal's text in points; 0 means the app's setting
	// AutoReconnect restarts the session when the server or the network
	// ends it (never after the person disconnected).
	AutoReconnect bool
	// LFImpliesCR and CRImpliesLF are PuTTY's "Implicit CR in every LF"
	// and "Implicit LF in every CR", for what the terminal shows.
	LFImpliesCR, CRImpliesLF bool
	// ClearDropsText loses the text a clear erases; false (PuTTY's
	// default) pushes it into the scrollback.
	ClearDropsText bool
	// Columns and Rows size the window for the terminal when Tern starts
	// with this session; 0 keeps the window's size.
	Columns, Rows int
	// Terminal is the session's colours, bell, what the server may change
	// and the answerback; the zero value is Tern's defaults.
	Terminal profiles.Terminal
	// Keyboard is how the keys are encoded (function keys, Home and End,
	// Alt); the zero value is xterm's.
	Keyboard Keyboard
	// Logon are the steps run once the session connects (and again on
	// each reconnect); nil means none. The password they name as
	// {password} is never here: see profiles.Profile.Logon.
	Logon []logon.Step
	// Assistant is the protocol assistant the toolbar opens (AssistSMTP
	// …); "" picks it by port (PickAssistant).
	Assistant string
	// OpenAssistant shows the assistant beside the terminal as the
	// session opens.
	OpenAssistant bool
	// Profile is what the session keeps of the saved profile it came
	// from besides the fields above (zero for an unsaved one): the
	// assistants' defaults, the keychain's choices, the notes.
	Profile Kept
}

// Title is what the tab shows: the profile name, host:port, or the mail
// domain asked for (mx:example.com).
func (s Session) Title() string {
	if s.Name != "" {
		return s.Name
	}
	if _, ok := s.MailDomain(); ok {
		return strings.TrimSpace(s.Engine.Host)
	}
	port := s.Engine.Port
	if port == "" {
		port = "23"
	}
	return net.JoinHostPort(s.Engine.Host, port)
}

// MailDomainPrefix in front of a domain in the Host field asks for the
// domain's mail exchangers instead of a host: mx:example.com.
const MailDomainPrefix = "mx:"

// MailDomain is the domain of a Host such as "mx:example.com": the SMTP
// assistant looks up its exchangers and connects the tab to one.
func (s Session) MailDomain() (string, bool) {
	host := strings.TrimSpace(s.Engine.Host)
	n := len(MailDomainPrefix)
	if len(host) <= n || !strings.EqualFold(host[:n], MailDomainPrefix) {
		return "", false
	}
	return strings.TrimSpace(host[n:]), true
}

// ValidateHost says what is wrong with a host name, or nil.
func ValidateHost(h string) error {
	h = strings.TrimSpace(h)
	switch {
	case h == "":
		return fmt.Errorf("enter a host name or address")
	case strings.HasPrefix(h, "-"):
		return fmt.Errorf("a host name cannot start with -")
	case strings.ContainsAny(h, " \t/\\@"):
		return fmt.Errorf("a host name has no spaces or / \\ @")
	}
	return nil
}

// ValidatePort accepts 1-65535 or a known service name such as smtp.
func ValidatePort(p string) error {
	p = strings.TrimSpace(p)
	if p == "" {
		return fmt.Errorf("enter a port, e.g. 23 or 25")
	}
	if _, err := dial.ResolvePort("tcp", p); err != nil {
		return fmt.Errorf("not a port (1-65535) or a known service name")
	}
	return nil
}

// ValidateBind accepts "" (any), an address of this computer or a host
// name (looked up only when connecting).
func ValidateBind(b string) error {
	b = strings.TrimSpace(b)
	if b == "" {
		return nil
	}
	if ip := net.ParseIP(b); ip != nil {
		return checkLocalAddress(ip)
	}
	if strings.Trim(b, "0123456789.") == "" { // 999.1.1.1: numbers, yet no address
		return fmt.Errorf("not an IP address: each of the four numbers is 0 to 255")
	}
	if err := ValidateHost(b); err != nil {
		return fmt.Errorf("not an IP address or host name")
	}
	return nil
}

// LocalAddrs lists this computer's addresses (a variable so that tests
// can stand in for the network interfaces).
var LocalAddrs = net.InterfaceAddrs

// checkLocalAddress says when ip is not an address of this computer, so
// that connecting from it would fail. Any loopback address counts when
// the computer has loopback (127.0.0.2 works as 127.0.0.1 does).
func checkLocalAddress(ip net.IP) error {
	addrs, err := LocalAddrs()
	if err != nil || ip.IsUnspecified() {
		return nil // cannot tell: the connection attempt will say
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		if n.IP.Equal(ip) || (ip.IsLoopback() && n.IP.IsLoopback() && (n.IP.To4() == nil) == (ip.To4() == nil)) {
			return nil
		}
	}
	return fmt.Errorf("%s is not an address of this computer", ip)
}

// FromCommandLine turns command-line options into session settings.
func FromCommandLine(o cmdline.Options) Session {
	s := Session{Engine: protocol.Config{
		Host: o.Host, Port: o.Port, Bind: o.Bind, Network: o.Network, User: o.User,
		SessionLog: protocol.Log{Path: o.SessionLog},
		RawLog:     protocol.Log{Path: o.RawLog},
		Proxy:      o.Proxy,
	}}
	if o.Raw {
		s.Engine.Negotiation = protocol.NegotiateRaw
	}
	if o.EscapeSet {
		s.Engine.Escape = o.Escape
	}
	s.Close = o.Close
	return s
}
