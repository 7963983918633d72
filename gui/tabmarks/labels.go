package gui

import (
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/sessioninfo"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/protocol"
)

// What the tab strip, and its overflow menu (text only: Fyne's menu has
// no icons), say of each tab: "» " while it receives what is typed into
// all tabs, "• " while connected; its title; a number when another open
// tab has the same title ("r1 (2)"), kept for the tab's life; and
// " (closed)" once its session ended. Only "»" and "•" are used among
// the marks because the default font has them.

const (
	receivingMark = "» "
	connectedMark = "• "
)

// tabLabels is what the window keeps to label its tabs (UI goroutine).
type tabLabels struct {
	title  map[*termtab.Tab]string // the server's or the settings' title
	number map[*termtab.Tab]int    // 1 for the first open tab with its title
	optOut map[*termtab.Tab]bool   // left out of Type into all tabs
}

// setTabTitle gives t its title: a new title takes the smallest number
// no other open tab with that title has.
func (w *mainWindow) setTabTitle(t *termtab.Tab, title string) {
	l := &w.labels
	if l.title == nil {
		l.title, l.number, l.optOut = map[*termtab.Tab]string{}, map[*termtab.Tab]int{}, map[*termtab.Tab]bool{}
	}
	if old, ok := l.title[t]; !ok || old != title {
		used := map[int]bool{}
		for _, o := range w.byItem {
			if o != t && l.title[o] == title {
				used[l.number[o]] = true
			}
		}
		n := 1
		for used[n] {
			n++
		}
		l.title[t], l.number[t] = title, n
	}
	w.relabelTabs()
}

// tabText is t's label in the strip.
func (w *mainWindow) tabText(t *termtab.Tab) string {
	title, ok := w.labels.title[t]
	if !ok {
		title = t.Settings().Title()
	}
	text := title
	if n := w.labels.number[t]; n > 1 {
		text += fmt.Sprintf(" (%d)", n)
	}
	switch {
	case t.State() == protocol.StateClosed:
		return sessioninfo.MarkClosed(text, true)
	case w.receivesBroadcast(t):
		return receivingMark + text
	case t.State() == protocol.StateConnected:
		return connectedMark + text
	}
	return text
}

// receivesBroadcast reports whether what is typed goes to t too (Type
// into all tabs is on, t is connected and not left out).
func (w *mainWindow) receivesBroadcast(t *termtab.Tab) bool {
	return w.broadcast.on && t.Live() && !w.labels.optOut[t]
}

// relabelTabs writes every tab's label, forgets closed tabs, and keeps
// the Leave this tab out item's check on the current tab.
func (w *mainWindow) relabelTabs() {
	open := map[*termtab.Tab]bool{}
	for item, t := range w.byItem {
		open[t] = true
		item.Text = w.tabText(t)
	}
	for t := range w.labels.title {
		if !open[t] {
			delete(w.labels.title, t)
			delete(w.labels.number, t)
			delete(w.labels.optOut, t)
		}
	}
	if w.optOutItem != nil {
		checked := w.current() != nil && w.labels.optOut[w.current()]
		if checked != w.optOutItem.Checked {
			w.optOutItem.Checked = checked
			if m := w.win.MainMenu(); m != nil {
				m.Refresh()
			}
		}
	}
	w.tabs.Refresh()
}

// broadcastOptOutItem is the Session menu's "Leave this tab out of Type
// into all tabs", checked for the current tab when it is left out.
func (w *mainWindow) broadcastOptOutItem() *fyne.MenuItem {
	w.optOutItem = fyne.NewMenuItem("Leave this tab out of Type into all tabs", w.toggleOptOut)
	return w.optOutItem
}

// toggleOptOut leaves the current tab out of Type into all tabs, or takes
// it back in: it neither sends to the others nor receives from them.
func (w *mainWindow) toggleOptOut() {
	t := w.current()
	if t == nil {
		return
	}
	w.labels.optOut[t] = !w.labels.optOut[t] // the maps exist once a tab does (setTabTitle)
	w.relabelTabs()
	w.refreshStatus()
	w.focusCurrent()
}
