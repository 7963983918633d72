package prompt

import (
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
)

// StatusText is what BSD telnet's "status" prints for st, lines ending in
// "\n" (the Status dialog shows it too).
func StatusText(st protocol.Status) string {
	var b strings.Builder
	if st.State == protocol.StateConnected {
		fmt.Fprintf(&b, "Connected to %s.\n", st.Host)
		if st.LineMode {
			b.WriteString("Operating in obsolete linemode\n")
		} else {
			b.WriteString("Operating in single character mode\n")
		}
		if st.LocalEcho {
			b.WriteString("Local character echo\n")
		} else {
			b.WriteString("Remote character echo\n")
		}
	} else {
		b.WriteString("No connection.\n")
	}
	if st.Escape >= 0 {
		fmt.Fprintf(&b, "Escape character is '%s'.\n", escapechar.Name(st.Escape))
	} else {
		b.WriteString("No escape character.\n")
	}
	return b.String()
}
