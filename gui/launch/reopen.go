package launch

import (
	"net"
	"strings"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// Reopen last tabs: the window keeps a list of its tabs in Fyne
// preferences as they open and close, and with the option on (Settings)
// a start without a session on the command line opens them again: a
// saved session by its name (its settings as saved now), an unsaved one
// as host and port only, with Default Settings — never a password or
// anything else typed for it.
const (
	// PrefReopenTabs is the option (Settings): reopen the last tabs.
	PrefReopenTabs = "reopenTabs"
	// PrefLastTabs holds the records of the tabs, in order.
	PrefLastTabs = "lastTabs"
)

// Prefs is where the list is kept: the part of fyne.Preferences used.
type Prefs interface {
	Bool(key string) bool
	StringList(key string) []string
	SetStringList(key string, value []string)
}

// A record is "saved <name>", "telnet <host:port>" or "raw <host:port>".
const (
	recordSaved  = "saved "
	recordTelnet = "telnet "
	recordRaw    = "raw "
)

// tabRecord is how a tab's session is remembered.
func tabRecord(st settings.Session) string {
	if st.Name != "" {
		return recordSaved + st.Name
	}
	port := st.Engine.Port
	if port == "" {
		port = "23"
	}
	kind := recordTelnet
	if st.Engine.Negotiation == protocol.NegotiateRaw {
		kind = recordRaw
	}
	return kind + net.JoinHostPort(strings.TrimSpace(st.Engine.Host), port)
}

// RememberTabs records the window's tabs' sessions in order.
func RememberTabs(p Prefs, tabs []settings.Session) {
	var records []string
	for _, st := range tabs {
		records = append(records, tabRecord(st))
	}
	p.SetStringList(PrefLastTabs, records)
}

// LastTabs are the sessions of the last run's tabs to open again when
// the option is on (none when it is off); f is the saved sessions (nil:
// none).
func LastTabs(p Prefs, f *profiles.File) []settings.Session {
	if !p.Bool(PrefReopenTabs) {
		return nil
	}
	if f == nil {
		f = &profiles.File{}
	}
	var open []settings.Session
	for _, rec := range p.StringList(PrefLastTabs) {
		if st, ok := recordSession(rec, f); ok {
			open = append(open, st)
		}
	}
	return open
}

// recordSession is the session a record names: a saved session that no
// longer exists, or a record not understood, is none.
func recordSession(rec string, f *profiles.File) (settings.Session, bool) {
	if name, ok := strings.CutPrefix(rec, recordSaved); ok {
		pr, found := f.Find(name)
		return settings.FromProfile(pr), found
	}
	raw := strings.HasPrefix(rec, recordRaw)
	addr, ok := strings.CutPrefix(rec, recordTelnet)
	if raw {
		addr, ok = strings.CutPrefix(rec, recordRaw)
	}
	host, port, err := net.SplitHostPort(addr)
	if !ok || err != nil || host == "" {
		return settings.Session{}, false
	}
	base := f.Default.Clone()
	base.Name, base.Host, base.Port = "", host, port
	base.Logon, base.RememberPassword, base.Proxy.RememberPassword = nil, false, false
	st := settings.FromProfile(base)
	st.Name = ""
	if raw {
		st.Engine.Negotiation = protocol.NegotiateRaw
	}
	return st, true
}
