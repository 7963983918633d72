package render

import "github.com/tern-telnet/tern/gui/screen"

// WidgetStart is what the widget is told before anything else: to frame
// every paste in the bracketed-paste markers, so that Tern can tell a
// paste (one write) from keys and clean it; whether the server gets
// markers is the session's business (see protocol.Session.Paste).
const WidgetStart = "\x1b[?2004h"

// AppendModes appends what tells the widget about a change of the one
// input mode its key encoding depends on: application cursor keys (which
// the pinned widget calls mode 1049). Nothing is appended when it did not
// change. The server's bracketed-paste mode never reaches the widget.
func AppendModes(dst []byte, old, now screen.Modes) []byte {
	if now.AppCursor != old.AppCursor {
		if now.AppCursor {
			return append(dst, "\x1b[?1049h"...)
		}
		return append(dst, "\x1b[?1049l"...)
	}
	return dst
}
