package gui

import (
	"net"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

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
	prefReopenTabs = "reopenTabs"
	prefLastTabs   = "lastTabs"
)

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

// rememberTabs records the window's tabs in order, unless the window
// holds only the command line's session (it closes with it).
func (w *mainWindow) rememberTabs() {
	if w.quitWhenEmpty {
		return
	}
	var records []string
	for _, it := range w.tabs.Items {
		if t := w.byItem[it]; t != nil {
			records = append(records, tabRecord(t.Settings()))
		}
	}
	w.app.Preferences().SetStringList(prefLastTabs, records)
}

// reopenLastTabs opens the tabs of the last run when the option is on;
// it reports whether it opened any.
func (w *mainWindow) reopenLastTabs(f *profiles.File) bool {
	p := w.app.Preferences()
	if !p.Bool(prefReopenTabs) {
		return false
	}
	if f == nil {
		f = &profiles.File{}
	}
	opened := 0
	for _, rec := range p.StringList(prefLastTabs) {
		if st, ok := recordSession(rec, f); ok {
			w.OpenSession(st)
			opened++
		}
	}
	return opened > 0
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

// reopenSetting is the Settings dialog's check box.
type reopenSetting struct{ check *widget.Check }

func newReopenSetting(p fyne.Preferences) *reopenSetting {
	c := widget.NewCheck("Reopen the last tabs when Tern starts (saved sessions by name, others as host and port)", nil)
	c.SetChecked(p.Bool(prefReopenTabs))
	return &reopenSetting{check: c}
}

func (r *reopenSetting) item() *widget.FormItem { return widget.NewFormItem("Start", r.check) }

func (r *reopenSetting) save(p fyne.Preferences) { p.SetBool(prefReopenTabs, r.check.Checked) }
