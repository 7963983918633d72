package proxy

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// ParseURL reads a proxy written as on Tern's command line:
// socks5://[user[:password]@]host[:port] (socks5h:// is the same, the
// name looked up at the proxy, which is the default anyway) or
// http://[user[:password]@]host[:port], or socks4://[userid@]host[:port]
// (the name looked up here, as curl does) and socks4a:// (looked up at
// the proxy). The port defaults to 1080 for SOCKS and 3128 for HTTP.
func ParseURL(s string) (Config, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return Config{}, errors.New("not a proxy URL such as socks5://host:1080 or http://host:3128")
	}
	var c Config
	switch strings.ToLower(u.Scheme) {
	case "socks5", "socks5h", "socks":
		c.Kind = SOCKS5
	case "http":
		c.Kind = HTTP
	case "socks4":
		c.Kind, c.LocalDNS = SOCKS4, true
	case "socks4a":
		c.Kind = SOCKS4
	case "":
		return Config{}, errors.New("the proxy URL needs a kind: socks5://, socks4://, socks4a:// or http://")
	default:
		return Config{}, fmt.Errorf("the %q proxy kind is not one Tern speaks; use socks5://, socks4://, socks4a:// or http://", u.Scheme)
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return Config{}, errors.New("a proxy URL has only a kind, a user, a host and a port")
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return Config{}, errors.New("the proxy URL has no host")
	}
	if strings.ContainsAny(c.Host, ":[]") && net.ParseIP(c.Host) == nil {
		return Config{}, fmt.Errorf("%q is not a host name or address", c.Host)
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Config{}, fmt.Errorf("%q is not a port number (1-65535)", p)
		}
		c.Port = n
	}
	if u.User != nil {
		c.User = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	return c, nil
}

// URL writes c back as ParseURL reads it, without the password.
func (c Config) URL() string {
	scheme := c.Kind.String()
	if c.Kind == SOCKS4 && !c.LocalDNS {
		scheme = "socks4a"
	}
	u := url.URL{Scheme: scheme, Host: c.Addr()}
	if c.User != "" {
		u.User = url.User(c.User)
	}
	return u.String()
}
