package termtab

import (
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/attention"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// bellSystem stands in for the system's bell and taskbar.
type bellSystem struct{ beeps, requests, clears atomic.Int32 }

func stubBellSystem(t *testing.T, beepWorks bool) *bellSystem {
	s := &bellSystem{}
	oldBeep, oldReq, oldClear := systemBeep, requestAttention, clearAttention
	systemBeep = func(fyne.Window) bool { s.beeps.Add(1); return beepWorks }
	requestAttention = func(fyne.Window) bool { s.requests.Add(1); return true }
	clearAttention = func(fyne.Window) { s.clears.Add(1) }
	t.Cleanup(func() { systemBeep, requestAttention, clearAttention = oldBeep, oldReq, oldClear })
	return s
}

func bellHarness(t *testing.T, greeting string, tm profiles.Terminal, background bool) *harness {
	srv := newLoopServer(t, greeting)
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw}, Terminal: tm}
	return newHarnessWith(t, st, func(h *fakeHost) { h.background.Store(background) })
}

func TestBellActions(t *testing.T) {
	cases := []struct {
		name               string
		tm                 profiles.Terminal
		background         bool
		beepWorks          bool
		beeps, requests    int32
		flashes, tabMarked bool
	}{
		{"flash (the default)", profiles.Terminal{}, false, true, 0, 0, true, true},
		{"none", profiles.Terminal{Bell: profiles.BellNone, BellTaskbar: true}, true, true, 0, 0, false, false},
		{"system sound", profiles.Terminal{Bell: profiles.BellSound}, false, true, 1, 0, false, true},
		{"no system sound here: flash instead", profiles.Terminal{Bell: profiles.BellSound}, false, false, 1, 0, true, true},
		{"taskbar in the background", profiles.Terminal{BellTaskbar: true}, true, true, 0, 1, true, true},
		{"no taskbar mark in front", profiles.Terminal{BellTaskbar: true}, false, true, 0, 0, true, true},
		{"no taskbar mark unless asked", profiles.Terminal{}, true, true, 0, 0, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sys := stubBellSystem(t, c.beepWorks)
			h := bellHarness(t, "ding\x07\x07\x07END", c.tm, c.background)
			var marked []bool
			h.host.onRetitle = func(bell bool) { marked = append(marked, bell) }
			flashed := false
			h.waitUntil("the bell's frame", func() bool {
				flashed = flashed || h.tab.view.Flashing()
				return len(marked) > 0
			})
			flashed = flashed || h.tab.view.Flashing()
			if got := sys.beeps.Load(); got != c.beeps {
				t.Errorf("beeps %d, want %d (three bells in one frame ring once)", got, c.beeps)
			}
			if got := sys.requests.Load(); got != c.requests {
				t.Errorf("taskbar requests %d, want %d", got, c.requests)
			}
			if flashed != c.flashes {
				t.Errorf("flashed %v, want %v", flashed, c.flashes)
			}
			if marked[0] != c.tabMarked {
				t.Errorf("tab marked %v, want %v", marked[0], c.tabMarked)
			}
			if c.flashes {
				h.waitUntil("the flash to end", func() bool { return !h.tab.view.Flashing() })
			}
			if c.requests > 0 {
				h.host.background.Store(false)
				h.tab.Redraw(false)
				if sys.clears.Load() != 1 {
					t.Error("the taskbar mark stays once the window is in front")
				}
			}
		})
	}
}

// TestBellOverloadInATab: bells frame after frame ring no more than
// PuTTY's overload rule lets them: four, then silence.
func TestBellOverloadInATab(t *testing.T) {
	sys := stubBellSystem(t, true)
	h := bellHarness(t, "", profiles.Terminal{Bell: profiles.BellSound}, false)
	var frames, marks int
	h.host.onRetitle = func(bell bool) {
		frames++
		if bell {
			marks++
		}
	}
	for i := range 12 {
		sessionHost{h.tab}.Output([]byte("\x07"))
		h.waitUntil("the bell's frame", func() bool { return frames == i+1 })
	}
	if got := sys.beeps.Load(); got != attention.BellBurst-1 || marks != attention.BellBurst-1 {
		t.Errorf("12 bells in a row beeped %d times and marked the tab %d times, want %d", got, marks, attention.BellBurst-1)
	}
}
