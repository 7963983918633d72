package render

import "github.com/tern-telnet/tern/gui/screen"

// AppendModes appends what tells the widget about a change of the input
// modes its key encoding depends on: application cursor keys (which the
// pinned widget calls mode 1049) and bracketed paste (2004). Nothing is
// appended when neither changed.
func AppendModes(dst []byte, old, now screen.Modes) []byte {
	set := func(on bool, mode string) {
		if on {
			dst = append(dst, "\x1b[?"+mode+"h"...)
		} else {
			dst = append(dst, "\x1b[?"+mode+"l"...)
		}
	}
	if now.AppCursor != old.AppCursor {
		set(now.AppCursor, "1049")
	}
	if now.BracketedPaste != old.BracketedPaste {
		set(now.BracketedPaste, "2004")
	}
	return dst
}
