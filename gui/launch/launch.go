package gui

import (
	"fmt"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/profiles"
)

// A mail domain instead of a host: "mx:example.com" in the Host field (or
// tern -mx example.com) opens the tab with the SMTP assistant, which looks
// up the domain's mail exchangers and connects to the first that answers.

// mailDomainSettings are tern -mx's: the SMTP test template's, for the
// domain on the port asked (25 by default), with the other options given.
func mailDomainSettings(o cmdline.Options) settings.Session {
	st := settings.FromProfile(profiles.Builtins()[0]) // SMTP test (port 25)
	st.Name = ""
	st = applyCommandLine(st, cmdline.Options{Bind: o.Bind, Network: o.Network, SessionLog: o.SessionLog,
		RawLog: o.RawLog, Escape: o.Escape, EscapeSet: o.EscapeSet, Close: o.Close, CloseSet: o.CloseSet})
	return withMailDomain(st, o)
}

// withMailDomain points st at -mx's domain, when given, on MXPort: with
// -load, the profile's SMTP fields are used on the domain's exchanger.
func withMailDomain(st settings.Session, o cmdline.Options) settings.Session {
	if o.MX != "" {
		st.Engine.Host, st.Engine.Port = settings.MailDomainPrefix+o.MX, o.MXPort()
		st.Assistant = settings.AssistSMTP
	}
	return st
}

// printFound prints -mx's lookup on the console Tern was started from;
// nil without -mx.
func printFound(o cmdline.Options) assist.MailDomainFound {
	if o.MX == "" {
		return nil
	}
	return func(words string, _ bool) { fmt.Print(words) }
}

// reconnectTab connects t again with st (Reconnect, Edit and reconnect):
// a mail domain is looked up again, for the exchanger that answers now.
func (w *mainWindow) reconnectTab(t *termtab.Tab, st settings.Session) {
	if domain, ok := st.MailDomain(); ok {
		t.SetSettings(st)
		assistants{w}.findMailServers(t, domain, nil)
		return
	}
	t.ReconnectWith(st)
}
