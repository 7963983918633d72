package gui

import (
	"net"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/sessioninfo"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// assistHost is the window as one tab's assistant sees it (assist.Window).
type assistHost struct {
	w *mainWindow
	t *termtab.Tab
}

func (h assistHost) Window() fyne.Window        { return h.w.win }
func (h assistHost) UI(f func())                { h.w.onUI(f) }
func (h assistHost) FocusTerminal()             { h.w.focusCurrent() }
func (h assistHost) RefreshStatus()             { h.w.refreshStatus() }
func (h assistHost) ShowDialog(d dialog.Dialog) { h.w.dialogs.Show(d) }

func (h assistHost) ShowDialogWithDefault(d dialog.Dialog, enter func()) {
	h.w.dialogs.ShowWithDefault(d, enter)
}
func (h assistHost) DialogSize(wd, ht float32) fyne.Size { return h.w.dialogs.Size(wd, ht) }
func (h assistHost) ShowInfo(title, message string)      { h.w.dialogs.Info(title, message) }
func (h assistHost) ShowCertificate(info tlscheck.Info) {
	sessioninfo.ShowCertificate(h.w.dialogs, info)
}
func (h assistHost) Profiles() *profiles.Store { return h.w.store }
func (h assistHost) Resolver() *net.Resolver   { return h.w.opts.Resolver }

func (h assistHost) ConfirmRisky(title, message, confirm string, answer func(bool)) {
	h.w.dialogs.RiskyConfirm(title, message, confirm, answer)
}

// assistants is the window's side of the tabs' protocol assistants:
// which one a tab has, showing it, and the Assistant menu.
type assistants struct{ w *mainWindow }

// of is the tab's protocol assistant, made for the session's kind
// (settings.Session.PickAssistantAfter: the session's choice, its port,
// else the server's greeting) and handed to the tab on first use.
func (a assistants) of(t *termtab.Tab) assist.Panel {
	if p, ok := t.Assistant().(assist.Panel); ok {
		return p
	}
	return a.set(t, t.Settings().PickAssistantAfter(t.Greeting()))
}

// set gives t a new assistant of kind (settings.AssistSMTP …),
// in the place of the one it had.
func (a assistants) set(t *termtab.Tab, kind string) assist.Panel {
	host := assistHost{a.w, t}
	var p assist.Panel
	switch kind {
	case settings.AssistPOP3:
		p = assist.NewPOP3Panel(host, t)
	case settings.AssistIMAP:
		p = assist.NewIMAPPanel(host, t)
	case settings.AssistHTTP:
		p = assist.NewHTTPPanel(host, t)
	default:
		p = assist.NewSMTPPanel(host, t)
	}
	t.SetAssistant(p)
	a.markCurrent()
	return p
}

// assistantKind is the kind of p (settings.AssistSMTP …).
func assistantKind(p assist.Panel) string { return strings.ToLower(p.Name()) }

// followGreeting changes a tab's assistant to the one its server's first
// line implies, when neither the session nor its port chose one and no
// Run test runs (Dovecot POP3 on 2110 gets POP3, not SMTP).
func (a assistants) followGreeting(t *termtab.Tab) {
	w := a.w
	p, ok := t.Assistant().(assist.Panel)
	greeting := t.Greeting()
	if _, open := w.byItem[t.Item()]; !open || !ok || greeting == "" || p.Running() {
		return
	}
	if kind := t.Settings().PickAssistantAfter(greeting); kind != assistantKind(p) {
		a.set(t, kind)
		t.Print("\r\n[Tern: the server speaks " + strings.ToUpper(kind) + ", so the assistant is " + strings.ToUpper(kind) + "'s. Assistant menu ▸ Use … changes it.]\r\n")
	}
}

// use is the Assistant menu's choice for the current tab: it
// holds for the tab from now on, and is shown.
func (a assistants) use(kind string) {
	w := a.w
	t := w.current()
	if t == nil {
		return
	}
	st := t.Settings()
	st.Assistant = kind
	t.SetSettings(st)
	if p, ok := t.Assistant().(assist.Panel); !ok || assistantKind(p) != kind {
		a.set(t, kind)
	}
	if !t.AssistantShown() {
		t.ToggleAssistant()
	}
	t.Assistant().(assist.Panel).FocusField(w.win.Canvas())
}

// toggle shows or hides the tab's protocol assistant; shown, it
// has the keyboard in its first empty field (F6 goes back to the
// terminal), hidden, the terminal has it.
func (a assistants) toggle() {
	w := a.w
	t := w.current()
	if t == nil {
		return
	}
	p := a.of(t)
	t.ToggleAssistant()
	if t.AssistantShown() {
		p.FocusField(w.win.Canvas())
	} else {
		w.focusCurrent()
	}
}

// show puts the tab's protocol assistant beside its terminal.
func (a assistants) show(t *termtab.Tab) assist.Panel {
	p := a.of(t)
	if !t.AssistantShown() {
		t.ToggleAssistant()
	}
	return p
}

// runTest runs the assistant's test, opening the assistant first.
func (a assistants) runTest() {
	if t := a.w.current(); t != nil {
		a.show(t).RunTest()
	}
}

// findMailServers has the tab's SMTP assistant look domain up and connect
// the tab; found (nil for none) hears what the lookup found.
func (a assistants) findMailServers(t *termtab.Tab, domain string, found assist.MailDomainFound) {
	p, ok := a.show(t).(*assist.SMTPPanel)
	if !ok {
		t.Print("A mail domain (mx:" + domain + ") needs the SMTP assistant: choose it under Assistant in the session's settings.\r\n")
		return
	}
	p.FindMailServers(domain, found)
}
