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

// broadcast is Type into all tabs, on the UI goroutine.
type broadcast struct {
	w    *mainWindow
	on   bool // typing goes to every connected tab
	item *fyne.MenuItem
	// The secret gate: its state, the keys held while it asks, and
	// whether they end the line.
	gate     secretGate
	gateHeld []func()
	gateEnds bool
}

func (b *broadcast) toggle() {
	w := b.w
	b.on = !b.on
	if b.item != nil {
		b.item.Checked = b.on
		if m := w.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	w.relabelTabs()
	w.refreshStatus()
	w.focusCurrent()
}

// menuItem is the Session menu's toggle.
func (b *broadcast) menuItem() *fyne.MenuItem {
	b.item = fyne.NewMenuItem("Type into all tabs", b.toggle)
	b.item.Shortcut = ctrlShift(fyne.KeyB)
	return b.item
}

// optOutItem is the Session menu's "Leave this tab out of Type into all
// tabs", checked for the current tab when it is left out.
func (b *broadcast) optOutItem() *fyne.MenuItem {
	b.w.optOutItem = fyne.NewMenuItem("Leave this tab out of Type into all tabs", b.toggleLeftOut)
	return b.w.optOutItem
}

// toggleLeftOut leaves the current tab out of Type into all tabs, or
// takes it back in: it neither sends to the others nor receives from
// them.
func (b *broadcast) toggleLeftOut() {
	w := b.w
	t := w.current()
	if t == nil {
		return
	}
	w.labels.ToggleLeftOut(t)
	w.relabelTabs()
	w.refreshStatus()
	w.focusCurrent()
}

// receives reports whether what is typed goes to t too (Type into all
// tabs is on, t is connected and not left out).
func (b *broadcast) receives(t *termtab.Tab) bool {
	return b.on && t.Live() && !b.w.labels.LeftOut(t)
}

// keys sends what was typed in from to the other live tabs (none when
// from is left out), unless the secret gate holds or drops them.
func (b *broadcast) keys(from *termtab.Tab, p []byte) {
	if b.w.labels.LeftOut(from) {
		return
	}
	b.throughSecretGate(from, bytes.ContainsAny(p, "\r\n"), func() {
		b.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
			t.InterruptLogon()
			_, _ = s.Write(withoutByte(p, s.Status().Escape))
		})
	})
}

// paste pastes text into the other live tabs, each paced and framed as
// its own settings and server say (line by line at least when
// lineByLine), unless the secret gate holds or drops it.
func (b *broadcast) paste(from *termtab.Tab, text []byte, lineByLine bool) {
	if b.w.labels.LeftOut(from) {
		return
	}
	b.throughSecretGate(from, bytes.ContainsAny(text, "\r\n"), func() {
		b.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
			t.PasteToSession(text, lineByLine)
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
func (b *broadcast) throughSecretGate(from *termtab.Tab, endsLine bool, send func()) {
	switch b.gate {
	case gateOpen:
		if s := from.Session(); s == nil || !s.MaskingInput() {
			send()
			return
		}
		b.gate, b.gateHeld = gateAsking, []func(){send}
		b.gateEnds = endsLine
		b.askSecret()
		return
	case gateAsking:
		b.gateHeld = append(b.gateHeld, send)
		b.gateEnds = b.gateEnds || endsLine
		return
	case gateAllowed:
		send()
	}
	if endsLine {
		b.gate = gateOpen
	}
}

// askSecret asks whether what is typed at a password prompt goes
// to every tab; Enter and Escape answer no.
func (b *broadcast) askSecret() {
	w := b.w
	others := 0
	for _, t := range w.byItem {
		if t != w.current() && t.Live() {
			others++
		}
	}
	w.dialogs.RiskyConfirm("Type this password into all tabs?",
		fmt.Sprintf("Type into all tabs is on, and this tab is asking for a password (or its echo is off): what you type now would also go to the %d other connected tabs, in clear. Send it to all tabs? Cancel sends it to this tab only.", others),
		"Send to all tabs", b.answerSecret)
}

// answerSecret sends or drops the keys held, and lets the answer
// hold until the line ends.
func (b *broadcast) answerSecret(all bool) {
	held, ends := b.gateHeld, b.gateEnds
	b.gateHeld = nil
	b.gate = gateRefused
	if all {
		b.gate = gateAllowed
		for _, send := range held {
			send()
		}
	}
	if ends {
		b.gate = gateOpen
	}
	b.w.focusCurrent()
}

// eachOtherTab calls f for every live tab but from that is not at its
// telnet> prompt.
func (b *broadcast) eachOtherTab(from *termtab.Tab, f func(*termtab.Tab, *protocol.Session)) {
	for _, t := range b.w.byItem {
		if t == from || !t.Live() || t.InPrompt() || b.w.labels.LeftOut(t) {
			continue
		}
		if s := t.Session(); s != nil {
			f(t, s)
		}
	}
}

// note is the status bar's reminder while broadcasting.
func (b *broadcast) note() string {
	if !b.on {
		return ""
	}
	if b.w.labels.LeftOut(b.w.current()) {
		return "THIS TAB IS LEFT OUT OF TYPING INTO ALL TABS (Session menu)"
	}
	n, out := 0, 0
	for _, t := range b.w.byItem {
		switch {
		case t.Live() && b.w.labels.LeftOut(t):
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
