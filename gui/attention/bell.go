package attention

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/profiles"
)

// PuTTY's bell overload (its defaults for BellOverloadN, T and S): five
// bells within two seconds silence the bell until it has been quiet for
// five seconds, so a server (or a cat of a binary file) cannot make the
// window flash or beep without end.
const (
	BellBurst    = 5
	bellWindow   = 2 * time.Second
	bellSilence  = 5 * time.Second
	bellFlashFor = 100 * time.Millisecond
)

// Limiter is PuTTY's bell overload rule.
type Limiter struct {
	recent     []time.Time // the last bells, at most BellBurst
	overloaded bool
	last       time.Time
}

// Allow records a bell at now and reports whether it may ring.
func (l *Limiter) Allow(now time.Time) bool {
	if l.overloaded && now.Sub(l.last) >= bellSilence {
		l.overloaded, l.recent = false, l.recent[:0]
	}
	l.last = now
	kept := l.recent[:0]
	for _, at := range l.recent {
		if now.Sub(at) < bellWindow {
			kept = append(kept, at)
		}
	}
	l.recent = append(kept, now)
	if len(l.recent) > BellBurst {
		l.recent = l.recent[1:]
	}
	if len(l.recent) >= BellBurst {
		l.overloaded = true
	}
	return !l.overloaded
}

// Bell is a terminal's bell: the session's choices, what has rung, and
// the window it marks. Its methods run on the UI goroutine.
type Bell struct {
	Window       func() fyne.Window // the window to beep for and mark
	InBackground func() bool        // whether that window is behind others
	Flash        func(on bool)      // shows or ends the visual bell
	Do           func(func())       // runs a function on the UI goroutine
	// Beep, Request and Clear reach the system (this package's functions
	// of the same names; tests put stand-ins).
	Beep    func(fyne.Window) bool
	Request func(fyne.Window) bool
	Clear   func(fyne.Window)

	action    string // profiles.BellFlash, BellNone, BellSound
	taskbar   bool
	unlimited bool
	limit     Limiter
	urgent    bool // the window's taskbar entry is marked
}

// Configure takes the session's bell settings.
func (b *Bell) Configure(tm profiles.Terminal) {
	b.action, b.taskbar, b.unlimited = tm.Bell, tm.BellTaskbar, tm.BellUnlimited
}

// Ring answers n bells that rang since the last frame: the window flashes
// or the system beeps (once for all of them), the taskbar entry is marked
// when the window is in the background and the session asks for it. It
// reports whether the bell rang, for the tab's own mark.
func (b *Bell) Ring(n uint64) bool {
	if n == 0 || b.action == profiles.BellNone {
		return false
	}
	rang, now := false, time.Now()
	for range min(n, BellBurst+1) {
		rang = b.limit.Allow(now) || b.unlimited || rang
	}
	if !rang {
		return false
	}
	if b.action != profiles.BellSound || !b.Beep(b.Window()) {
		b.flash() // the visual bell, or the sound's stand-in where there is none
	}
	if b.taskbar && b.InBackground() && b.Request(b.Window()) {
		b.urgent = true
	}
	return true
}

// flash shows the visual bell for a moment.
func (b *Bell) flash() {
	b.Flash(true)
	time.AfterFunc(bellFlashFor, func() { b.Do(func() { b.Flash(false) }) })
}

// Seen takes the mark off the taskbar entry once the window is in front
// again.
func (b *Bell) Seen() {
	if b.urgent && !b.InBackground() {
		b.Clear(b.Window())
		b.urgent = false
	}
}
