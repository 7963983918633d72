package gui

import (
	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/newsession"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// sessionDialogs opens the New session dialog (and Edit and reconnect)
// over the window, one at a time; it is also the window as that dialog
// sees it (newsession.Host).
type sessionDialogs struct{ w *mainWindow }

func (h sessionDialogs) Window() fyne.Window       { return h.w.win }
func (h sessionDialogs) Dialogs() *widgets.Dialogs { return h.w.dialogs }
func (h sessionDialogs) Store() *profiles.Store    { return h.w.store }
func (h sessionDialogs) FocusTerminal()            { h.w.focusCurrent() }

func (h sessionDialogs) Profiles() *profiles.File {
	f, _ := h.w.loadProfiles()
	return f
}

func (h sessionDialogs) RememberTarget(host, port string) {
	h.w.prefs.RememberTarget(h.w.app, host, port)
}

// newSession is New session (the toolbar, the menu, Ctrl+Shift+T).
func (h sessionDialogs) newSession() { h.showNew() }

// showNew opens the New session dialog, starting from Default Settings;
// when those name no host, from the host and port used last. With the
// dialog open already, that one comes to the keyboard.
func (h sessionDialogs) showNew() *newsession.Dialog {
	w := h.w
	if c := w.connecting; c != nil {
		c.Focus()
		return c
	}
	st := settings.FromProfile(h.Profiles().Default)
	st.Name = ""
	if st.Engine.Host == "" && w.prefs.LastHost != "" {
		st.Engine.Host, st.Engine.Port = w.prefs.LastHost, w.prefs.LastPort
	}
	return h.show(newsession.Options{Title: "New session", Settings: st, Open: func(st settings.Session) { w.OpenSession(st) }})
}

// editAndReconnect shows the current tab's settings in the dialog; Open
// reconnects that tab with what was changed. Without a tab it is New
// session.
func (h sessionDialogs) editAndReconnect() {
	if t := h.w.current(); t != nil {
		h.showEdit(t)
		return
	}
	h.showNew()
}

// showEdit shows t's settings; Record from this session proposes logon
// steps from its session. A mail domain is looked up again.
func (h sessionDialogs) showEdit(t *termtab.Tab) *newsession.Dialog {
	w := h.w
	if c := w.connecting; c != nil {
		c.Hide() // Edit and reconnect takes the place of an open dialog
	}
	o := newsession.Options{Title: "Edit and reconnect — " + t.Settings().Title(), Settings: t.Settings(), OpenText: "Reconnect",
		Open: func(st settings.Session) { w.reconnectTab(t, st) }}
	if t.Session() != nil {
		o.Record = t.ProposeLogon
	}
	return h.show(o)
}

func (h sessionDialogs) show(o newsession.Options) *newsession.Dialog {
	o.Closed = func() { h.w.connecting = nil }
	c := newsession.Show(h, o)
	h.w.connecting = c
	return c
}
