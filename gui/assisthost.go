package gui

import (
	"net"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
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
func (h assistHost) ShowDialog(d dialog.Dialog) { h.w.showDialog(d) }

func (h assistHost) ShowDialogWithDefault(d dialog.Dialog, enter func()) {
	h.w.showDialogWithDefault(d, enter)
}
func (h assistHost) DialogSize(wd, ht float32) fyne.Size   { return h.w.dialogSize(wd, ht) }
func (h assistHost) ShowInfo(title, message string)        { h.w.showInfo(title, message) }
func (h assistHost) ShowCertificate(info protocol.TLSInfo) { h.w.showCertificate(info) }
func (h assistHost) Profiles() *profiles.Store             { return h.w.store }
func (h assistHost) Resolver() *net.Resolver               { return Resolver }

func (h assistHost) ConfirmRisky(title, message, confirm string, answer func(bool)) {
	h.w.showRiskyConfirm(title, message, confirm, answer)
}

// assistant is the tab's protocol assistant, made for the session's kind
// (settings.Session.PickAssistant) and handed to the tab on first use.
func (w *mainWindow) assistant(t *termtab.Tab) assist.Panel {
	if p, ok := t.Assistant().(assist.Panel); ok {
		return p
	}
	host := assistHost{w, t}
	var p assist.Panel
	switch t.Settings().PickAssistant() {
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
	return p
}
