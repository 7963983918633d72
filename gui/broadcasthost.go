package gui

import (
	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/gui/termtab"
)

// broadcastHost is the window as Type into all tabs (gui/broadcast) sees
// it.
type broadcastHost struct{ w *mainWindow }

func (h broadcastHost) Tabs() []*termtab.Tab { return h.w.openTabs() }

func (h broadcastHost) Current() *termtab.Tab    { return h.w.current() }
func (h broadcastHost) Labels() *tabmarks.Labels { return &h.w.labels }
func (h broadcastHost) FocusCurrent()            { h.w.focusCurrent() }
func (h broadcastHost) RiskyConfirm(title, message, confirm string, answer func(bool)) {
	h.w.dialogs.RiskyConfirm(title, message, confirm, answer)
}

func (h broadcastHost) Changed() {
	if m := h.w.win.MainMenu(); !h.w.relabelTabs() && m != nil {
		m.Refresh() // Type into all tabs' tick
	}
	h.w.refreshStatus()
	h.w.focusCurrent()
}
