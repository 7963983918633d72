// Package cmdline parses Tern's command line, which follows PuTTY and BSD
// telnet: tern [options] [host [port]] or tern telnet://host[:port].
package cmdline

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// Options is what the command line asked for.
type Options struct {
	Host string
	Port string // "" when not given
	Bind string
	// User is -l's (or a telnet:// URL's) login name: the session's
	// auto-login user name, sent as NEW-ENVIRON USER and the logon
	// actions' {user}. "" when not given.
	User       string
	Raw        bool // -raw
	Telnet     bool // -telnet (the default; recorded to say it was explicit)
	Profile    string
	SessionLog string
	RawLog     string
	Close      protocol.CloseOnExit
	CloseSet   bool
	Network    string // "", "tcp4" or "tcp6"
	Escape     int    // 0 when not given
	EscapeSet  bool
	Version    bool
	Help       bool
	// Launcher is set by the desktop file (-launcher): mistakes are then
	// shown in a dialog as well, since nobody reads stderr.
	Launcher bool
	// MX is the mail domain of -mx: Tern looks up its mail exchangers
	// (protocol/mx) and connects to the first that answers, on MXPort.
	// Host is then empty; "" means no -mx.
	MX string
	// Proxy is -proxy's proxy (socks5://user@host:1080, http://host:3128);
	// its Kind is proxy.None when not given.
	Proxy proxy.Config
}

// MXPort is the port -mx connects to: the one given (-P, or the single
// argument after the options), or "25".
func (o Options) MXPort() string {
	if o.Port == "" {
		return "25"
	}
	return o.Port
}

// Synopsis is the usage's first lines: printed after a mistake on the
// console with a pointer to -help, so that the mistake itself stays in
// sight in a console of 25 rows.
const Synopsis = `usage: tern [options] [host [port]]
       tern [options] telnet://host[:port]
`

// MistakeHint follows Synopsis after a mistake on the console.
const MistakeHint = "tern -help lists the options.\n"

// Usage is printed with -help, and in the window after a mistake.
const Usage = Synopsis + `options:
  -P port          port number or service name (default 23)
  -b address       local address to connect from (bind)
  -l user          log in as user (sent as USER; or telnet://user@host)
  -telnet          speak Telnet (the default)
  -raw             raw TCP: no Telnet processing at all
  -load name       open a saved profile
  -sessionlog file log the server's output (printable output) to file
  -rawlog file     log all traffic in both directions, in hex, to file
  -close when      close the tab when the connection ends: never (the
                   default: it stays, marked closed), clean or always
  -4, -6           use only IPv4 or only IPv6
  -e char          escape character, e.g. ^] (the default) or "none"
  -proxy URL       connect through a proxy: socks5://[user[:password]@]host
                   [:port] (port 1080), socks4://[userid@]host[:port] (names
                   looked up here), socks4a://... (at the proxy) or
                   http://[user[:password]@]host[:port] (3128)
  -mx domain       connect to the first answering mail exchanger (MX) of
                   domain, on port 25 or the port given: tern -mx example.com
  -version         print the version and exit
  -help            print this help and exit
`

// lookupPort resolves service names (a variable so the fuzz test can
// avoid the system's service database).
var lookupPort = net.LookupPort

// ErrUsage wraps every command-line mistake.
var ErrUsage = errors.New("usage")

// Message is a usage error's text without its "usage: " prefix.
func Message(err error) string {
	return strings.TrimPrefix(err.Error(), ErrUsage.Error()+": ")
}

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUsage, fmt.Sprintf(format, args...))
}

// Parse reads the arguments after the program name.
func Parse(args []string) (Options, error) {
	var o Options
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		value := func() (string, error) {
			if i+1 >= len(args) {
				return "", usageErr("option %s needs a value", a)
			}
			i++
			return args[i], nil
		}
		var err error
		switch name {
		case "P", "port":
			o.Port, err = value()
		case "b", "bind":
			o.Bind, err = value()
		case "l":
			if o.User, err = value(); err == nil {
				err = checkUser(o.User)
			}
		case "raw":
			o.Raw = true
		case "telnet":
			o.Telnet = true
		case "load":
			o.Profile, err = value()
		case "sessionlog", "log":
			o.SessionLog, err = value()
		case "rawlog":
			o.RawLog, err = value()
		case "close":
			var v string
			if v, err = value(); err == nil {
				var ok bool
				if o.Close, ok = protocol.ParseCloseOnExit(v); !ok {
					err = usageErr("-close takes always, never or clean, not %q", v)
				}
				o.CloseSet = true
			}
		case "4":
			o.Network = "tcp4"
		case "6":
			o.Network = "tcp6"
		case "e":
			var v string
			if v, err = value(); err == nil {
				var ok bool
				if o.Escape, ok = escapechar.Parse(v); !ok {
					err = usageErr("-e takes a character such as ^] or \"none\", not %q", v)
				}
				o.EscapeSet = true
			}
		case "mx":
			o.MX, err = value()
		case "proxy":
			var v string
			if v, err = value(); err == nil {
				if o.Proxy, err = proxy.ParseURL(v); err != nil {
					err = usageErr("-proxy: %v", err)
				}
			}
		case "launcher":
			o.Launcher = true
		case "version", "V":
			o.Version = true
		case "help", "h", "?":
			o.Help = true
		default:
			err = usageErr("unknown option %s", a)
		}
		if err != nil {
			return o, err
		}
	}
	if o.Raw && o.Telnet {
		return o, usageErr("-raw and -telnet cannot be used together")
	}
	if o.MX != "" {
		return o, o.mxArgs(positional)
	}
	return o, o.positional(positional)
}

// mxArgs checks -mx's domain; the only argument it allows is a port.
func (o *Options) mxArgs(args []string) error {
	d := o.MX
	if strings.HasPrefix(d, "-") || strings.ContainsAny(d, " \t/:@") {
		return usageErr("-mx takes a mail domain such as example.com, not %q", d)
	}
	switch len(args) {
	case 0:
	case 1:
		if o.Port != "" {
			return usageErr("the port is given twice")
		}
		o.Port = args[0]
	default:
		return usageErr("-mx finds the host itself; give only the domain and, if not 25, a port")
	}
	return o.checkPort()
}

func (o *Options) positional(args []string) error {
	switch len(args) {
	case 0:
		return nil
	case 1, 2:
	default:
		return usageErr("too many arguments: %s", strings.Join(args[2:], " "))
	}
	host := args[0]
	if strings.Contains(host, "://") {
		if len(args) > 1 {
			return usageErr("a URL takes no separate port")
		}
		return o.fromURL(host)
	}
	if strings.HasPrefix(host, "-") {
		return usageErr("%q is not a host name", host)
	}
	o.Host = host
	if len(args) == 2 {
		if o.Port != "" {
			return usageErr("the port is given twice")
		}
		o.Port = args[1]
	}
	return o.checkPort()
}

// fromURL reads telnet://host[:port][/]; a port-less URL means 23.
func (o *Options) fromURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return usageErr("%q is not a valid URL", raw)
	}
	if !strings.EqualFold(u.Scheme, "telnet") {
		return usageErr("Tern opens telnet:// URLs, not %s://", u.Scheme)
	}
	host := u.Hostname()
	if host == "" || strings.HasPrefix(host, "-") {
		return usageErr("%q has no valid host name", raw)
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		return usageErr("%q: a telnet URL has no path", raw)
	}
	o.Host = host
	if u.Port() != "" {
		o.Port = u.Port()
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			return usageErr("%s: Tern takes no password on the command line (others could read it in the process list); the logon asks for it", u.Redacted())
		}
		if o.User == "" { // -l wins
			o.User = u.User.Username()
		}
		if err := checkUser(o.User); err != nil {
			return err
		}
	}
	return o.checkPort()
}

// checkUser refuses a login name the server could not take as one: empty,
// or with a control character.
func checkUser(u string) error {
	if u == "" || strings.ContainsFunc(u, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return usageErr("-l takes a user name such as admin, not %q", u)
	}
	return nil
}

func (o *Options) checkPort() error {
	if o.Port == "" {
		return nil
	}
	if n, err := strconv.Atoi(o.Port); err == nil {
		if n < 1 || n > 65535 {
			return usageErr("port number %d is out of range (1-65535)", n)
		}
		return nil
	}
	if _, err := lookupPort("tcp", o.Port); err != nil {
		return usageErr("%q is not a port number or a known service name", o.Port)
	}
	return nil
}
