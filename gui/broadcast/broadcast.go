// Package broadcast is Type into all tabs (what WindTerm and Tabby call
// broadcast input): while it is on, what is typed or pasted in the
// current tab also goes to every other connected tab, each through its
// own line discipline, to configure several routers at once. The escape
// character and the telnet> prompt stay with the current tab; a tab at its
// telnet> prompt, or left out, gets nothing; what is typed at a password
// prompt goes to the others only once the person says so (the secret
// gate). It knows the window only through Window.
package broadcast

import (
	"bytes"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/tabmarks"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/protocol"
)

// Window is what typing into all tabs needs of the window; its methods
// run on the UI goroutine.
type Window interface {
	Tabs() []*termtab.Tab  // the open tabs
	Current() *termtab.Tab // the tab in front, nil for none
	Labels() *tabmarks.Labels
	// Changed relabels the tabs (and the menu's checks) and refreshes the
	// status bar, then gives the current tab the keyboard.
	Changed()
	FocusCurrent()
	RiskyConfirm(title, message, confirm string, answer func(bool))
}

// Broadcast is Type into all tabs, on the UI goroutine.
type Broadcast struct {
	w  Window
	on bool // typing goes to every connected tab
	// Item is the Session menu's toggle; OptOutItem its "Leave this tab
	// out of Type into all tabs", checked for the current tab when it is
	// left out.
	Item, OptOutItem *fyne.MenuItem
	// The secret gate: its state, the keys held while it asks, and
	// whether they end the line.
	gate     secretGate
	gateHeld []func()
	gateEnds bool
}

// New makes Type into all tabs, off, with its two menu items.
func New(w Window) *Broadcast {
	b := &Broadcast{w: w}
	b.Item = fyne.NewMenuItem("Type into all tabs", b.Toggle)
	b.Item.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
	b.OptOutItem = fyne.NewMenuItem("Leave this tab out of Type into all tabs", b.ToggleLeftOut)
	return b
}

// On reports whether what is typed goes to every connected tab.
func (b *Broadcast) On() bool { return b.on }

// Toggle turns typing into all tabs on or off.
func (b *Broadcast) Toggle() {
	b.on = !b.on
	b.Item.Checked = b.on
	b.w.Changed()
}

// CheckOptOut ticks the opt-out item when the current tab is left out;
// it reports whether the tick changed (the menu is then redrawn).
func (b *Broadcast) CheckOptOut() bool {
	t := b.w.Current()
	checked := t != nil && b.w.Labels().LeftOut(t)
	if checked == b.OptOutItem.Checked {
		return false
	}
	b.OptOutItem.Checked = checked
	return true
}

// ToggleLeftOut leaves the current tab out of Type into all tabs, or
// takes it back in: it neither sends to the others nor receives from
// them.
func (b *Broadcast) ToggleLeftOut() {
	t := b.w.Current()
	if t == nil {
		return
	}
	b.w.Labels().ToggleLeftOut(t)
	b.w.Changed()
}

// Receives reports whether what is typed goes to t too (Type into all
// tabs is on, t is connected and not left out).
func (b *Broadcast) Receives(t *termtab.Tab) bool {
	return b.on && t.Live() && !b.w.Labels().LeftOut(t)
}

// Keys sends what was typed in from to the other live tabs (none when
// from is left out), unless the secret gate holds or drops them.
func (b *Broadcast) Keys(from *termtab.Tab, p []byte) {
	if b.w.Labels().LeftOut(from) {
		return
	}
	b.throughSecretGate(from, bytes.ContainsAny(p, "\r\n"), func() {
		b.eachOtherTab(from, func(t *termtab.Tab, s *protocol.Session) {
			t.InterruptLogon()
			_, _ = s.Write(withoutByte(p, s.Status().Escape))
		})
	})
}

// Paste pastes text into the other live tabs, each paced and framed as
// its own settings and server say (line by line at least when
// lineByLine), unless the secret gate holds or drops it.
func (b *Broadcast) Paste(from *termtab.Tab, text []byte, lineByLine bool) {
	if b.w.Labels().LeftOut(from) {
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
func (b *Broadcast) throughSecretGate(from *termtab.Tab, endsLine bool, send func()) {
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
func (b *Broadcast) askSecret() {
	others := 0
	for _, t := range b.w.Tabs() {
		if t != b.w.Current() && t.Live() {
			others++
		}
	}
	b.w.RiskyConfirm("Type this password into all tabs?",
		fmt.Sprintf("Type into all tabs is on, and this tab is asking for a password (or its echo is off): what you type now would also go to the %d other connected tabs, in clear. Send it to all tabs? Cancel sends it to this tab only.", others),
		"Send to all tabs", b.answerSecret)
}

// answerSecret sends or drops the keys held, and lets the answer
// hold until the line ends.
func (b *Broadcast) answerSecret(all bool) {
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
	b.w.FocusCurrent()
}

// eachOtherTab calls f for every live tab but from that is not at its
// telnet> prompt.
func (b *Broadcast) eachOtherTab(from *termtab.Tab, f func(*termtab.Tab, *protocol.Session)) {
	for _, t := range b.w.Tabs() {
		if t == from || !t.Live() || t.InPrompt() || b.w.Labels().LeftOut(t) {
			continue
		}
		if s := t.Session(); s != nil {
			f(t, s)
		}
	}
}

// Note is the status bar's reminder while broadcasting.
func (b *Broadcast) Note() string {
	if !b.on {
		return ""
	}
	if b.w.Labels().LeftOut(b.w.Current()) {
		return "THIS TAB IS LEFT OUT OF TYPING INTO ALL TABS (Session menu)"
	}
	n, out := 0, 0
	for _, t := range b.w.Tabs() {
		switch {
		case t.Live() && b.w.Labels().LeftOut(t):
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
