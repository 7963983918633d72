package termtab

import (
	"github.com/tern-telnet/tern/gui/attention"
	"github.com/tern-telnet/tern/gui/termview"
)

// The system's side of the bell (gui/attention); tests replace them.
var (
	systemBeep       = attention.Beep
	requestAttention = attention.Request
	clearAttention   = attention.Clear
)

// newBell is a tab's bell (gui/attention): it beeps for and marks the
// host's window and flashes the tab's view.
func newBell(host Host, ui uiBridge, view *termview.View) attention.Bell {
	return attention.Bell{Window: host.Window, InBackground: host.InBackground, Flash: view.Flash, Do: ui.do,
		Beep: systemBeep, Request: requestAttention, Clear: clearAttention}
}
