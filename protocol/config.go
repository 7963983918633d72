package protocol

import (
	"crypto/x509"
	"net"
	"strings"
	"time"

	"github.com/tern-telnet/tern/protocol/dial"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/proxy"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Negotiation says when Tern speaks Telnet.
type Negotiation int

const (
	// NegotiateAuto is Active on port 23 and Passive on every other port,
	// as BSD telnet does, so that an SMTP or HTTP server never sees an IAC
	// byte from Tern.
	NegotiateAuto Negotiation = iota
	// NegotiateActive offers Tern's options as soon as the connection opens.
	NegotiateActive
	// NegotiatePassive sends nothing until the server negotiates.
	NegotiatePassive
	// NegotiateRaw does no Telnet processing at all: 0xFF is data.
	NegotiateRaw
)

func (n Negotiation) String() string {
	return [...]string{"auto", "active", "passive", "raw"}[n]
}

// ParseNegotiation reads "auto", "active", "passive" or "raw".
func ParseNegotiation(s string) (Negotiation, bool) {
	for n := NegotiateAuto; n <= NegotiateRaw; n++ {
		if strings.EqualFold(s, n.String()) {
			return n, true
		}
	}
	return NegotiateAuto, false
}

// Tristate is PuTTY's Auto / Force on / Force off.
type Tristate int

// The three settings of a Tristate.
const (
	Auto Tristate = iota
	ForceOn
	ForceOff
)

func (t Tristate) String() string { return [...]string{"auto", "on", "off"}[t] }

// ParseTristate reads "auto", "on" or "off".
func ParseTristate(s string) (Tristate, bool) {
	for t := Auto; t <= ForceOff; t++ {
		if strings.EqualFold(s, t.String()) {
			return t, true
		}
	}
	return Auto, false
}

// Config describes one connection. The zero value of every field means the
// default that field's comment names.
type Config struct {
	Host string // host name or address; required
	Port string // number or service name ("smtp"); "" means 23
	Bind string // local address to connect from; "" lets the system choose
	// Network is "tcp" (either family, the default), "tcp4" or "tcp6".
	Network        string
	ConnectTimeout time.Duration // 0 means 15 s
	Negotiation    Negotiation

	TerminalTypes []string // TTYPE names, first preferred; nil means XTERM-256COLOR, XTERM, VT100
	TerminalSpeed string   // TSPEED; "" means 38400,38400
	User          string   // NEW-ENVIRON USER; "" sends none
	Environment   map[string]string
	// EnvironUnexported are variables defined but not exported (telnet's
	// "environ unexport"): listed, never sent. Not saved in profiles.
	EnvironUnexported map[string]string
	RequestBinary     bool // ask for BINARY both ways
	// Charset is the remote character set (see protocol/charset): what the
	// server sends is converted to UTF-8 for the terminal, and what is
	// typed or pasted to it; CHARSET (RFC 2066) accepts it. "" means UTF-8.
	Charset string

	LocalEcho Tristate
	LocalEdit Tristate
	// EnterSendsCRNUL makes Enter send CR NUL instead of the Telnet new
	// line CR LF (PuTTY's "Return key sends Telnet New Line" off).
	EnterSendsCRNUL bool
	// ShowOptions shows option processing on the screen from the first
	// negotiation on, as BSD telnet's "toggle options" before "open"
	// (Session.ShowOptions changes it later).
	ShowOptions bool
	// BackspaceSendsCtrlH makes Backspace send ^H instead of ^? (DEL).
	BackspaceSendsCtrlH bool
	// KeyboardSpecials maps ^C, ^Z, Backspace (and ^D at an empty line in
	// local editing) to IAC IP, SUSP, EC and EOF while Telnet is spoken.
	KeyboardSpecials bool
	// Escape is the escape character; 0 means escapechar.Default,
	// escapechar.None none.
	Escape int

	// KeepAlive sends IAC NOP this often once the server has negotiated
	// Telnet (never to a non-Telnet service); 0 means off. TCP keep-alive
	// is always on.
	KeepAlive time.Duration

	// TLS encrypts from the start (TLSImplicit) or on STARTTLS; the zero
	// value is none. TLSRoots are the trusted roots (nil: the system's);
	// TLSServerName is the name checked (""; the host).
	TLS           TLSMode
	TLSRoots      *x509.CertPool
	TLSServerName string
	// VerifyCertificate decides about a certificate that does not verify
	// against TLSRoots and TLSServerName, after the handshake and before
	// anything more goes to the server (for implicit TLS, before the
	// session reports connected). nil means no one decides: Run refuses a
	// session configured for TLS, and a STARTTLS with such a certificate
	// fails. See tlscheck.VerifyCertificateFunc.
	VerifyCertificate tlscheck.VerifyCertificateFunc
	// VerifyTimeout bounds VerifyCertificate; 0 means 2 minutes.
	VerifyTimeout time.Duration

	// SessionName is the saved session's name, for &S in log file names;
	// "" means none (&S then stands for the host).
	SessionName string

	SessionLog Log // printable output log; Path "" means none
	RawLog     Log // raw traffic log, both directions; Path "" means none
	// ContinueLogs says this session follows an earlier one in the same
	// place (a reconnect, by hand or by itself): its logs are appended to
	// whatever Log.Append says, so a fixed name is never emptied. The zero
	// value opens logs as Log.Append says.
	ContinueLogs bool
	// LogSecrets writes secrets into the raw log as sent: the lines sent
	// with SendSecretLine or SendSecretData (a logon password, SMTP AUTH's
	// credentials) and what is typed at a password prompt the server does
	// not echo. The zero value masks them as ******** (as swaks does),
	// because a log is often shared to ask for help; turn it on only to
	// debug a login, and delete the log afterwards.
	LogSecrets bool

	// Cols and Rows are the window size at start; 0 means 80x24.
	Cols, Rows int

	// Conn, when set, is a connection already open to Host (the mail
	// exchanger protocol/mx picked): Run uses it instead of dialling, so
	// the server sees one connection. nil means Run dials.
	Conn *net.TCPConn

	// Proxy, when its Kind is not proxy.None, carries the connection to
	// Host unless Host is in its bypass list; the connection to the proxy
	// uses Bind, Network and ConnectTimeout.
	Proxy proxy.Config
}

func (c *Config) port() string {
	if c.Port == "" {
		return dial.DefaultPort
	}
	return c.Port
}

func (c *Config) network() string {
	if c.Network == "" {
		return dial.DefaultNetwork
	}
	return c.Network
}

func (c *Config) connectTimeout() time.Duration {
	if c.ConnectTimeout <= 0 {
		return dial.DefaultTimeout
	}
	return c.ConnectTimeout
}

func (c *Config) verifyTimeout() time.Duration {
	if c.VerifyTimeout <= 0 {
		return 2 * time.Minute
	}
	return c.VerifyTimeout
}

func (c *Config) escape() int {
	if c.Escape == 0 {
		return escapechar.Default
	}
	return c.Escape
}
