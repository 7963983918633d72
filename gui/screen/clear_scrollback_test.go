package screen

import (
	"strings"
	"testing"
)

// TestClearPushesTextIntoScrollback: clear(1)'s ED 2 keeps the screen's
// text in the scrollback (PuTTY's default), down to the last line with
// text; not on the alternate screen, nor when the session asks for
// xterm's way.
func TestClearPushesTextIntoScrollback(t *testing.T) {
	cases := []struct {
		name    string
		drop    bool
		input   string
		history string // what History holds afterwards
		sbLines int
	}{
		{"pushed", false, "one\r\ntwo\r\n\x1b[H\x1b[2Jnew", "one\ntwo\nnew", 2},
		{"dropped", true, "one\r\ntwo\r\n\x1b[H\x1b[2Jnew", "new", 0},
		{"alternate screen", false, "\x1b[?1049hvi text\x1b[2J\x1b[?1049lnew", "new", 0},
		{"blank screen", false, "\x1b[2J\x1b[2Jnew", "new", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New(20, 5, 100)
			s.SetClearDropsText(c.drop)
			s.Write([]byte(c.input))
			if got := strings.TrimRight(s.History(), "\n"); got != c.history {
				t.Errorf("history %q, want %q", got, c.history)
			}
			if n := s.sb.len(); n != c.sbLines {
				t.Errorf("%d scrollback lines, want %d", n, c.sbLines)
			}
		})
	}
}
