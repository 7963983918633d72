package termtab

import "github.com/tern-telnet/tern/gui/attention"

// The system's side of the bell (gui/attention); tests replace them.
var (
	systemBeep       = attention.Beep
	requestAttention = attention.Request
	clearAttention   = attention.Clear
)

// newBell is the tab's bell (gui/attention): it beeps for and marks the
// host's window and flashes the tab's view.
func (t *Tab) newBell() attention.Bell {
	return attention.Bell{Window: t.host.Window, InBackground: t.host.InBackground, Flash: t.view.Flash, Do: t.ui.do,
		Beep: systemBeep, Request: requestAttention, Clear: clearAttention}
}
