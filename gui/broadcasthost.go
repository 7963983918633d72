package gui

import (
	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/gui/termtab"
)

// broadcastHost is the window as Type into all tabs (gui/broadcast) sees
// it.
type broadcastHost struct{ w *mainWindow }

func (h broadcastHost) Tabs() []*termtab.Tab {
	var tabs []*termtab.Tab
	for _, it := range h.w.tabs.Items {
		if t := h.w.byItem[it]; t != nil {
			tabs = append(tabs, t)
		}
	}
	return tabs
}

func (h broadcastHost) Current() *termtab.Tab    { return h.w.current() }
func (h broadcastHost) Labels() *tabmarks.Labels { return &h.w.labels }
func (h broadcastHost) FocusCurrent()            { h.w.focusCurrent() }
func (h broadcastHost) RiskyConfirm(title, message, confirm string, answer func(bool)) {
	h.w.dialogs.RiskyConfirm(title, message, confirm, answer)
}

func (h broadcastHost) Changed() {
	h.w.relabelTabs()
	if m := h.w.win.MainMenu(); m != nil {
		m.Refresh() // Type into all tabs' tick
	}
	h.w.refreshStatus()
	h.w.focusCurrent()
}
