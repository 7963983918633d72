package gui

import (
	"bytes"
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/protocol"
)

// Typing into all tabs (what WindTerm and Tabby call broadcast input):
// while it is on, what is typed or pasted in the current tab also goes to
// every other connected tab, each through its own line discipline, to
// configure several routers at once. The escape character and the
// telnet> prompt stay with the current tab; a tab at its telnet> prompt
// is left out.

func (w *mainWindow) toggleBroadcast() {
	w.broadcast = !w.broadcast
	if w.broadcastItem != nil {
		w.broadcastItem.Checked = w.broadcast
		if m := w.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	w.refreshStatus()
	w.focusCurrent()
}

// broadcastMenuItem is the Session menu's toggle.
func (w *mainWindow) broadcastMenuItem() *fyne.MenuItem {
	w.broadcastItem = fyne.NewMenuItem("Type into all tabs", w.toggleBroadcast)
	w.broadcastItem.Shortcut = ctrlShift(fyne.KeyB)
	return w.broadcastItem
}

// broadcastKeys sends what was typed in from to the other live tabs.
func (w *mainWindow) broadcastKeys(from *termtab.Tab, p []byte) {
	w.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
		t.InterruptLogon()
		_, _ = s.Write(withoutByte(p, s.Status().Escape))
	})
}

// broadcastPaste pastes text into the other live tabs, each framed as its
// own server asked.
func (w *mainWindow) broadcastPaste(from *termtab.Tab, text []byte) {
	w.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
		t.PasteToSession(text)
	})
}

// eachOtherTab calls f for every live tab but from that is not at its
// telnet> prompt.
func (w *mainWindow) eachOtherTab(from *termtab.Tab, f func(*termtab.Tab, *protocol.Session)) {
	for _, t := range w.byItem {
		if t == from || !t.Live() || t.InPrompt() {
			continue
		}
		if s := t.Session(); s != nil {
			f(t, s)
		}
	}
}

// broadcastNote is the status bar's reminder while broadcasting.
func (w *mainWindow) broadcastNote() string {
	if !w.broadcast {
		return ""
	}
	n := 0
	for _, t := range w.byItem {
		if t.Live() {
			n++
		}
	}
	return fmt.Sprintf("TYPING INTO ALL %d CONNECTED TABS (Ctrl+Shift+B stops)", n)
}

// withoutByte returns p without any byte c (c outside 0-255 removes nothing).
func withoutByte(p []byte, c int) []byte {
	if c < 0 || c > 255 || bytes.IndexByte(p, byte(c)) < 0 {
		return p
	}
	return bytes.ReplaceAll(p, []byte{byte(c)}, nil)
}
