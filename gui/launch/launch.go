// Package launch turns the command line into the session the window
// opens: tern -load with the options given beside it, tern -mx's mail
// domain. It needs no display.
package launch

import (
	"fmt"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// applyCommandLine lets options given beside -load override the profile.
func applyCommandLine(st settings.Session, o cmdline.Options) settings.Session {
	e := &st.Engine
	if o.Host != "" {
		e.Host = o.Host
	}
	if o.Port != "" {
		e.Port = o.Port
	}
	if o.Bind != "" {
		e.Bind = o.Bind
	}
	if o.User != "" {
		e.User = o.User
	}
	if o.Network != "" {
		e.Network = o.Network
	}
	if o.Raw {
		e.Negotiation = protocol.NegotiateRaw
	}
	if o.SessionLog != "" {
		e.SessionLog = protocol.Log{Path: o.SessionLog}
	}
	if o.RawLog != "" {
		e.RawLog = protocol.Log{Path: o.RawLog}
	}
	if o.EscapeSet {
		e.Escape = o.Escape
	}
	if o.CloseSet {
		st.Close = o.Close
	}
	if o.Proxy.Active() {
		// The profile's remembered proxy password still goes only to the
		// proxy it was saved for (settings.WantsProxyPassword).
		e.Proxy = o.Proxy
	}
	return st
}

// Loaded is -load's session: the profile p, with the options given
// beside -load in its place and -mx's domain as its host.
func Loaded(p profiles.Profile, o cmdline.Options) settings.Session {
	return WithMailDomain(applyCommandLine(settings.FromProfile(p), o), o)
}

// A mail domain instead of a host: "mx:example.com" in the Host field (or
// tern -mx example.com) opens the tab with the SMTP assistant, which looks
// up the domain's mail exchangers and connects to the first that answers.

// MailDomain is tern -mx's session: the SMTP test template's, for the
// domain on the port asked (25 by default), with the other options given.
func MailDomain(o cmdline.Options) settings.Session {
	st := settings.FromProfile(profiles.Builtins()[0]) // SMTP test (port 25)
	st.Name = ""
	st = applyCommandLine(st, cmdline.Options{Bind: o.Bind, Network: o.Network, SessionLog: o.SessionLog,
		RawLog: o.RawLog, Escape: o.Escape, EscapeSet: o.EscapeSet, Close: o.Close, CloseSet: o.CloseSet})
	return WithMailDomain(st, o)
}

// WithMailDomain points st at -mx's domain, when given, on MXPort: with
// -load, the profile's SMTP fields are used on the domain's exchanger.
func WithMailDomain(st settings.Session, o cmdline.Options) settings.Session {
	if o.MX != "" {
		st.Engine.Host, st.Engine.Port = settings.MailDomainPrefix+o.MX, o.MXPort()
		st.Assistant = settings.AssistSMTP
	}
	return st
}

// PrintFound prints -mx's lookup on the console Tern was started from
// (an assist.MailDomainFound); nil without -mx.
func PrintFound(o cmdline.Options) func(words string, done bool) {
	if o.MX == "" {
		return nil
	}
	return func(words string, _ bool) { fmt.Print(words) }
}
