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
	w.relabelTabs()
	w.refreshStatus()
	w.focusCurrent()
}

// broadcastMenuItem is the Session menu's toggle.
func (w *mainWindow) broadcastMenuItem() *fyne.MenuItem {
	w.broadcastItem = fyne.NewMenuItem("Type into all tabs", w.toggleBroadcast)
	w.broadcastItem.Shortcut = ctrlShift(fyne.KeyB)
	return w.broadcastItem
}

// broadcastKeys sends what was typed in from to the other live tabs
// (none when from is left out), unless the secret gate holds or drops
// them.
func (w *mainWindow) broadcastKeys(from *termtab.Tab, p []byte) {
	if w.labels.optOut[from] {
		return
	}
	w.throughSecretGate(from, bytes.ContainsAny(p, "\r\n"), func() {
		w.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
			t.InterruptLogon()
			_, _ = s.Write(withoutByte(p, s.Status().Escape))
		})
	})
}

// broadcastPaste pastes text into the other live tabs, each framed as its
// own server asked, unless the secret gate holds or drops it.
func (w *mainWindow) broadcastPaste(from *termtab.Tab, text []byte) {
	if w.labels.optOut[from] {
		return
	}
	w.throughSecretGate(from, bytes.ContainsAny(text, "\r\n"), func() {
		w.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
			t.PasteToSession(text)
		})
	})
}

// The secret gate: what is typed while the current tab asks for a
// password (in any language of the prompt table, or echo off at a colon
// prompt: protocol.Session.MaskingInput) is not sent to the other tabs
// before the person says so. The first such key asks; until the answer,
// keys are held; the answer holds until the line ends (Enter).
type secretGate int

const (
	gateOpen    secretGate = iota // nothing secret being typed
	gateAsking                    // the question is up; keys are held
	gateAllowed                   // the person said all tabs, for this line
	gateRefused                   // the person said this tab only, for this line
)

// throughSecretGate runs send now, later (once the person agrees) or
// never; endsLine says the keys end the line being typed.
func (w *mainWindow) throughSecretGate(from *termtab.Tab, endsLine bool, send func()) {
	switch w.gate {
	case gateOpen:
		if s := from.Session(); s == nil || !s.MaskingInput() {
			send()
			return
		}
		w.gate, w.gateHeld = gateAsking, []func(){send}
		w.gateEnds = endsLine
		w.askSecretBroadcast()
		return
	case gateAsking:
		w.gateHeld = append(w.gateHeld, send)
		w.gateEnds = w.gateEnds || endsLine
		return
	case gateAllowed:
		send()
	}
	if endsLine {
		w.gate = gateOpen
	}
}

// askSecretBroadcast asks whether what is typed at a password prompt goes
// to every tab; Enter and Escape answer no.
func (w *mainWindow) askSecretBroadcast() {
	others := 0
	for _, t := range w.byItem {
		if t != w.current() && t.Live() {
			others++
		}
	}
	w.showRiskyConfirm("Type this password into all tabs?",
		fmt.Sprintf("Type into all tabs is on, and this tab is asking for a password (or its echo is off): what you type now would also go to the %d other connected tabs, in clear. Send it to all tabs? Cancel sends it to this tab only.", others),
		"Send to all tabs", w.answerSecretBroadcast)
}

// answerSecretBroadcast sends or drops the keys held, and lets the answer
// hold until the line ends.
func (w *mainWindow) answerSecretBroadcast(all bool) {
	held, ends := w.gateHeld, w.gateEnds
	w.gateHeld = nil
	w.gate = gateRefused
	if all {
		w.gate = gateAllowed
		for _, send := range held {
			send()
		}
	}
	if ends {
		w.gate = gateOpen
	}
	w.focusCurrent()
}

// eachOtherTab calls f for every live tab but from that is not at its
// telnet> prompt.
func (w *mainWindow) eachOtherTab(from *termtab.Tab, f func(*termtab.Tab, *protocol.Session)) {
	for _, t := range w.byItem {
		if t == from || !t.Live() || t.InPrompt() || w.labels.optOut[t] {
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
	if w.labels.optOut[w.current()] {
		return "THIS TAB IS LEFT OUT OF TYPING INTO ALL TABS (Session menu)"
	}
	n, out := 0, 0
	for _, t := range w.byItem {
		switch {
		case t.Live() && w.labels.optOut[t]:
			out++
		case t.Live():
			n++
		}
	}
	if out > 0 {
		return fmt.Sprintf("TYPING INTO ALL %d CONNECTED TABS MARKED » (%d LEFT OUT; Ctrl+Shift+B stops)", n, out)
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
