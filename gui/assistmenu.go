package gui

import (
	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
)

// assistChoices are the Assistant menu's "Use the … assistant" items, in
// the menu's order.
var assistChoices = []struct{ kind, label string }{
	{settings.AssistSMTP, "Use the SMTP assistant"},
	{settings.AssistPOP3, "Use the POP3 assistant"},
	{settings.AssistIMAP, "Use the IMAP assistant"},
	{settings.AssistHTTP, "Use the HTTP assistant"},
}

// useItems makes the Assistant menu's choices and keeps them, so that
// markCurrent can tick the current tab's.
func (a assistants) useItems() []*fyne.MenuItem {
	w := a.w
	w.assistItems = w.assistItems[:0]
	for _, c := range assistChoices {
		kind := c.kind
		w.assistItems = append(w.assistItems, fyne.NewMenuItem(c.label, func() { a.use(kind) }))
	}
	return w.assistItems
}

// currentKind is the assistant the current tab has, or the one it would
// get when shown (settings.Session.PickAssistantAfter); "" without a tab.
func currentKind(t *termtab.Tab) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Assistant().(assist.Panel); ok {
		return assistantKind(p)
	}
	return t.Settings().PickAssistantAfter(t.Greeting())
}

// markCurrent ticks the current tab's assistant in the Assistant menu. It
// runs with every status refresh (a tab chosen, a greeting, a setting
// changed, the ticker) and when an assistant is set; the menu is redrawn
// only when a tick moves.
func (a assistants) markCurrent() {
	w := a.w
	kind := currentKind(w.current())
	changed := false
	for i, item := range w.assistItems {
		if on := assistChoices[i].kind == kind; item.Checked != on {
			item.Checked, changed = on, true
		}
	}
	if m := w.win.MainMenu(); changed && m != nil {
		m.Refresh()
	}
}
