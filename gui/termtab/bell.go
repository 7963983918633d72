package termtab

import (
	"time"

	"github.com/tern-telnet/tern/gui/attention"
	"github.com/tern-telnet/tern/gui/termview"
	"github.com/tern-telnet/tern/profiles"
)

// PuTTY's bell overload (its defaults for BellOverloadN, T and S): five
// bells within two seconds silence the bell until it has been quiet for
// five seconds, so a server (or a cat of a binary file) cannot make the
// window flash or beep without end.
const (
	bellBurst    = 5
	bellWindow   = 2 * time.Second
	bellSilence  = 5 * time.Second
	bellFlashFor = 100 * time.Millisecond
)

// The system's side of the bell; tests replace them.
var (
	systemBeep       = attention.Beep
	requestAttention = attention.Request
	clearAttention   = attention.Clear
)

// bellLimiter is PuTTY's bell overload rule.
type bellLimiter struct {
	recent     []time.Time // the last bells, at most bellBurst
	overloaded bool
	last       time.Time
}

// allow records a bell at now and reports whether it may ring.
func (l *bellLimiter) allow(now time.Time) bool {
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
	if len(l.recent) > bellBurst {
		l.recent = l.recent[1:]
	}
	if len(l.recent) >= bellBurst {
		l.overloaded = true
	}
	return !l.overloaded
}

// bell is the tab's bell: the session's choices, what has rung, and the
// view it flashes. UI goroutine.
type bell struct {
	host      Host
	ui        uiBridge
	view      *termview.View
	action    string // profiles.BellFlash, BellNone, BellSound
	taskbar   bool
	unlimited bool
	limit     bellLimiter
	urgent    bool // the window's taskbar entry is marked
}

func (b *bell) configure(tm profiles.Terminal) {
	b.action, b.taskbar, b.unlimited = tm.Bell, tm.BellTaskbar, tm.BellUnlimited
}

// ring answers n bells that rang since the last frame: the window flashes
// or the system beeps (once for all of them), the taskbar entry is marked
// when the window is in the background and the session asks for it. It
// reports whether the bell rang, for the tab's own mark. UI goroutine.
func (b *bell) ring(n uint64) bool {
	if n == 0 || b.action == profiles.BellNone {
		return false
	}
	rang, now := false, time.Now()
	for range min(n, bellBurst+1) {
		rang = b.limit.allow(now) || b.unlimited || rang
	}
	if !rang {
		return false
	}
	if b.action != profiles.BellSound || !systemBeep(b.host.Window()) {
		b.flash() // the visual bell, or the sound's stand-in where there is none
	}
	if b.taskbar && b.host.InBackground() && requestAttention(b.host.Window()) {
		b.urgent = true
	}
	return true
}

// flash shows the visual bell for a moment.
func (b *bell) flash() {
	b.view.Flash(true)
	time.AfterFunc(bellFlashFor, func() { b.ui.do(func() { b.view.Flash(false) }) })
}

// seen takes the mark off the taskbar entry once the window is in front
// again. UI goroutine.
func (b *bell) seen() {
	if b.urgent && !b.host.InBackground() {
		clearAttention(b.host.Window())
		b.urgent = false
	}
}
